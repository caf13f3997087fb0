package dev.strata.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What SARIF artifact URIs are relative to. {@code SRCROOT} is the top of the git work tree that
 * holds DIR (GitHub resolves result paths against the repository root), the folder given with
 * {@code --sarif-root}, or DIR itself outside git; {@code CONFIGROOT} is the folder of a {@code
 * --config} file that lies outside {@code SRCROOT}, so that no URI is ever absolute.
 */
final class SarifRoots {
  static final String SRCROOT = "SRCROOT";
  static final String CONFIGROOT = "CONFIGROOT";

  /** Why {@code SRCROOT} is where it is, as {@code originalUriBaseIds} says. */
  enum Reason {
    GIT_WORK_TREE("the top of the git work tree that holds the checked folder"),
    OPTION("the folder given with --sarif-root"),
    CHECKED_FOLDER("the checked folder, which is not inside a git work tree");

    final String description;

    Reason(String description) {
      this.description = description;
    }
  }

  /** One artifact location: its base and its URI relative to that base. */
  record Artifact(String baseId, UriPath uri) {}

  private final Path directory;
  private final Path srcroot;
  private final Reason reason;

  private SarifRoots(Path directory, Path srcroot, Reason reason) {
    this.directory = directory;
    this.srcroot = srcroot;
    this.reason = reason;
  }

  /**
   * The roots for a checked folder; empty when {@code --sarif-root} does not hold that folder,
   * which the command reports as bad usage.
   */
  static Optional<SarifRoots> of(Path directory, Optional<Path> option) {
    Path folder = directory.toAbsolutePath().normalize();
    if (option.isPresent()) {
      Path root = option.get().toAbsolutePath().normalize();
      return folder.startsWith(root)
          ? Optional.of(new SarifRoots(folder, root, Reason.OPTION))
          : Optional.empty();
    }
    return Optional.of(
        GitWorkTree.topOf(folder)
            .map(top -> new SarifRoots(folder, top, Reason.GIT_WORK_TREE))
            .orElseGet(() -> new SarifRoots(folder, folder, Reason.CHECKED_FOLDER)));
  }

  Reason reason() {
    return reason;
  }

  /** A finding's file: relative to the checked folder, or absolute for a file outside it. */
  Artifact artifact(String file) {
    Path path = Path.of(file);
    Path absolute = path.isAbsolute() ? path.normalize() : directory.resolve(file).normalize();
    if (absolute.startsWith(srcroot)) {
      return new Artifact(SRCROOT, UriPath.of(slashes(srcroot.relativize(absolute))));
    }
    return new Artifact(CONFIGROOT, UriPath.of(absolute.getFileName().toString()));
  }

  /** {@code originalUriBaseIds}: the bases that {@code used} names, each an absolute folder URI. */
  JsonObject baseIds(java.util.Collection<String> files) {
    JsonObject bases = new JsonObject();
    bases.add(SRCROOT, base(srcroot, reason.description));
    files.stream()
        .map(Path::of)
        .filter(p -> p.isAbsolute() && !p.normalize().startsWith(srcroot))
        .findFirst()
        .ifPresent(
            p ->
                bases.add(
                    CONFIGROOT,
                    base(
                        p.normalize().getParent(),
                        "the folder of the --config file, which lies outside " + SRCROOT)));
    return bases;
  }

  private static JsonObject base(Path folder, String description) {
    JsonObject base = new JsonObject();
    String uri = folder.toUri().toString();
    base.addProperty("uri", uri.endsWith("/") ? uri : uri + "/");
    JsonObject text = new JsonObject();
    text.addProperty("text", description);
    base.add("description", text);
    return base;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
