package dev.strata.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's page from {@code docs/rules}, bundled into the jar at build time: the whole page is
 * SARIF's markdown help, and the first paragraph under "What it finds" its full description (the
 * rule's one-line summary is the short one).
 */
record RuleDocs(String markdown) {
  static RuleDocs of(String id) {
    try (InputStream in = RuleDocs.class.getResourceAsStream("/strata/rules/" + id + ".md")) {
      return new RuleDocs(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new RuleDocs("");
    }
  }

  /** The first paragraph of "## What it finds" as plain text, or empty. */
  String whatItFinds() {
    List<String> lines = markdown.lines().toList();
    int start = lines.indexOf("## What it finds");
    if (start < 0) {
      return "";
    }
    List<String> paragraph = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank()) {
        if (!paragraph.isEmpty()) {
          break;
        }
      } else if (line.startsWith("#")) {
        break;
      } else {
        paragraph.add(line.strip());
      }
    }
    return String.join(" ", paragraph).replace("`", "").replace("*", "");
  }
}
