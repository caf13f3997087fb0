package dev.strata.workspace;

import dev.strata.model.ManifestReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Why no cluster applies a file: the nearest kustomization file above it that some cluster builds
 * does not list it (and perhaps lists it in a comment), or the folder a Kustomization builds leaves
 * it out of its source's artifact, or no cluster builds any folder above it. This is what a user
 * must change to apply the file, or the sign that it is dead. One rule's, for one snapshot: not
 * shared between threads.
 */
public final class Unreached {
  private final Snapshot snapshot;
  private final RenderTree render;
  private final Set<String> builtFolders = new HashSet<>();
  private final Set<String> appliedThroughLinks = new HashSet<>();

  public Unreached(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.render = snapshot.render();
    snapshot
        .layout()
        .aliases()
        .forEach(
            (alias, real) -> {
              if (render.applied(alias)) {
                appliedThroughLinks.add(real);
              }
            });
    for (Cluster cluster : render.clusters()) {
      for (AppliedKustomization kustomization : cluster.kustomizations()) {
        if (kustomization.status() == BuildStatus.BUILT) {
          kustomization.path().ifPresent(builtFolders::add);
        }
      }
    }
  }

  /** The reason in words, or empty when a cluster does apply the file. */
  public Optional<String> why(String file) {
    // A linked copy is reported under its real file, which a cluster may apply through the link.
    if (render.applied(file)
        || render.data(file)
        || appliedThroughLinks.contains(file)
        || snapshot.layout().realPath(file).isPresent()) {
      return Optional.empty();
    }
    String folder = SourceFile.directoryOf(file);
    String child = SourceFile.nameOf(file);
    while (true) {
      Optional<String> overlay = kustomizationFile(folder);
      if (overlay.isPresent() && render.applied(overlay.get())) {
        String entry = child;
        String listed = commentedOut(overlay.get(), entry) ? "its entry is commented out in " : "";
        return Optional.of(
            listed.isEmpty()
                ? overlay.get() + " does not list " + entry + ", so no cluster applies it"
                : listed + overlay.get() + ", so no cluster applies it");
      }
      if (overlay.isEmpty() && builtFolders.contains(folder)) {
        return Optional.of(
            "a Kustomization builds "
                + (folder.isEmpty() ? "the repository's root" : folder)
                + ", but its source leaves this file out of the artifact (spec.ignore or"
                + " .sourceignore)");
      }
      if (folder.isEmpty()) {
        return Optional.of("no cluster builds this folder or any folder above it");
      }
      child = SourceFile.nameOf(folder);
      folder = SourceFile.directoryOf(folder);
    }
  }

  // The kustomization file of each folder asked about: the files of one folder, and those below
  // it, walk up through the same folders.
  private final java.util.Map<String, Optional<String>> overlays = new java.util.HashMap<>();

  private Optional<String> kustomizationFile(String folder) {
    Optional<String> known = overlays.get(folder);
    if (known == null) {
      known = Optional.empty();
      for (String name : ManifestReader.KUSTOMIZATION_FILE_NAMES) {
        String path = folder.isEmpty() ? name : folder + "/" + name;
        if (snapshot.file(path).isPresent()) {
          known = Optional.of(path);
          break;
        }
      }
      overlays.put(folder, known);
    }
    return known;
  }

  /** True when a comment line of the kustomization file names the entry. */
  private boolean commentedOut(String overlay, String entry) {
    String text = snapshot.file(overlay).map(SourceFile::text).orElse("");
    if (!text.contains(entry)) {
      return false;
    }
    java.util.regex.Pattern listed =
        java.util.regex.Pattern.compile(
            "#\\s*-\\s*\\S*" + java.util.regex.Pattern.quote(entry) + "\\S*\\s*(#.*)?");
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") && listed.matcher(trimmed).matches()) {
        return true;
      }
    }
    return false;
  }
}
