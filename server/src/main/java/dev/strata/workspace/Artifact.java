package dev.strata.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a source of this repository delivers to kustomize-controller, as folders of this workspace:
 * each {@link Mapping} puts a workspace folder (or file) at a place of the artifact. A repository's
 * own GitRepository maps the whole workspace to the artifact's root; an OCI artifact that CI pushes
 * from {@code kubernetes} maps that folder; an ExternalArtifact of an ArtifactGenerator maps the
 * folders it copies. {@code ignore} is what the source leaves out. Paths of a Kustomization of this
 * source are artifact paths, and cannot leave the artifact.
 */
final class Artifact {
  /** A workspace path at an artifact path; {@code file} when one file is copied alone. */
  record Mapping(String artifact, String workspace, boolean file) {}

  // The artifacts of the last renders: a render after an edit resolves the same sources again, and
  // every build of it is looked up by its artifact in the previous render's memo. Handing out the
  // instance that memo holds makes that lookup an identity test instead of a comparison of every
  // mapping and ignore pattern, which was a tenth of a kochhaus render's memo hits.
  private static final Recent<Artifact> RECENT = new Recent<>(256);

  static final Artifact WORKSPACE = of("", SourceIgnore.NONE);

  private final List<Mapping> mappings;
  private final SourceIgnore ignore;
  private final int hash;

  private Artifact(List<Mapping> mappings, SourceIgnore ignore) {
    this.mappings =
        mappings.stream()
            .sorted(Comparator.comparingInt((Mapping m) -> m.artifact().length()).reversed())
            .toList();
    this.ignore = ignore;
    this.hash = 31 * this.mappings.hashCode() + ignore.hashCode();
  }

  /** The artifact of these mappings and rules: the instance of an earlier render when equal. */
  static Artifact of(List<Mapping> mappings, SourceIgnore ignore) {
    return RECENT.intern(new Artifact(mappings, ignore));
  }

  static Artifact of(String root, SourceIgnore ignore) {
    return of(List.of(new Mapping("", root, false)), ignore);
  }

  /** Each workspace path at its artifact path, the longest artifact path first. */
  List<Mapping> mappings() {
    return mappings;
  }

  /** What the source leaves out. */
  SourceIgnore ignore() {
    return ignore;
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof Artifact o
            && o.hash == hash
            && o.mappings.equals(mappings)
            && o.ignore.equals(ignore);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Artifact" + mappings;
  }

  /** The workspace folder of the artifact's root, when one folder is its root. */
  String root() {
    for (Mapping mapping : mappings) {
      if (mapping.artifact().isEmpty() && !mapping.file()) {
        return mapping.workspace();
      }
    }
    return mappings.isEmpty() ? "" : mappings.get(mappings.size() - 1).workspace();
  }

  /** The workspace path of an artifact path; empty when it climbs out or nothing is there. */
  Optional<String> resolve(String path) {
    Optional<String> normalized = RepositoryPath.normalize(path);
    if (normalized.isEmpty()) {
      return Optional.empty();
    }
    String inside = normalized.get();
    for (Mapping mapping : mappings) {
      String prefix = mapping.artifact();
      if (mapping.file()) {
        if (inside.equals(prefix)) {
          return Optional.of(mapping.workspace());
        }
        continue;
      }
      if (prefix.isEmpty() || inside.equals(prefix) || inside.startsWith(prefix + "/")) {
        String rest = prefix.isEmpty() ? inside : inside.substring(prefix.length());
        rest = rest.startsWith("/") ? rest.substring(1) : rest;
        String root = mapping.workspace();
        return Optional.of(root.isEmpty() ? rest : (rest.isEmpty() ? root : root + "/" + rest));
      }
    }
    // A folder of the artifact that holds nothing but one copied folder (source-watcher copies
    // "@src/dir/" into the destination as a sub-folder) builds as that folder does: the generated
    // kustomization includes it as its one unit.
    List<Mapping> below =
        mappings.stream()
            .filter(m -> !m.file() && (inside.isEmpty() || m.artifact().startsWith(inside + "/")))
            .toList();
    return below.size() == 1 ? Optional.of(below.get(0).workspace()) : Optional.empty();
  }

  /** True when the workspace path lies in a mapped folder, whatever the ignore rules say. */
  boolean covers(String workspacePath) {
    return artifactPath(workspacePath).isPresent();
  }

  /** True when the workspace file (or folder) is part of the artifact. */
  boolean contains(String workspacePath) {
    Optional<String> inside = artifactPath(workspacePath);
    return inside.isPresent() && (inside.get().isEmpty() || ignore.keeps(inside.get()));
  }

  private Optional<String> artifactPath(String workspacePath) {
    for (Mapping mapping : mappings) {
      String root = mapping.workspace();
      if (mapping.file()) {
        if (workspacePath.equals(root)) {
          return Optional.of(mapping.artifact());
        }
        continue;
      }
      if (root.isEmpty() || workspacePath.equals(root) || workspacePath.startsWith(root + "/")) {
        String rest = root.isEmpty() ? workspacePath : workspacePath.substring(root.length());
        rest = rest.startsWith("/") ? rest.substring(1) : rest;
        String prefix = mapping.artifact();
        return Optional.of(
            prefix.isEmpty() ? rest : (rest.isEmpty() ? prefix : prefix + "/" + rest));
      }
    }
    return Optional.empty();
  }
}
