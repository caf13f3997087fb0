package dev.strata.analysis;

import dev.strata.workspace.Cluster;
import dev.strata.workspace.ObjectId;
import java.util.Optional;

/**
 * "Did you mean" for names that resolve to nothing: the same name in another namespace first, then
 * the nearest spelling in the same namespace, then anywhere, within an edit distance that scales
 * with length.
 */
public final class NameSuggestions {
  private NameSuggestions() {}

  /** The object of the other Flux kind with exactly this namespace and name, if there is one. */
  public static Optional<ObjectId> otherKind(DependencyGraph graph, ObjectId target) {
    String other = target.kind().equals("Kustomization") ? "HelmRelease" : "Kustomization";
    ObjectId candidate = new ObjectId(other, target.namespace(), target.name());
    return graph.contains(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /**
   * The object of the target's kind with its name in another namespace (the least such), else the
   * nearest spelling within the limit in its namespace, else anywhere; ties go to the least id. One
   * pass over the cluster's objects of the target's kind, each name compared once (every unknown
   * dependency asks, and a large cluster has tens of thousands of objects of other kinds).
   */
  public static Optional<ObjectId> suggest(Cluster cluster, ObjectId target) {
    return suggest(cluster.ids(target.kind()), target);
  }

  static Optional<ObjectId> suggest(java.util.Collection<ObjectId> ids, ObjectId target) {
    int limit = Math.max(1, Math.min(3, target.name().length() / 4));
    Nearest sameName = new Nearest();
    Nearest sameNamespace = new Nearest();
    Nearest anywhere = new Nearest();
    for (ObjectId id : ids) {
      if (!id.kind().equals(target.kind())) {
        continue;
      }
      if (id.name().equals(target.name())) {
        sameName.offer(id, 0);
        continue;
      }
      int distance = bounded(id.name(), target.name(), limit);
      if (distance <= limit) {
        anywhere.offer(id, distance);
        if (id.namespace().equals(target.namespace())) {
          sameNamespace.offer(id, distance);
        }
      }
    }
    return sameName.best().or(sameNamespace::best).or(anywhere::best);
  }

  /** The least id at the least distance offered. */
  private static final class Nearest {
    private ObjectId best;
    private int distance;

    void offer(ObjectId id, int at) {
      if (best == null || at < distance || at == distance && id.compareTo(best) < 0) {
        best = id;
        distance = at;
      }
    }

    Optional<ObjectId> best() {
      return Optional.ofNullable(best);
    }
  }

  /**
   * True when the edit distance is at most {@code limit}: names whose lengths differ by more are
   * not compared, and a row of the table above the limit ends the comparison (each suggestion reads
   * every name of the cluster, thousands in a large repository).
   */
  static boolean within(String a, String b, int limit) {
    return bounded(a, b, limit) <= limit;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    return bounded(a, b, Integer.MAX_VALUE);
  }

  /** The Levenshtein distance when it is at most {@code limit}, else some number above it. */
  private static int bounded(String a, String b, int limit) {
    int apart = Math.abs(a.length() - b.length());
    if (apart > limit) {
      return apart;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int best = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        best = Math.min(best, current[j]);
      }
      if (best > limit) {
        // No row's minimum ever falls: the distance is at least this one.
        return best;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
