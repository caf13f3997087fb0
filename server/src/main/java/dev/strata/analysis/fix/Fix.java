package dev.strata.analysis.fix;

import java.util.List;

/**
 * A repair a user can apply and undo in one step. {@code preferred} marks the one clearly right fix
 * of a finding; {@code refactor} marks fixes offered without a finding.
 */
public record Fix(String title, boolean preferred, boolean refactor, List<FileChange> changes) {
  public Fix {
    changes = List.copyOf(changes);
  }
}
