package dev.strata.workspace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values later layers derive from objects of a render (a build's documents, which the next render
 * shares wherever its build still holds) and keep from one snapshot to the next: a value computed
 * for an object is found again while the object is the same instance. Keys compare their parts by
 * identity, so that a changed object is a new key and never finds a stale value.
 *
 * <p>Two generations: what this snapshot's analysis asked for, and what the one it was made from
 * asked for. A value asked for again moves forward; one nobody asks for is dropped a snapshot
 * later, which bounds the memory to about two analyses' worth.
 */
public final class Carried {
  private final Map<Key, Object> older;
  private final Map<Key, Object> current = new ConcurrentHashMap<>();

  Carried() {
    this(Map.of());
  }

  private Carried(Map<Key, Object> older) {
    this.older = older;
  }

  /** The generation for the next snapshot: this one's values, or its inherited ones if unused. */
  Carried next() {
    return new Carried(current.isEmpty() ? older : current);
  }

  /**
   * The value for {@code parts} under {@code kind}, computed on first use. {@code compute} must be
   * a function of the parts alone.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object kind, Supplier<T> compute, Object... parts) {
    Key key = new Key(kind, parts);
    Object known = current.get(key);
    if (known == null) {
      known = older.get(key);
      if (known == null) {
        known = compute.get();
      }
      Object raced = current.putIfAbsent(key, known);
      known = raced != null ? raced : known;
    }
    return (T) known;
  }

  /** A part of a key that compares by value (a record built again by every render). */
  public static Object byValue(Object value) {
    return new ByValue(value);
  }

  private record ByValue(Object value) {}

  /** A kind and parts compared by identity; parts that are primitives' boxes by value. */
  private static final class Key {
    private final Object kind;
    private final Object[] parts;
    private final int hash;

    Key(Object kind, Object[] parts) {
      this.kind = kind;
      this.parts = parts;
      int h = System.identityHashCode(kind);
      for (Object part : parts) {
        h = 31 * h + (byValue(part) ? part.hashCode() : System.identityHashCode(part));
      }
      this.hash = h;
    }

    private static boolean byValue(Object part) {
      return part instanceof Boolean
          || part instanceof Integer
          || part instanceof String
          || part instanceof ByValue;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key key) || key.kind != kind || key.parts.length != parts.length) {
        return false;
      }
      for (int i = 0; i < parts.length; i++) {
        Object a = parts[i];
        Object b = key.parts[i];
        if (a != b && !(byValue(a) && a.equals(b))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
