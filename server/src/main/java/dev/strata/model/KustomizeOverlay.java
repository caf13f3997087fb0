package dev.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kustomize configuration file ({@code kustomization.yaml}, {@code Kustomization} or a {@code
 * Component}). Entries of {@code resources}, {@code components}, patch and replacement files and
 * generator inputs are relative to the file's folder. {@code unmodelled} names the fields present
 * that Strata does not follow ({@code transformers}, {@code helmCharts}, ...): what they could
 * change is unknown.
 */
public record KustomizeOverlay(
    ObjectMeta meta,
    boolean component,
    Optional<Located<String>> namespace,
    List<Located<String>> resources,
    List<Located<String>> components,
    Optional<Located<String>> namePrefix,
    Optional<Located<String>> nameSuffix,
    List<GeneratedSecret> secretGenerator,
    List<GeneratedConfigMap> configMapGenerator,
    boolean disableNameSuffixHash,
    List<Patch> patches,
    List<PatchFile> patchFiles,
    List<Replacement> replacements,
    List<Located<String>> replacementFiles,
    List<LabelSet> labels,
    List<LabelSet> annotations,
    List<String> unmodelled)
    implements Manifest {
  public static final String GROUP = "kustomize.config.k8s.io";

  public KustomizeOverlay {
    resources = List.copyOf(resources);
    components = List.copyOf(components);
    secretGenerator = List.copyOf(secretGenerator);
    configMapGenerator = List.copyOf(configMapGenerator);
    patches = List.copyOf(patches);
    patchFiles = List.copyOf(patchFiles);
    replacements = List.copyOf(replacements);
    replacementFiles = List.copyOf(replacementFiles);
    labels = List.copyOf(labels);
    annotations = List.copyOf(annotations);
    unmodelled = List.copyOf(unmodelled);
  }

  /**
   * A {@code patches:} entry naming a file (relative to this file's folder), or a {@code
   * patchesStrategicMerge:} file.
   */
  public record PatchFile(Located<String> path, PatchTarget target) {}

  /**
   * A {@code secretGenerator} entry: literals are inline values, files and envs are paths; {@code
   * behavior} is {@code create} (the default), {@code merge} or {@code replace}.
   */
  public record GeneratedSecret(
      Located<String> name,
      Optional<Located<String>> namespace,
      List<Located<String>> literalKeys,
      List<Located<String>> files,
      String behavior) {}

  /**
   * A {@code configMapGenerator} entry. ConfigMap values are not secret: {@code literals} keeps
   * them; {@code files} maps each key to its file ({@code key=path}, or the file's name) and {@code
   * envs} lists env files.
   */
  public record GeneratedConfigMap(
      Located<String> name,
      Optional<Located<String>> namespace,
      Map<String, String> literals,
      Map<String, Located<String>> files,
      List<Located<String>> envs,
      String behavior) {}

  /**
   * {@code commonLabels} (selectors included) or one {@code labels:} entry: the pairs it adds to
   * every object's {@code metadata.labels}; in {@code annotations}, {@code commonAnnotations} and
   * what it adds to {@code metadata.annotations}. {@code range} is where it is written.
   */
  public record LabelSet(Map<String, String> pairs, dev.strata.text.Range range) {}
}
