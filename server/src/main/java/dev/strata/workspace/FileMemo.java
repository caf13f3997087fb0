package dev.strata.workspace;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Facts that later layers derive from one file and keep for as long as the file is unchanged: a new
 * snapshot shares every untouched {@link SourceFile}, so what is memoised here is computed once per
 * edit of that file instead of once per analysis. It takes no part in a file's equality.
 */
public final class FileMemo {
  private static final Object[] EMPTY = {};

  /**
   * Keys and values in turn. A file holds a handful of facts and a repository tens of thousands of
   * files, so a short array under the memo's lock costs a tenth of a hash table per file.
   */
  private Object[] entries = EMPTY; // guarded by this

  /**
   * The value under {@code key}, computed on first use, under this memo's lock; {@code compute}
   * must not use this memo.
   */
  @SuppressWarnings("unchecked")
  public synchronized <T> T get(Object key, Supplier<T> compute) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i].equals(key)) {
        return (T) entries[i + 1];
      }
    }
    T value = compute.get();
    Object[] grown = Arrays.copyOf(entries, entries.length + 2);
    grown[entries.length] = key;
    grown[entries.length + 1] = value;
    entries = grown;
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileMemo;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "FileMemo";
  }
}
