package dev.strata.workspace;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Facts that later layers derive from one file and keep for as long as the file is unchanged: a new
 * snapshot shares every untouched {@link SourceFile}, so what is memoised here is computed once per
 * edit of that file instead of once per analysis. It takes no part in a file's equality.
 */
public final class FileMemo {
  private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

  /** The value under {@code key}, computed on first use; {@code compute} must not use this memo. */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    return (T) values.computeIfAbsent(key, k -> compute.get());
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
