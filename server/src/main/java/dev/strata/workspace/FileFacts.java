package dev.strata.workspace;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The files of a snapshot for which a fact of one file alone holds, in path order, kept from one
 * snapshot to the next: a snapshot made by changing some files takes the facts of the snapshot it
 * was made from and computes them again for those files only. A pass over every file that most
 * files have nothing for (plain Secrets, syntax problems, bootstrap scripts) was a memo lookup per
 * file and per edit, 12% of a kochhaus edit over all of them; it is now a pass over the changed
 * files and those that have the fact.
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

  private final Map<Object, Table> computed = new ConcurrentHashMap<>();
  private volatile FileFacts base;
  private final Set<String> changed;

  /**
   * The files that have one fact, sorted by path, with their values: arrays, so that carrying it
   * over an edit copies references in a few runs instead of making a tree entry per file (at 20,000
   * generated files, half of them hold a Kustomization or a HelmRelease).
   */
  private record Table(String[] paths, Object[] values, int size) {
    List<Object> list() {
      return Collections.unmodifiableList(Arrays.asList(values).subList(0, size));
    }
  }

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
   * The values of {@code compute} that are not null, in the order of their files' paths: {@code
   * compute} is a function of the file alone and {@code key} names it (one instance per fact).
   */
  @SuppressWarnings("unchecked")
  <T> List<T> get(
      Object key, NavigableMap<String, SourceFile> files, Function<SourceFile, T> compute) {
    Table known = computed.get(key);
    if (known == null) {
      FileFacts from = base;
      Table before = from == null ? null : from.computed.get(key);
      known =
          before == null || changed == null ? all(files, compute) : update(before, files, compute);
      Table raced = computed.putIfAbsent(key, known);
      known = raced != null ? raced : known;
    }
    return (List<T>) (List<?>) known.list();
  }

  private static Table all(
      NavigableMap<String, SourceFile> files, Function<SourceFile, ?> compute) {
    String[] paths = new String[16];
    Object[] values = new Object[16];
    int size = 0;
    for (SourceFile file : files.values()) {
      Object value = compute.apply(file);
      if (value != null) {
        if (size == paths.length) {
          paths = Arrays.copyOf(paths, size * 2);
          values = Arrays.copyOf(values, size * 2);
        }
        paths[size] = file.path();
        values[size++] = value;
      }
    }
    return new Table(paths, values, size);
  }

  /** {@code before} with the facts of the changed paths computed again. */
  private Table update(
      Table before, NavigableMap<String, SourceFile> files, Function<SourceFile, ?> compute) {
    String[] sorted = changed.toArray(new String[0]);
    Arrays.sort(sorted);
    int capacity = before.size() + sorted.length;
    String[] paths = new String[Math.max(1, capacity)];
    Object[] values = new Object[Math.max(1, capacity)];
    int size = 0;
    int from = 0;
    for (String path : sorted) {
      int at = Arrays.binarySearch(before.paths(), from, before.size(), path);
      int end = at >= 0 ? at : -at - 1;
      System.arraycopy(before.paths(), from, paths, size, end - from);
      System.arraycopy(before.values(), from, values, size, end - from);
      size += end - from;
      SourceFile file = files.get(path);
      Object value = file == null ? null : compute.apply(file);
      if (value != null) {
        paths[size] = path;
        values[size++] = value;
      }
      from = at >= 0 ? at + 1 : end;
    }
    System.arraycopy(before.paths(), from, paths, size, before.size() - from);
    System.arraycopy(before.values(), from, values, size, before.size() - from);
    size += before.size() - from;
    return new Table(paths, values, size);
  }
}
