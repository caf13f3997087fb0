import { DependencyGraph, GraphEdge, GraphNode } from '../protocol/requests';
import { edgePath } from './edgePath';

/**
 * Places the dependency graph in horizontal bands, one per Flux layer (bootstrap on top), and inside a band
 * in rows by dependency depth, so that a Kustomization sits below everything it depends on.
 * Pure geometry: the webview turns it into SVG, and tests read the numbers.
 */

export const LAYER_ORDER = ['bootstrap', 'infrastructure', 'application'];

export const GEOMETRY = {
  bandLabelWidth: 130,
  nodeHeight: 42,
  nodeGapX: 24,
  rowGap: 56,
  wrapGap: 28,
  bandPadding: 28,
  charWidth: 7.2,
  detailCharWidth: 6,
  minNodeWidth: 110,
  nodePaddingX: 24,
  margin: 16,
};

export interface PlacedNode {
  id: string;
  label: string;
  /** Second line: kind and namespace, which tell apart a Kustomization and a HelmRelease of one name. */
  detail: string;
  layer: string;
  /** Missing nodes stand for the unresolved target of a dependsOn. */
  missing: boolean;
  inCycle: boolean;
  suspended: boolean;
  source?: GraphNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  edge: GraphEdge;
  path: string;
}

export interface Band {
  layer: string;
  y: number;
  height: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  bands: Band[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Rows wider than this wrap onto more lines, so a flat repository still fits a side panel. */
export const DEFAULT_MAX_WIDTH = 1200;

export function layoutGraph(graph: DependencyGraph, maxWidth = DEFAULT_MAX_WIDTH): GraphLayout {
  const nodes = collectNodes(graph);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const dependencies = dependenciesOf(graph.edges, byId);
  const bands: Band[] = [];
  let y = GEOMETRY.margin;
  let width = 0;
  for (const layer of layersPresent(nodes)) {
    const members = nodes.filter((node) => node.layer === layer);
    const rows = rowsOf(members, dependencies);
    const height = placeRows(rows, y + GEOMETRY.bandPadding, maxWidth, dependencies, byId);
    bands.push({ layer, y, height: height + 2 * GEOMETRY.bandPadding });
    y += height + 2 * GEOMETRY.bandPadding;
    width = Math.max(width, ...members.map((node) => node.x + node.width));
  }
  const edges = graph.edges
    .filter((edge) => byId.has(edge.from) && byId.has(edge.to))
    .map((edge) => ({ edge, path: edgePath(byId.get(edge.from)!, byId.get(edge.to)!) }));
  return { width: width + GEOMETRY.margin, height: y + GEOMETRY.margin, bands, nodes, edges };
}

function collectNodes(graph: DependencyGraph): PlacedNode[] {
  const nodes = graph.nodes.map((node) =>
    placed(node.id, node.name, node.layer, false, node, [node.kind, node.namespace].filter(Boolean).join(' · ')),
  );
  const known = new Set(nodes.map((node) => node.id));
  for (const edge of graph.edges) {
    const from = nodes.find((node) => node.id === edge.from);
    if (!edge.resolved && !known.has(edge.to) && from) {
      nodes.push(placed(edge.to, `${edge.to.split('/').pop()} (missing)`, from.layer, true, undefined, 'not found'));
      known.add(edge.to);
    }
  }
  return nodes;
}

function placed(
  id: string,
  label: string,
  layer: string,
  missing: boolean,
  source: GraphNode | undefined,
  detail: string,
): PlacedNode {
  const widest = Math.max(label.length * GEOMETRY.charWidth, detail.length * GEOMETRY.detailCharWidth);
  const width = Math.max(GEOMETRY.minNodeWidth, widest + GEOMETRY.nodePaddingX);
  return {
    id,
    label,
    detail,
    layer,
    missing,
    source,
    inCycle: source?.inCycle ?? false,
    suspended: source?.suspended ?? false,
    x: 0,
    y: 0,
    width: Math.round(width),
    height: GEOMETRY.nodeHeight,
  };
}

function dependenciesOf(edges: GraphEdge[], byId: Map<string, PlacedNode>): Map<string, string[]> {
  const dependencies = new Map<string, string[]>();
  for (const edge of edges) {
    if (byId.has(edge.from) && byId.has(edge.to)) {
      dependencies.set(edge.from, [...(dependencies.get(edge.from) ?? []), edge.to]);
    }
  }
  return dependencies;
}

function layersPresent(nodes: PlacedNode[]): string[] {
  const present = new Set(nodes.map((node) => node.layer));
  const others = [...present].filter((layer) => !LAYER_ORDER.includes(layer)).sort();
  return [...LAYER_ORDER.filter((layer) => present.has(layer)), ...others];
}

/**
 * Depth is the longest chain of dependencies inside the band. An edge back onto the chain being walked
 * closes a cycle and is ignored, so cycles still get finite, distinct depths.
 */
function rowsOf(members: PlacedNode[], dependencies: Map<string, string[]>): PlacedNode[][] {
  const inBand = new Set(members.map((node) => node.id));
  const depth = new Map<string, number>();
  const walking = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) {
      return known;
    }
    walking.add(id);
    const below = (dependencies.get(id) ?? []).filter((dep) => inBand.has(dep) && !walking.has(dep));
    const result = below.length ? 1 + Math.max(...below.map(depthOf)) : 0;
    walking.delete(id);
    depth.set(id, result);
    return result;
  };
  const sorted = [...members].sort((a, b) => a.label.localeCompare(b.label));
  const rows: PlacedNode[][] = [];
  for (const node of sorted) {
    const row = depthOf(node.id);
    (rows[row] ??= []).push(node);
  }
  return rows.filter((row) => row !== undefined);
}

/**
 * Orders each row by the mean x of what its nodes depend on, which removes most crossings in practice,
 * and wraps a row onto further lines where it would pass maxWidth.
 */
function placeRows(
  rows: PlacedNode[][],
  top: number,
  maxWidth: number,
  deps: Map<string, string[]>,
  byId: Map<string, PlacedNode>,
): number {
  const left = GEOMETRY.margin + GEOMETRY.bandLabelWidth;
  let y = top;
  for (const row of rows) {
    const ordered = [...row].sort((a, b) => anchorOf(a, deps, byId) - anchorOf(b, deps, byId));
    let x = left;
    for (const node of ordered) {
      if (x > left && x + node.width > maxWidth) {
        x = left;
        y += GEOMETRY.nodeHeight + GEOMETRY.wrapGap;
      }
      node.x = x;
      node.y = y;
      x += node.width + GEOMETRY.nodeGapX;
    }
    y += GEOMETRY.nodeHeight + GEOMETRY.rowGap;
  }
  return y - top - GEOMETRY.rowGap;
}

function anchorOf(node: PlacedNode, deps: Map<string, string[]>, byId: Map<string, PlacedNode>): number {
  const placedDeps = (deps.get(node.id) ?? []).map((id) => byId.get(id)!).filter((dep) => dep.width > 0 && dep.x > 0);
  if (!placedDeps.length) {
    return Number.MAX_SAFE_INTEGER;
  }
  return placedDeps.reduce((sum, dep) => sum + dep.x + dep.width / 2, 0) / placedDeps.length;
}
