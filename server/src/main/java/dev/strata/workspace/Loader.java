package dev.strata.workspace;

import dev.strata.model.StrataConfig;
import dev.strata.syntax.YamlParser;
import dev.strata.text.Range;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a repository from disk: the only code that touches the file system. It never follows a path
 * out of the root (symbolic links included), skips what {@code .strata.yaml} ignores, and turns
 * every reading problem into a note instead of an exception. Files are parsed on all cores.
 */
public final class Loader {
  private static final List<String> SKIPPED_DIRECTORIES = List.of(".git", "node_modules");

  private final Path root;
  private final Path realRoot;

  private Loader(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
  }

  /** Loads the repository at {@code root}; throws only when the root itself cannot be read. */
  public static Snapshot load(Path root) throws IOException {
    return load(root, Optional.empty());
  }

  /** Loads the repository with its configuration read from {@code configFile} when given. */
  public static Snapshot load(Path root, Optional<Path> configFile) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a directory");
    }
    return new Loader(root).load(configFile);
  }

  /**
   * Re-reads one file of a repository as {@link #load} reads it, for editors that revert a closed
   * buffer or watch the disk; empty when the file is gone or lies outside the root.
   */
  public static Optional<SourceFile> readFile(Path root, String path, long maxFileSize)
      throws IOException {
    Loader loader = new Loader(root);
    Path file = loader.root.resolve(path).normalize();
    if (!file.startsWith(loader.root) || !Files.isRegularFile(file) || !loader.insideRoot(file)) {
      return Optional.empty();
    }
    return Optional.of(loader.read(loader.relative(file), maxFileSize));
  }

  private Snapshot load(Optional<Path> configFile) throws IOException {
    Optional<SourceFile> explicit = Optional.empty();
    StrataConfig config;
    if (configFile.isPresent()) {
      Path file = configFile.get().toAbsolutePath().normalize();
      String name = file.startsWith(root) ? relative(file) : file.toString();
      SourceFile source = fromBytes(name, Files.readAllBytes(file));
      explicit = Optional.of(source);
      config = StrataConfig.read(source.syntax());
    } else {
      config = readConfig();
    }
    List<PathMatcher> ignored = new ArrayList<>();
    for (String glob : config.ignore()) {
      ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    List<String> yaml = new ArrayList<>();
    List<String> others = new ArrayList<>();
    walk(ignored, yaml, others);
    Map<String, String> texts = new TreeMap<>();
    for (String other : others) {
      if (TextFiles.kept(other)) {
        readText(other, config.maxFileSize()).ifPresent(text -> texts.put(other, text));
      }
    }
    readText(TextFiles.GIT_CONFIG, config.maxFileSize())
        .ifPresent(text -> texts.put(TextFiles.GIT_CONFIG, text));
    Snapshot snapshot =
        Snapshot.of(root, parseAll(yaml, config.maxFileSize()), others, texts)
            .withLayout(layout(yaml, others));
    return explicit.isPresent() ? snapshot.withConfigFile(explicit.get()) : snapshot;
  }

  private StrataConfig readConfig() {
    Path file = root.resolve(Snapshot.CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      return StrataConfig.DEFAULT;
    }
    try {
      String text = decode(Files.readAllBytes(file)).text();
      return StrataConfig.read(YamlParser.parse(text));
    } catch (IOException e) {
      return StrataConfig.DEFAULT;
    }
  }

  /** Aliases whose real file is read under its own path too; the others stand for themselves. */
  private DiskLayout layout(List<String> yaml, List<String> others) {
    java.util.Set<String> read = new java.util.HashSet<>(yaml);
    read.addAll(others);
    java.util.Map<String, String> kept = new java.util.TreeMap<>();
    aliases.forEach(
        (alias, real) -> {
          if (read.contains(real)) {
            kept.put(alias, real);
          }
        });
    return new DiskLayout(kept, unreadableFolders);
  }

  private final java.util.Map<String, String> aliases = new java.util.HashMap<>();
  private final java.util.Map<String, FileNote> unreadableFolders = new java.util.TreeMap<>();

  private void walk(List<PathMatcher> ignored, List<String> yaml, List<String> others)
      throws IOException {
    java.util.Deque<Boolean> linked = new java.util.ArrayDeque<>();
    IOException[] rootFailure = new IOException[1];
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root)
                && (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                    || escapes(dir)
                    || isIgnored(ignored, dir))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            linked.push(
                Boolean.TRUE.equals(linked.peek())
                    || !dir.equals(root) && Files.isSymbolicLink(dir));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            linked.pop();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || escapes(file) || isIgnored(ignored, file)) {
              return FileVisitResult.CONTINUE;
            }
            String relative = relative(file);
            String name = file.getFileName().toString();
            (name.endsWith(".yaml") || name.endsWith(".yml") ? yaml : others).add(relative);
            if (Boolean.TRUE.equals(linked.peek()) || Files.isSymbolicLink(file)) {
              realPath(file).ifPresent(real -> aliases.put(relative, real));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root)) {
              rootFailure[0] = e;
              return FileVisitResult.TERMINATE;
            }
            if (!(e instanceof FileSystemLoopException) && Files.isDirectory(file)) {
              unreadableFolders.put(
                  relative(file),
                  new FileNote(
                      FileNote.Kind.SKIPPED,
                      "skipped: the folder cannot be read ("
                          + e.getClass().getSimpleName()
                          + "), so nothing below it is analysed",
                      Range.ZERO));
              return FileVisitResult.CONTINUE;
            }
            // Loops and files deleted while walking are simply not part of the snapshot.
            if (!(e instanceof FileSystemLoopException)
                && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              String name = file.getFileName().toString();
              if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                yaml.add(relative(file));
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    if (rootFailure[0] != null) {
      throw new IOException(rootFailure[0].getClass().getSimpleName(), rootFailure[0]);
    }
  }

  /** A file's real path relative to the real root, when it lies inside. */
  private Optional<String> realPath(Path file) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(realRoot)
          ? Optional.of(realRoot.relativize(real).toString().replace('\\', '/'))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * During the walk only a symbolic link can lead out of the root: every other path is below a
   * folder already checked, so only links pay for resolving their real path.
   */
  private boolean escapes(Path path) {
    return Files.isSymbolicLink(path) && !insideRoot(path);
  }

  private boolean insideRoot(Path path) {
    try {
      return path.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean isIgnored(List<PathMatcher> ignored, Path path) {
    Path relative = root.relativize(path);
    return ignored.stream().anyMatch(m -> m.matches(relative));
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private List<SourceFile> parseAll(List<String> paths, long maxFileSize) throws IOException {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    AtomicInteger counter = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "strata-load-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<SourceFile>> futures = new ArrayList<>();
      for (String path : paths) {
        futures.add(executor.submit(() -> read(path, maxFileSize)));
      }
      List<SourceFile> result = new ArrayList<>(futures.size());
      for (Future<SourceFile> future : futures) {
        result.add(future.get());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("loading was interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("loading failed", e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * The text of a file that is not YAML, when it is a regular file inside the root, valid UTF-8 and
   * not too large; anything else is simply not kept.
   */
  private Optional<String> readText(String path, long maxFileSize) {
    Path file = root.resolve(path);
    try {
      if (!Files.isRegularFile(file)
          || Files.size(file) > maxFileSize
          || (Files.isSymbolicLink(file) && !insideRoot(file))) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      Decoded decoded = decode(bytes);
      return looksBinary(bytes) || decoded.note().isPresent()
          ? Optional.empty()
          : Optional.of(decoded.text());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Reads one file; every failure becomes a note on a skipped file. */
  SourceFile read(String path, long maxFileSize) {
    Path file = root.resolve(path);
    try {
      long size = Files.size(file);
      if (size > maxFileSize) {
        return SourceFile.skipped(
            path,
            new FileNote(
                FileNote.Kind.SKIPPED,
                "skipped: "
                    + size
                    + " bytes is more than the limit of "
                    + maxFileSize
                    + " (maxFileSize in .strata.yaml)",
                Range.ZERO));
      }
      return fromBytes(path, Files.readAllBytes(file));
    } catch (IOException | SecurityException e) {
      return SourceFile.skipped(
          path,
          new FileNote(
              FileNote.Kind.SKIPPED,
              "skipped: the file cannot be read (" + e.getClass().getSimpleName() + ")",
              Range.ZERO));
    }
  }

  /** Decodes and parses bytes as the editor would show them. */
  public static SourceFile fromBytes(String path, byte[] bytes) {
    if (looksBinary(bytes)) {
      return SourceFile.skipped(
          path,
          new FileNote(
              FileNote.Kind.SKIPPED,
              "skipped: the file holds binary data, not YAML text",
              Range.ZERO));
    }
    Decoded decoded = decode(bytes);
    return SourceFile.parse(path, decoded.text(), decoded.note().map(List::of).orElse(List.of()));
  }

  private static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private record Decoded(String text, Optional<FileNote> note) {}

  private static Decoded decode(byte[] bytes) {
    int offset =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buffer)
              .toString();
      return new Decoded(text, Optional.empty());
    } catch (CharacterCodingException e) {
      String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
      int bad = text.indexOf('\uFFFD');
      dev.strata.text.Position at = dev.strata.text.LineIndex.of(text).position(Math.max(bad, 0));
      return new Decoded(
          text,
          Optional.of(
              new FileNote(
                  FileNote.Kind.ENCODING,
                  "the file is not valid UTF-8; invalid bytes were read as \uFFFD",
                  Range.at(at))));
    }
  }
}
