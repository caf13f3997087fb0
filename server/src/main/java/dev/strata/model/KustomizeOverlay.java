package dev.strata.model;

import java.util.List;
import java.util.Optional;

/**
 * A kustomize configuration file ({@code kustomization.yaml}, {@code Kustomization} or a {@code
 * Component}). Entries of {@code resources} and {@code components} are relative to the file's
 * folder.
 */
public record KustomizeOverlay(
    ObjectMeta meta,
    boolean component,
    Optional<Located<String>> namespace,
    List<Located<String>> resources,
    List<Located<String>> components,
    Optional<String> namePrefix,
    Optional<String> nameSuffix,
    List<GeneratedSecret> secretGenerator,
    List<Patch> patches,
    List<PatchFile> patchFiles)
    implements Manifest {
  public static final String GROUP = "kustomize.config.k8s.io";

  public KustomizeOverlay {
    resources = List.copyOf(resources);
    components = List.copyOf(components);
    secretGenerator = List.copyOf(secretGenerator);
    patches = List.copyOf(patches);
    patchFiles = List.copyOf(patchFiles);
  }

  /**
   * A {@code patches:} entry naming a file (relative to this file's folder), or a {@code
   * patchesStrategicMerge:} file.
   */
  public record PatchFile(Located<String> path, PatchTarget target) {}

  /** A {@code secretGenerator} entry: literals are inline values, files and envs are paths. */
  public record GeneratedSecret(
      Located<String> name,
      Optional<Located<String>> namespace,
      List<Located<String>> literalKeys,
      List<Located<String>> files) {}
}
