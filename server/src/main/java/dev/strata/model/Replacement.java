package dev.strata.model;

import dev.strata.text.Range;
import java.util.List;
import java.util.Optional;

/**
 * One kustomize {@code replacements} entry: the value at {@code source.fieldPath} of the one object
 * {@code source} selects is copied to {@code fieldPaths} of every object a target selects and no
 * {@code reject} matches (kubernetes-sigs/kustomize {@code api/filters/replacement}).
 */
public record Replacement(Source source, List<Target> targets, Range range) {
  public Replacement {
    targets = List.copyOf(targets);
  }

  /** The object to copy from; {@code fieldPath} defaults to {@code metadata.name}. */
  public record Source(PatchTarget select, String fieldPath, Options options) {}

  /** Where to copy to. */
  public record Target(
      List<PatchTarget> select,
      List<PatchTarget> reject,
      List<String> fieldPaths,
      Options options) {
    public Target {
      select = List.copyOf(select);
      reject = List.copyOf(reject);
      fieldPaths = List.copyOf(fieldPaths);
    }
  }

  /** Partial copies ({@code delimiter} and {@code index}) and {@code create} for absent fields. */
  public record Options(Optional<String> delimiter, int index, boolean create) {
    public static final Options NONE = new Options(Optional.empty(), 0, false);
  }
}
