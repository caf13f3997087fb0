package dev.strata.workspace;

import java.util.Map;
import java.util.Optional;

/**
 * What the loader saw of the disk beyond the files' contents. {@code aliases} maps each file read
 * through a symbolic link that stays inside the root to the path of the real file, which is read
 * under its own path too: rendering follows links as kustomize does, while reports name each real
 * file once. {@code unreadableFolders} holds a note for each folder that could not be listed.
 */
public record DiskLayout(Map<String, String> aliases, Map<String, FileNote> unreadableFolders) {
  public static final DiskLayout NONE = new DiskLayout(Map.of(), Map.of());

  public DiskLayout {
    aliases = Map.copyOf(aliases);
    unreadableFolders = Map.copyOf(unreadableFolders);
  }

  /** The path of the real file behind an alias, or empty for a file that is read directly. */
  public Optional<String> realPath(String path) {
    return Optional.ofNullable(aliases.get(path));
  }
}
