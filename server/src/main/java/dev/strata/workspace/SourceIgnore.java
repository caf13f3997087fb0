package dev.strata.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a source leaves out of its artifact, in source-controller's terms: {@code .gitignore}-style
 * patterns, matched as go-git matches them (the last pattern that matches a path or one of its
 * folders decides; {@code !} re-includes). With no pattern of the user's ({@code spec.ignore} or a
 * {@code .sourceignore} file), source-controller's defaults apply; with any, only the
 * version-control patterns and the user's (fluxcd/pkg {@code sourceignore/sourceignore.go}, {@code
 * artifact/storage/archive.go} {@code SourceIgnoreFilter}).
 */
final class SourceIgnore {
  static final List<String> VCS = List.of(".git/", ".gitignore", ".gitmodules", ".gitattributes");
  static final List<String> DEFAULTS =
      List.of(
          "*.jpg",
          "*.jpeg",
          "*.gif",
          "*.png",
          "*.wmv",
          "*.flv",
          "*.tar.gz",
          "*.zip",
          ".github/",
          ".circleci/",
          ".travis.yml",
          ".gitlab-ci.yml",
          "appveyor.yml",
          ".drone.yml",
          "cloudbuild.yaml",
          "codeship-services.yml",
          "codeship-steps.yml",
          "**/.goreleaser.yml",
          "**/.sops.yaml",
          "**/.flux.yaml");
  static final SourceIgnore NONE = new SourceIgnore(List.of());

  private record Pattern(
      List<String> domain, List<String> segments, boolean negate, boolean dirOnly, boolean glob) {}

  private final List<Pattern> patterns;
  // Every build of a render is looked up by its artifact, whose rules these are: hashed once.
  private final int hash;
  // Whether each folder and everything above it is kept: every file below asks again.
  private final java.util.Map<String, Boolean> keptFolders =
      new java.util.concurrent.ConcurrentHashMap<>();

  // Whether each file is kept; the answer is a pure function of the patterns, and every render
  // asks again for every file of every build.
  private final java.util.Map<String, Boolean> keptFiles =
      new java.util.concurrent.ConcurrentHashMap<>();

  // The rules of the last sources read, by what they were read from: a render after an edit asks
  // for the same rules again, and keeps the answers the previous render cached.
  private static final java.util.Map<List<Scoped>, SourceIgnore> RECENT =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(
                java.util.Map.Entry<List<Scoped>, SourceIgnore> eldest) {
              return size() > 64;
            }
          });

  private SourceIgnore(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
    this.hash = this.patterns.hashCode();
  }

  /**
   * The ignore rules of a source: {@code user} patterns (from {@code .sourceignore} files, each
   * with the folder it applies in, and {@code spec.ignore} last) or, when there are none, the
   * defaults.
   */
  static SourceIgnore of(List<Scoped> user) {
    List<Scoped> key = List.copyOf(user);
    SourceIgnore known = RECENT.get(key);
    if (known == null) {
      known = read(key);
      RECENT.put(key, known);
    }
    return known;
  }

  private static SourceIgnore read(List<Scoped> user) {
    List<Pattern> result = new ArrayList<>();
    for (String line : VCS) {
      parse(line, List.of()).ifPresent(result::add);
    }
    if (user.isEmpty()) {
      for (String line : DEFAULTS) {
        parse(line, List.of()).ifPresent(result::add);
      }
    }
    for (Scoped scoped : user) {
      List<String> domain =
          scoped.folder().isEmpty() ? List.of() : Arrays.asList(scoped.folder().split("/"));
      for (String line : scoped.text().split("\n")) {
        parse(line, domain).ifPresent(result::add);
      }
    }
    return new SourceIgnore(result);
  }

  /**
   * Patterns read from one place: a {@code .sourceignore} in {@code folder}, or {@code
   * spec.ignore}.
   */
  record Scoped(String folder, String text) {}

  private static java.util.Optional<Pattern> parse(String raw, List<String> domain) {
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return java.util.Optional.empty();
    }
    boolean negate = line.startsWith("!");
    if (negate) {
      line = line.substring(1);
    }
    boolean dirOnly = line.endsWith("/");
    if (dirOnly) {
      line = line.substring(0, line.length() - 1);
    }
    boolean anchored = line.startsWith("/");
    if (anchored) {
      line = line.substring(1);
    }
    if (line.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> segments = Arrays.asList(line.split("/"));
    boolean glob = anchored || segments.size() > 1;
    return java.util.Optional.of(new Pattern(domain, segments, negate, dirOnly, glob));
  }

  /** True when the file (a path relative to the artifact's root) is in the artifact. */
  boolean includes(String path, boolean directory) {
    List<String> parts = Arrays.asList(path.split("/"));
    for (int i = patterns.size() - 1; i >= 0; i--) {
      Pattern pattern = patterns.get(i);
      if (matches(pattern, parts, directory)) {
        return pattern.negate();
      }
    }
    return true;
  }

  /** True when neither this file nor any folder above it is ignored. */
  boolean keeps(String path) {
    if (patterns.isEmpty()) {
      return true;
    }
    Boolean known = keptFiles.get(path);
    if (known != null) {
      return known;
    }
    int slash = path.lastIndexOf('/');
    boolean kept = (slash < 0 || keepsFolder(path.substring(0, slash))) && includes(path, false);
    if (keptFiles.size() < 200_000) {
      keptFiles.put(path, kept);
    }
    return kept;
  }

  private boolean keepsFolder(String folder) {
    Boolean known = keptFolders.get(folder);
    if (known != null) {
      return known;
    }
    int slash = folder.lastIndexOf('/');
    boolean kept = (slash < 0 || keepsFolder(folder.substring(0, slash))) && includes(folder, true);
    if (keptFolders.size() < 100_000) {
      keptFolders.put(folder, kept);
    }
    return kept;
  }

  private static boolean matches(Pattern pattern, List<String> path, boolean directory) {
    if (path.size() <= pattern.domain().size()) {
      return false;
    }
    for (int i = 0; i < pattern.domain().size(); i++) {
      if (!path.get(i).equals(pattern.domain().get(i))) {
        return false;
      }
    }
    List<String> rest = path.subList(pattern.domain().size(), path.size());
    return pattern.glob() ? glob(pattern, rest, directory) : name(pattern, rest, directory);
  }

  private static boolean name(Pattern pattern, List<String> path, boolean directory) {
    for (int i = 0; i < path.size(); i++) {
      if (!wildcard(pattern.segments().get(0), path.get(i))) {
        continue;
      }
      return !(pattern.dirOnly() && !directory && i == path.size() - 1);
    }
    return false;
  }

  private static boolean glob(Pattern pattern, List<String> path, boolean directory) {
    return glob(pattern.segments(), 0, path, 0, pattern.dirOnly(), directory);
  }

  private static boolean glob(
      List<String> segments, int s, List<String> path, int p, boolean dirOnly, boolean directory) {
    if (s == segments.size()) {
      return p > 0 && !(dirOnly && !directory && p == path.size());
    }
    String segment = segments.get(s);
    if (segment.equals("**")) {
      for (int skip = p; skip <= path.size(); skip++) {
        if (glob(segments, s + 1, path, skip, dirOnly, directory)) {
          return true;
        }
      }
      return false;
    }
    if (p == path.size() || !wildcard(segment, path.get(p))) {
      return false;
    }
    return glob(segments, s + 1, path, p + 1, dirOnly, directory);
  }

  /** Compiled segments, shared by every snapshot: ignore files repeat the same few patterns. */
  private static final java.util.Map<String, java.util.Optional<java.util.regex.Pattern>> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code filepath.Match} for one segment: {@code *}, {@code ?} and {@code [...]} classes. */
  static boolean wildcard(String pattern, String name) {
    if (pattern.indexOf('*') < 0
        && pattern.indexOf('?') < 0
        && pattern.indexOf('[') < 0
        && pattern.indexOf('\\') < 0) {
      return pattern.equals(name);
    }
    if (pattern.length() > 1 && pattern.charAt(0) == '*' && plain(pattern, 1, pattern.length())) {
      return name.endsWith(pattern.substring(1)) && name.indexOf('/') < 0;
    }
    if (COMPILED.size() > 4096) {
      COMPILED.clear();
    }
    return COMPILED
        .computeIfAbsent(pattern, SourceIgnore::compile)
        .map(regex -> regex.matcher(name).matches())
        .orElseGet(() -> pattern.equals(name));
  }

  private static boolean plain(String pattern, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static java.util.Optional<java.util.regex.Pattern> compile(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> {
          int end = pattern.indexOf(']', i + 1);
          if (end < 0) {
            regex.append("\\[");
          } else {
            String set = pattern.substring(i + 1, end).replace("\\", "\\\\");
            regex
                .append('[')
                .append(set.startsWith("!") ? "^" + set.substring(1) : set)
                .append(']');
            i = end;
          }
        }
        case '\\' -> {
          if (i + 1 < pattern.length()) {
            regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
          }
        }
        default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return java.util.Optional.of(java.util.regex.Pattern.compile(regex.toString()));
    } catch (java.util.regex.PatternSyntaxException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof SourceIgnore o && o.hash == hash && o.patterns.equals(patterns);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
