package dev.strata.workspace;

import dev.strata.model.ObjectReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every source a Kustomization of this repository can build from, own or external, found by
 * structure rather than by name (see {@link SourceResolver}). A reference is looked up by kind and
 * name, and by namespace where the source's is known: a source document often takes its namespace
 * from the kustomization that lists it. A source that no document defines is unknown.
 */
public final class Sources {
  private final Map<String, List<Entry>> byName = new HashMap<>();
  private final List<RepositorySource> all = new ArrayList<>();
  private Artifact workspace = Artifact.WORKSPACE;

  /**
   * What a Kustomization of a source that no document defines builds from: the repository, as a
   * GitRepository delivers it (source-controller's default exclusions, {@code .sourceignore}).
   */
  Artifact workspace() {
    return workspace;
  }

  void useWorkspace(Artifact artifact) {
    workspace = artifact;
  }

  /** A source, with the artifact Strata builds its Kustomizations from when it is own. */
  record Entry(RepositorySource source, Optional<Artifact> artifact, Optional<String> namespace) {}

  void add(RepositorySource source, Optional<Artifact> artifact, Optional<String> namespace) {
    byName
        .computeIfAbsent(key(source.id().kind(), source.id().name()), k -> new ArrayList<>())
        .add(new Entry(source, artifact, namespace));
    all.add(source);
  }

  /**
   * True when {@code other} holds the same sources with the same artifacts: a cluster rendered with
   * one renders the same with the other, its files unchanged. Not {@code equals}: a resolver fills
   * these as it goes.
   */
  boolean sameAs(Sources other) {
    return other == this
        || workspace.equals(other.workspace)
            && all.equals(other.all)
            && byName.equals(other.byName);
  }

  public Collection<RepositorySource> all() {
    return List.copyOf(all);
  }

  /** The source a {@code sourceRef} names, resolved in {@code namespace} when it has none. */
  public Optional<RepositorySource> find(ObjectReference ref, String namespace) {
    return entry(
            ref.kindOr("GitRepository"),
            ref.name().value(),
            ref.namespace().map(n -> n.value()).orElse(namespace))
        .map(Entry::source);
  }

  Optional<Entry> entry(String kind, String name, String namespace) {
    return entry(kind, name, namespace, "");
  }

  /**
   * The source a reference names; when several documents define it (one per cluster of a
   * multi-cluster repository), the one defined nearest to {@code near}, the file that refers to it.
   */
  Optional<Entry> entry(String kind, String name, String namespace, String near) {
    List<Entry> entries = byName.getOrDefault(key(kind, name), List.of());
    List<Entry> matching = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.namespace().filter(namespace::equals).isPresent()) {
        matching.add(entry);
      }
    }
    if (matching.isEmpty()) {
      for (Entry entry : entries) {
        if (entry.namespace().isEmpty() || namespace.isEmpty() || namespace.contains("${")) {
          matching.add(entry);
        }
      }
    }
    if (matching.isEmpty() && entries.size() == 1) {
      matching.add(entries.get(0));
    }
    if (matching.size() == 1) {
      return Optional.of(matching.get(0));
    }
    Entry best = null;
    int bestShared = -1;
    for (Entry entry : matching) {
      int shared = entry.source().origin().map(o -> sharedFolders(o.file(), near)).orElse(0);
      if (shared > bestShared) {
        best = entry;
        bestShared = shared;
      }
    }
    return Optional.ofNullable(best);
  }

  /** How many leading folders two file paths share (their file names are not folders). */
  static int sharedFolders(String a, String b) {
    int shared = 0;
    int start = 0;
    while (true) {
      int end = a.indexOf('/', start);
      if (end < 0
          || b.indexOf('/', start) != end
          || !a.regionMatches(start, b, start, end - start)) {
        return shared;
      }
      shared++;
      start = end + 1;
    }
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }
}
