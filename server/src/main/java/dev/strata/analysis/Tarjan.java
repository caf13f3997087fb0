package dev.strata.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strongly connected components of a directed graph given as adjacency lists (a target that is not
 * a key is a vertex without edges): Tarjan's algorithm, iterative so that a long chain cannot
 * overflow the stack, linear in vertices and edges and without building a graph object, since it
 * runs on every cluster's need graph at every edit. Components come in reverse topological order;
 * callers that report them sort what they print.
 */
final class Tarjan {
  private Tarjan() {}

  static <T> List<Set<T>> components(Map<T, List<T>> adjacency) {
    return new Run<>(adjacency).all();
  }

  private static final class Run<T> {
    private final Map<T, List<T>> adjacency;
    private final Map<T, int[]> state = new HashMap<>(); // {index, lowlink, on stack 1/0}
    private final Deque<T> stack = new ArrayDeque<>();
    private final List<Set<T>> result = new ArrayList<>();
    private int next;

    Run(Map<T, List<T>> adjacency) {
      this.adjacency = adjacency;
    }

    List<Set<T>> all() {
      for (T vertex : adjacency.keySet()) {
        if (!state.containsKey(vertex)) {
          visit(vertex);
        }
      }
      for (List<T> targets : adjacency.values()) {
        for (T target : targets) {
          if (!state.containsKey(target)) {
            visit(target);
          }
        }
      }
      return result;
    }

    /** One depth-first search from {@code start}, with an explicit stack of (vertex, next edge). */
    private void visit(T start) {
      Deque<Object[]> frames = new ArrayDeque<>();
      enter(start, frames);
      while (!frames.isEmpty()) {
        Object[] frame = frames.peek();
        @SuppressWarnings("unchecked")
        T vertex = (T) frame[0];
        List<T> targets = adjacency.getOrDefault(vertex, List.of());
        int edge = (Integer) frame[1];
        int[] own = state.get(vertex);
        if (edge < targets.size()) {
          frame[1] = edge + 1;
          T target = targets.get(edge);
          int[] other = state.get(target);
          if (other == null) {
            enter(target, frames);
          } else if (other[2] == 1) {
            own[1] = Math.min(own[1], other[0]);
          }
          continue;
        }
        frames.pop();
        if (own[1] == own[0]) {
          Set<T> component = new LinkedHashSet<>();
          T member;
          do {
            member = stack.pop();
            state.get(member)[2] = 0;
            component.add(member);
          } while (member != vertex && !member.equals(vertex));
          result.add(component);
        }
        if (!frames.isEmpty()) {
          @SuppressWarnings("unchecked")
          T parent = (T) frames.peek()[0];
          int[] up = state.get(parent);
          up[1] = Math.min(up[1], own[1]);
        }
      }
    }

    private void enter(T vertex, Deque<Object[]> frames) {
      state.put(vertex, new int[] {next, next, 1});
      next++;
      stack.push(vertex);
      frames.push(new Object[] {vertex, 0});
    }
  }
}
