import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterGraph, namespaces, nodeOfFile } from '../graph/filter';
import { DependencyGraph, GraphEdge, GraphNode } from '../protocol/requests';

function node(namespace: string, name: string, kind = 'Kustomization'): GraphNode {
  return {
    id: `${kind}/${namespace}/${name}`,
    kind,
    namespace,
    name,
    layer: 'application',
    inCycle: false,
    suspended: false,
    uri: `file:///repo/${namespace}/${name}/ks.yaml`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  };
}

function edge(from: GraphNode, to: string, resolved = true): GraphEdge {
  return { from: from.id, to, kind: 'dependsOn', inCycle: false, resolved };
}

// a -> b -> c -> d in a chain, e alone in another namespace, a -> ghost unresolved.
const a = node('apps', 'a');
const b = node('apps', 'b');
const c = node('storage', 'c');
const d = node('storage', 'd');
const e = node('media', 'e');
const graph: DependencyGraph = {
  clusters: ['home'],
  cluster: 'home',
  nodes: [a, b, c, d, e],
  edges: [edge(a, b.id), edge(b, c.id), edge(c, d.id), edge(a, 'Kustomization/apps/ghost', false)],
  cycles: [[b.id, c.id]],
};

const ids = (g: DependencyGraph) => g.nodes.map((n) => n.name);

test('keeps everything without a filter', () => {
  assert.deepEqual(filterGraph(graph, {}), graph);
});

test('keeps one namespace, its edges and the unresolved target of its dependsOn', () => {
  const apps = filterGraph(graph, { namespace: 'apps' });
  assert.deepEqual(ids(apps), ['a', 'b']);
  assert.deepEqual(
    apps.edges.map((x) => x.to),
    [b.id, 'Kustomization/apps/ghost'],
  );
  assert.deepEqual(apps.cycles, []);
});

test('searches names ignoring case', () => {
  assert.deepEqual(ids(filterGraph(graph, { query: ' C ' })), ['c']);
  assert.deepEqual(ids(filterGraph(graph, { query: 'STORAGE/' })), ['c', 'd']);
});

test('focuses on the neighbourhood of a node, in both directions, to the given depth', () => {
  assert.deepEqual(ids(filterGraph(graph, { focus: b.id, depth: 1 })), ['a', 'b', 'c']);
  assert.deepEqual(ids(filterGraph(graph, { focus: b.id, depth: 2 })), ['a', 'b', 'c', 'd']);
  assert.deepEqual(ids(filterGraph(graph, { focus: e.id })), ['e']);
  assert.deepEqual(filterGraph(graph, { focus: b.id, depth: 1 }).cycles, [[b.id, c.id]]);
  assert.deepEqual(ids(filterGraph(graph, { focus: 'Kustomization/none/x' })), ['a', 'b', 'c', 'd', 'e']);
});

test('combines the filters', () => {
  assert.deepEqual(ids(filterGraph(graph, { focus: b.id, depth: 2, namespace: 'storage', query: 'd' })), ['d']);
});

test('lists namespaces and finds the node of the open file, a Kustomization first', () => {
  assert.deepEqual(namespaces(graph), ['apps', 'media', 'storage']);
  const release = { ...node('apps', 'a', 'HelmRelease'), uri: a.uri };
  const withRelease = { ...graph, nodes: [release, ...graph.nodes] };
  assert.equal(nodeOfFile(withRelease, a.uri)?.id, a.id);
  assert.equal(nodeOfFile(withRelease, 'file:///elsewhere.yaml'), undefined);
  assert.equal(nodeOfFile(withRelease, undefined), undefined);
});
