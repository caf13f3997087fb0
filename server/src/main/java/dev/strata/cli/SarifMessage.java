package dev.strata.cli;

import dev.strata.analysis.Finding;
import java.util.List;

/**
 * A result's message with its related locations linked as SARIF embedded links, {@code [text](id)},
 * which is what makes GitHub show them: "... Related: [Kustomization flux-system/apps depends on
 * infra](1)." Brackets and backslashes in a link's text are escaped, as SARIF 2.1.0 §3.11.6
 * requires of plain-text messages.
 */
final class SarifMessage {
  private SarifMessage() {}

  /** The text; related location {@code i} of the list has id {@code i + 1}. */
  static String text(Finding finding) {
    List<Finding.Related> related = finding.related();
    if (related.isEmpty()) {
      return finding.message();
    }
    StringBuilder out = new StringBuilder(finding.message());
    if (!finding.message().endsWith(".")) {
      out.append('.');
    }
    out.append(" Related: ");
    for (int i = 0; i < related.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String message = related.get(i).message();
      out.append('[')
          .append(escape(message.isBlank() ? "related location " + (i + 1) : message))
          .append("](")
          .append(i + 1)
          .append(')');
    }
    return out.append('.').toString();
  }

  static String escape(String linkText) {
    return linkText.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }
}
