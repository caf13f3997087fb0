package dev.strata.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values made by the last renders, so that a render hands out the instance an earlier one made
 * of an equal value: what the next render looks up in the previous one's memos, keyed by such
 * values, then compares by identity instead of field by field. Bounded, least recently used first
 * out; safe to share between threads.
 */
final class Recent<T> {
  private final Map<T, T> values;

  Recent(int max) {
    this.values =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<T, T> eldest) {
                return size() > max;
              }
            });
  }

  /** The instance held of a value equal to {@code made}, else {@code made}, held from now on. */
  T intern(T made) {
    T known = values.putIfAbsent(made, made);
    return known == null ? made : known;
  }
}
