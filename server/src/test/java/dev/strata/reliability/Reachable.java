package dev.strata.reliability;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Walks every object reachable from a root by reflection (fields of every class, elements of
 * arrays, collections, maps and optionals) and reports where a string holding one of the needles
 * sits. JDK types are read through their public API, since their fields are closed to reflection; a
 * JDK type this walk does not know is reported too, so that nothing is passed over in silence.
 */
final class Reachable {
  private final List<String> needles;
  private final List<String> found = new ArrayList<>();
  private final Set<String> unknown = new java.util.TreeSet<>();
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<Object[]> queue = new ArrayDeque<>();
  private long objects;

  private Reachable(List<String> needles) {
    this.needles = needles;
  }

  /**
   * Walks {@code root}; the result says where each needle was found, and what could not be read.
   */
  static Reachable walk(Object root, List<String> needles) {
    Reachable walk = new Reachable(needles);
    walk.queue.add(new Object[] {root, root.getClass().getSimpleName()});
    while (!walk.queue.isEmpty()) {
      Object[] next = walk.queue.poll();
      walk.visit(next[0], (String) next[1]);
    }
    return walk;
  }

  List<String> found() {
    return found;
  }

  Set<String> unknown() {
    return unknown;
  }

  long objects() {
    return objects;
  }

  private void add(Object value, String path) {
    if (value != null && seen.add(value)) {
      queue.add(new Object[] {value, path});
    }
  }

  private void visit(Object value, String path) {
    objects++;
    Class<?> type = value.getClass();
    if (value instanceof CharSequence text) {
      check(text.toString(), path);
    } else if (value instanceof char[] chars) {
      check(new String(chars), path);
    } else if (value instanceof byte[] bytes) {
      check(new String(bytes, StandardCharsets.UTF_8), path);
    } else if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(value); i++) {
          add(Array.get(value, i), path + "[" + i + "]");
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : List.copyOf(map.entrySet())) {
        add(entry.getKey(), path + ".key");
        add(entry.getValue(), path + "[" + entry.getKey() + "]");
      }
    } else if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object item : collection.toArray()) {
        add(item, path + "[" + i++ + "]");
      }
    } else if (value instanceof Optional<?> optional) {
      add(optional.orElse(null), path);
    } else if (value instanceof AtomicReference<?> reference) {
      add(reference.get(), path);
    } else if (value instanceof Pattern pattern) {
      check(pattern.pattern(), path);
    } else if (value instanceof java.nio.file.Path || value instanceof java.net.URI) {
      check(value.toString(), path);
    } else if (opaque(value)) {
      return;
    } else if (jdk(type)) {
      unknown.add(type.getName() + " at " + path);
    } else {
      fields(value, type, path);
    }
  }

  private static boolean opaque(Object value) {
    return value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum<?>
        || value instanceof Class<?>
        || value instanceof Thread
        || value instanceof java.util.concurrent.locks.Lock
        || value instanceof java.util.concurrent.atomic.AtomicLong
        || value instanceof java.util.concurrent.atomic.AtomicInteger
        || value instanceof java.util.concurrent.atomic.AtomicBoolean
        || value.getClass() == Object.class;
  }

  private static boolean jdk(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.");
  }

  private void fields(Object value, Class<?> type, String path) {
    for (Class<?> c = type; c != null && !jdk(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        try {
          field.setAccessible(true);
          add(field.get(value), path + "." + field.getName());
        } catch (ReflectiveOperationException | RuntimeException e) {
          unknown.add(c.getName() + "." + field.getName() + " at " + path + ": " + e);
        }
      }
    }
  }

  private void check(String text, String path) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        found.add(needle + " at " + path);
      }
    }
  }
}
