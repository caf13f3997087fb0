package dev.strata.syntax;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each short mapping key. Manifests repeat a small vocabulary of keys
 * ({@code apiVersion}, {@code metadata}, {@code name}, ...) hundreds of thousands of times in a
 * large repository; sharing them saves a string and its bytes per key. Only keys are shared, never
 * values, so no secret value is kept beyond its file; the table stops growing at a bound, so a
 * long-running server that sees odd keys does not grow with them.
 */
final class Keys {
  private static final int MAX_LENGTH = 64;
  private static final int MAX_ENTRIES = 50_000;
  private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

  private Keys() {}

  static String intern(String key) {
    if (key.length() > MAX_LENGTH) {
      return key;
    }
    String shared = SHARED.get(key);
    if (shared != null) {
      return shared;
    }
    if (SHARED.size() >= MAX_ENTRIES) {
      return key;
    }
    shared = SHARED.putIfAbsent(key, key);
    return shared != null ? shared : key;
  }
}
