package dev.strata.workspace;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The files of a snapshot for which a fact of one file alone holds, by path, kept from one snapshot
 * to the next: a snapshot made by changing some files takes the facts of the snapshot it was made
 * from and computes them again for those files only. A pass over every file that most files have
 * nothing for (plain Secrets, syntax problems, bootstrap scripts) was a memo lookup per file and
 * per edit, a sixth of a kochhaus edit over all of them; it is now a pass over the changed files
 * and those that have the fact.
 *
 * <p>A fact must be a function of its file alone (its path, text and parse), as for {@link
 * FileMemo}. The chain stays short: a snapshot whose facts nobody asked for passes its own base on
 * with the union of the changes, and a snapshot that gives its facts to the next one forgets its
 * base, so that no more than two generations are held. Forgetting only costs a full pass: where the
 * base or the changed paths are unknown, the facts are computed over every file.
 */
final class FileFacts {
  /** Beyond this many changed files since the base, a full pass is as cheap and holds less. */
  private static final int MAX_CHANGED = 256;

  private final Map<Object, NavigableMap<String, Object>> computed = new ConcurrentHashMap<>();
  private volatile FileFacts base;
  private final Set<String> changed;

  FileFacts() {
    this(null, null);
  }

  private FileFacts(FileFacts base, Set<String> changed) {
    this.base = base;
    this.changed = changed;
  }

  /** The facts of a snapshot made from this one's by changing, adding or removing {@code paths}. */
  FileFacts next(Set<String> paths) {
    FileFacts known = base;
    if (computed.isEmpty() && known != null && changed != null) {
      Set<String> all = new HashSet<>(changed);
      all.addAll(paths);
      return all.size() > MAX_CHANGED ? new FileFacts() : new FileFacts(known, Set.copyOf(all));
    }
    base = null;
    return new FileFacts(this, Set.copyOf(paths));
  }

  /**
   * The files whose {@code compute} is not null, by path, with its value: {@code compute} is a
   * function of the file alone and {@code key} names it (one instance per fact).
   */
  @SuppressWarnings("unchecked")
  <T> NavigableMap<String, T> get(
      Object key, NavigableMap<String, SourceFile> files, Function<SourceFile, T> compute) {
    NavigableMap<String, Object> known = computed.get(key);
    if (known != null) {
      return (NavigableMap<String, T>) (NavigableMap<String, ?>) known;
    }
    FileFacts from = base;
    NavigableMap<String, Object> before = from == null ? null : from.computed.get(key);
    NavigableMap<String, Object> result;
    if (before == null || changed == null) {
      result = new TreeMap<>();
      for (SourceFile file : files.values()) {
        Object value = compute.apply(file);
        if (value != null) {
          result.put(file.path(), value);
        }
      }
    } else {
      result = new TreeMap<>(before);
      for (String path : changed) {
        SourceFile file = files.get(path);
        Object value = file == null ? null : compute.apply(file);
        if (value == null) {
          result.remove(path);
        } else {
          result.put(path, value);
        }
      }
    }
    NavigableMap<String, Object> kept = Collections.unmodifiableNavigableMap(result);
    NavigableMap<String, Object> raced = computed.putIfAbsent(key, kept);
    return (NavigableMap<String, T>) (NavigableMap<String, ?>) (raced != null ? raced : kept);
  }
}
