import { DependencyGraph, GraphNode } from '../protocol/requests';

/**
 * What the dependency graph view shows of a large cluster: one namespace, the nodes whose name matches a search,
 * and the neighbourhood of the Kustomization of the file in the editor. Pure: the webview filters before it lays
 * out, and tests read the result.
 */
export interface GraphFilter {
  /** Only nodes of this namespace; empty or undefined for every namespace. */
  namespace?: string;
  /** Only nodes whose name or id contains this text, ignoring case. */
  query?: string;
  /** Only nodes at most `depth` dependsOn edges away from this node id, in either direction. */
  focus?: string;
  depth?: number;
}

export const DEFAULT_FOCUS_DEPTH = 2;

export function filterGraph(graph: DependencyGraph, filter: GraphFilter): DependencyGraph {
  let kept = new Set(graph.nodes.map((node) => node.id));
  if (filter.focus && kept.has(filter.focus)) {
    kept = neighbourhood(graph, filter.focus, filter.depth ?? DEFAULT_FOCUS_DEPTH);
  }
  const namespace = filter.namespace ?? '';
  const query = (filter.query ?? '').trim().toLowerCase();
  const nodes = graph.nodes.filter(
    (node) =>
      kept.has(node.id) &&
      (!namespace || node.namespace === namespace) &&
      (!query || node.name.toLowerCase().includes(query) || node.id.toLowerCase().includes(query)),
  );
  const shown = new Set(nodes.map((node) => node.id));
  // An edge to a target that does not exist stays with its source: the dashed "missing" node is the finding.
  const edges = graph.edges.filter((edge) => shown.has(edge.from) && (shown.has(edge.to) || !edge.resolved));
  const cycles = graph.cycles.filter((cycle) => cycle.every((id) => shown.has(id)));
  return { ...graph, nodes, edges, cycles };
}

/** The namespaces of a graph's nodes, sorted, for the namespace picker. */
export function namespaces(graph: DependencyGraph): string[] {
  return [...new Set(graph.nodes.map((node) => node.namespace).filter(Boolean))].sort();
}

/** The node defined in the file open in the editor: a Kustomization before a HelmRelease. */
export function nodeOfFile(graph: DependencyGraph, uri: string | undefined): GraphNode | undefined {
  if (!uri) {
    return undefined;
  }
  const inFile = graph.nodes.filter((node) => node.uri === uri);
  return inFile.find((node) => node.kind === 'Kustomization') ?? inFile[0];
}

function neighbourhood(graph: DependencyGraph, start: string, depth: number): Set<string> {
  const around = new Map<string, string[]>();
  const link = (a: string, b: string) => around.set(a, [...(around.get(a) ?? []), b]);
  for (const edge of graph.edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < depth && frontier.length; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of around.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
