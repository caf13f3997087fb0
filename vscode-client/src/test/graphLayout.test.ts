import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutGraph } from '../graph/layout';
import { DependencyGraph, GraphEdge, GraphNode } from '../protocol/requests';

function node(name: string, layer: string, inCycle = false): GraphNode {
  const range = { start: { line: 3, character: 8 }, end: { line: 3, character: 8 + name.length } };
  return {
    id: `Kustomization/flux-system/${name}`,
    kind: 'Kustomization',
    namespace: 'flux-system',
    name,
    layer,
    inCycle,
    suspended: false,
    uri: `file:///repo/${name}/ks.yaml`,
    range,
  };
}

function edge(from: string, to: string, inCycle = false, resolved = true): GraphEdge {
  return {
    from: `Kustomization/flux-system/${from}`,
    to: `Kustomization/flux-system/${to}`,
    kind: 'dependsOn',
    inCycle,
    resolved,
  };
}

function graph(nodes: GraphNode[], edges: GraphEdge[]): DependencyGraph {
  return { clusters: ['c'], cluster: 'c', nodes, edges, cycles: [] };
}

test('stacks the layers as bands from bootstrap down to application', () => {
  const layout = layoutGraph(
    graph([node('app', 'application'), node('flux', 'bootstrap'), node('ingress', 'infrastructure')], []),
  );
  assert.deepEqual(
    layout.bands.map((band) => band.layer),
    ['bootstrap', 'infrastructure', 'application'],
  );
  assert.ok(layout.bands[0].y < layout.bands[1].y && layout.bands[1].y < layout.bands[2].y);
});

test('puts a Kustomization below what it depends on inside a band', () => {
  const layout = layoutGraph(graph([node('db', 'application'), node('web', 'application')], [edge('web', 'db')]));
  const y = (name: string) => layout.nodes.find((n) => n.label === name)!.y;
  assert.ok(y('web') > y('db'));
});

test('lays out a cycle with finite, distinct rows and keeps its edges', () => {
  const nodes = [node('ceph-csi', 'infrastructure', true), node('external-secrets', 'infrastructure', true)];
  const edges = [edge('ceph-csi', 'external-secrets', true), edge('external-secrets', 'ceph-csi', true)];
  const layout = layoutGraph(graph(nodes, edges));
  const [a, b] = layout.nodes;
  assert.notEqual(a.y, b.y);
  assert.equal(layout.edges.length, 2);
  assert.ok(layout.edges.every((placed) => placed.edge.inCycle && placed.path.startsWith('M ')));
  assert.ok(layout.nodes.every((placed) => placed.inCycle));
});

test('adds a missing node for an unresolved dependsOn', () => {
  const layout = layoutGraph(graph([node('web', 'application')], [edge('web', 'nope', false, false)]));
  const missing = layout.nodes.find((placed) => placed.missing);
  assert.equal(missing?.label, 'nope (missing)');
  assert.equal(layout.edges.length, 1);
});

test('places no two nodes of a row on top of each other and fits them in the canvas', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((name) => node(name, 'application'));
  const layout = layoutGraph(graph(nodes, []));
  const sorted = [...layout.nodes].sort((p, q) => p.x - q.x);
  sorted.slice(1).forEach((placed, i) => assert.ok(placed.x >= sorted[i].x + sorted[i].width));
  assert.ok(
    layout.nodes.every(
      (placed) => placed.x + placed.width <= layout.width && placed.y + placed.height <= layout.height,
    ),
  );
});

test('wraps a row that would pass the maximum width onto further lines', () => {
  const nodes = Array.from({ length: 12 }, (_, i) => node(`app-${i}`, 'application'));
  const layout = layoutGraph(graph(nodes, []), 600);
  assert.ok(layout.nodes.every((placed) => placed.x + placed.width <= 600));
  assert.ok(new Set(layout.nodes.map((placed) => placed.y)).size > 1);
});
