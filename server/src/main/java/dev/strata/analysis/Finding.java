package dev.strata.analysis;

import dev.strata.model.Severity;
import dev.strata.text.Range;
import dev.strata.workspace.Origin;
import java.util.List;

/**
 * One problem a rule found, at a range of a repository-relative file. {@code related} points at the
 * other places that make it true (the other members of a cycle, the links of a chain). Messages
 * name objects and files, never a secret value.
 */
public record Finding(
    String rule,
    Severity severity,
    String file,
    Range range,
    String message,
    List<Related> related) {
  public Finding {
    related = List.copyOf(related);
  }

  /** Another place that explains a finding. */
  public record Related(String file, Range range, String message) {
    public static Related of(Origin origin, String message) {
      return new Related(origin.file(), origin.range(), message);
    }
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, file, range, message, related);
  }

  public Origin origin() {
    return new Origin(file, range);
  }
}
