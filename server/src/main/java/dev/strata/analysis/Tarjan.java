package dev.strata.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Strongly connected components of a directed graph given as adjacency lists (a target that is not
 * a key is a vertex without edges): Tarjan's algorithm, iterative so that a long chain cannot
 * overflow the stack, linear in vertices and edges and without building a graph object, since it
 * runs on every cluster's need graph at every edit: over vertices numbered from 0 and int arrays of
 * targets, and over maps of any vertices through that numbering. Components come in reverse
 * topological order; callers that report them sort what they print.
 */
final class Tarjan {
  private Tarjan() {}

  /** The components of a graph of any vertices, numbered keys first, then the other targets. */
  static <T> List<Set<T>> components(Map<T, List<T>> adjacency) {
    Map<T, Integer> number = new HashMap<>();
    List<T> vertices = new ArrayList<>();
    java.util.function.Consumer<T> numbered =
        v -> {
          if (number.putIfAbsent(v, vertices.size()) == null) {
            vertices.add(v);
          }
        };
    adjacency.keySet().forEach(numbered);
    adjacency.values().forEach(targets -> targets.forEach(numbered));
    int[][] targets = new int[vertices.size()][];
    for (int i = 0; i < targets.length; i++) {
      List<T> out = adjacency.getOrDefault(vertices.get(i), List.of());
      targets[i] = new int[out.size()];
      for (int e = 0; e < out.size(); e++) {
        targets[i][e] = number.get(out.get(e));
      }
    }
    List<Set<T>> result = new ArrayList<>();
    for (int[] group : components(targets.length, targets, v -> false)) {
      Set<T> component = new LinkedHashSet<>();
      for (int member : group) {
        component.add(vertices.get(member));
      }
      result.add(component);
    }
    return result;
  }

  /**
   * The components of the graph over vertices {@code 0..count-1} whose edges are {@code
   * targets[v]}, leaving out the {@code excluded} vertices and every target at or above {@code
   * count}: vertices visited in number order and edges in array order, each component's members in
   * the order they leave the stack. The need graph's propagation runs it over its own numbering.
   */
  static List<int[]> components(int count, int[][] targets, IntPredicate excluded) {
    int[] order = new int[count];
    int[] low = new int[count];
    boolean[] onStack = new boolean[count];
    Arrays.fill(order, -1);
    int[] stack = new int[count];
    int[] frameVertex = new int[count];
    int[] frameEdge = new int[count];
    int top = 0;
    int counter = 0;
    List<int[]> result = new ArrayList<>();
    for (int start = 0; start < count; start++) {
      if (order[start] >= 0 || excluded.test(start)) {
        continue;
      }
      int frames = 0;
      order[start] = low[start] = counter++;
      stack[top++] = start;
      onStack[start] = true;
      frameVertex[frames] = start;
      frameEdge[frames++] = 0;
      while (frames > 0) {
        int vertex = frameVertex[frames - 1];
        int[] out = targets[vertex];
        int edge = frameEdge[frames - 1];
        if (edge < out.length) {
          frameEdge[frames - 1] = edge + 1;
          int target = out[edge];
          if (target >= count || excluded.test(target)) {
            continue;
          }
          if (order[target] < 0) {
            order[target] = low[target] = counter++;
            stack[top++] = target;
            onStack[target] = true;
            frameVertex[frames] = target;
            frameEdge[frames++] = 0;
          } else if (onStack[target]) {
            low[vertex] = Math.min(low[vertex], order[target]);
          }
          continue;
        }
        frames--;
        if (low[vertex] == order[vertex]) {
          int end = top;
          do {
            onStack[stack[--top]] = false;
          } while (stack[top] != vertex);
          int[] group = new int[end - top];
          for (int i = 0; i < group.length; i++) {
            group[i] = stack[end - 1 - i];
          }
          result.add(group);
        }
        if (frames > 0) {
          int parent = frameVertex[frames - 1];
          low[parent] = Math.min(low[parent], low[vertex]);
        }
      }
    }
    return result;
  }
}
