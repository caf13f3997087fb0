package dev.strata.testing;

import dev.strata.analysis.Analysis;
import dev.strata.analysis.Analyzer;
import dev.strata.analysis.Finding;
import dev.strata.analysis.Rule;
import dev.strata.model.Severity;
import dev.strata.text.Position;
import dev.strata.text.Range;
import dev.strata.workspace.Snapshot;
import dev.strata.workspace.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multi-file repository written in one text block. {@code #- path/to/file.yaml} starts a file; a
 * comment line of carets ({@code # ^^^^ error[rule-id]}, optionally {@code : words of the message})
 * marks the expected range on the nearest line above that is not an annotation. Annotation lines
 * stay in the file as YAML comments, so positions are those of the text as written. {@code $0}
 * marks a cursor and is removed from the text.
 */
public final class Fixture {
  private static final Pattern FILE = Pattern.compile("^#- (\\S+)\\s*$");
  private static final Pattern ANNOTATION =
      Pattern.compile("^#(\\s*)(\\^+)\\s+(error|warning|info|hint)\\[([a-z0-9-]+)](?::\\s*(.*))?$");

  private final Map<String, String> files;
  private final List<Expected> expected;
  private final Position cursor;
  private final String cursorFile;

  /**
   * A finding the fixture's annotations ask for; {@code text} must occur in the message when not
   * empty.
   */
  public record Expected(String file, Range range, Severity severity, String rule, String text) {
    @Override
    public String toString() {
      return file
          + ":"
          + range
          + " "
          + severity.label()
          + "["
          + rule
          + "]"
          + (text.isEmpty() ? "" : ": " + text);
    }
  }

  private Fixture(
      Map<String, String> files, List<Expected> expected, String cursorFile, Position cursor) {
    this.files = files;
    this.expected = expected;
    this.cursorFile = cursorFile;
    this.cursor = cursor;
  }

  public static Fixture of(String text) {
    Map<String, StringBuilder> builders = new LinkedHashMap<>();
    List<Expected> expected = new ArrayList<>();
    String current = null;
    int line = 0;
    int lastContentLine = 0;
    String cursorFile = null;
    Position cursor = null;
    for (String raw : text.split("\n", -1)) {
      Matcher file = FILE.matcher(raw);
      if (file.matches()) {
        current = file.group(1);
        builders.put(current, new StringBuilder());
        line = 0;
        continue;
      }
      if (current == null) {
        continue;
      }
      Matcher annotation = ANNOTATION.matcher(raw);
      if (annotation.matches()) {
        int start = 1 + annotation.group(1).length();
        int end = start + annotation.group(2).length();
        expected.add(
            new Expected(
                current,
                Range.of(lastContentLine, start, lastContentLine, end),
                Severity.parse(annotation.group(3)).orElseThrow(),
                annotation.group(4),
                annotation.group(5) == null ? "" : annotation.group(5).trim()));
      } else {
        lastContentLine = line;
      }
      String content = raw;
      int marker = content.indexOf("$0");
      if (marker >= 0) {
        cursorFile = current;
        cursor = new Position(line, marker);
        content = content.substring(0, marker) + content.substring(marker + 2);
      }
      builders.get(current).append(content).append('\n');
      line++;
    }
    Map<String, String> files = new LinkedHashMap<>();
    builders.forEach((path, builder) -> files.put(path, builder.toString()));
    return new Fixture(files, expected, cursorFile, cursor);
  }

  public Map<String, String> files() {
    return files;
  }

  public List<Expected> expected() {
    return expected;
  }

  public Position cursor() {
    return cursor;
  }

  public String cursorFile() {
    return cursorFile;
  }

  public Snapshot snapshot() {
    List<SourceFile> sources = new ArrayList<>();
    List<String> others = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    files.forEach(
        (path, text) -> {
          if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            sources.add(SourceFile.parse(path, text));
          } else {
            others.add(path);
            texts.put(path, text);
          }
        });
    return Snapshot.of(Path.of("/fixture").toAbsolutePath(), sources, others, texts);
  }

  public Analysis analysis() {
    return new Analysis(snapshot());
  }

  /** Runs every rule, configured severities applied. */
  public List<Finding> findings() {
    return Analyzer.standard(
            (rule, e) -> {
              throw e;
            })
        .analyze(analysis());
  }

  /** Runs every rule and keeps the findings of the given one, configured severities applied. */
  public List<Finding> findings(String ruleId) {
    return findings().stream().filter(f -> f.rule().equals(ruleId)).toList();
  }

  /** Runs one rule alone, outside the catalogue. */
  public List<Finding> findings(Rule rule) {
    return new Analyzer(
            List.of(rule),
            (r, e) -> {
              throw e;
            })
        .analyze(analysis());
  }
}
