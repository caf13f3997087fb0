import { DEFAULT_FOCUS_DEPTH, filterGraph, namespaces, nodeOfFile } from '../graph/filter';
import { GEOMETRY, GraphLayout, PlacedNode, layoutGraph } from '../graph/layout';
import { DependencyGraph } from '../protocol/requests';

/**
 * Runs inside the dependency graph webview: draws the layout as SVG and reports clicks to the extension.
 * Everything is built with DOM calls and textContent, so names from the repository are never parsed as markup.
 */

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; graph?: DependencyGraph; error?: string; focusUri?: string };
  if (message.type === 'graph' && message.graph) {
    focusUri = message.focusUri;
    render(message.graph);
  } else if (message.type === 'error') {
    showStatus(message.error ?? 'The graph could not be loaded.');
  }
});
vscode.postMessage({ type: 'ready' });

let shown: DependencyGraph | undefined;
/** The file open in the editor when the graph was asked for: the focus checkbox centres on its node. */
let focusUri: string | undefined;
window.addEventListener('resize', () => shown && draw(shown));

function render(graph: DependencyGraph): void {
  shown = graph;
  renderHeader(graph);
  renderFilters(graph);
  draw(graph);
}

/** Lays out and draws what the filters keep; the header says how much that is. */
function draw(graph: DependencyGraph): void {
  const canvas = document.getElementById('canvas')!;
  canvas.replaceChildren();
  if (!graph.nodes.length) {
    showStatus('No Kustomizations or HelmReleases found for this cluster.');
    return;
  }
  const focus = document.getElementById('focus') as HTMLInputElement;
  const visible = filterGraph(graph, {
    namespace: (document.getElementById('namespace') as HTMLSelectElement).value,
    query: (document.getElementById('search') as HTMLInputElement).value,
    focus: focus.checked ? focus.dataset.node : undefined,
    depth: DEFAULT_FOCUS_DEPTH,
  });
  const count = document.getElementById('count')!;
  count.textContent =
    visible.nodes.length === graph.nodes.length ? '' : `showing ${visible.nodes.length} of ${graph.nodes.length}`;
  if (!visible.nodes.length) {
    showStatus('Nothing matches the filters.');
    return;
  }
  showStatus('');
  canvas.appendChild(drawLayout(layoutGraph(visible, Math.max(480, window.innerWidth - 32))));
}

/** The namespace picker, the search box and the focus on the open file's node, kept across redraws. */
function renderFilters(graph: DependencyGraph): void {
  const picker = document.getElementById('namespace') as HTMLSelectElement;
  const previous = picker.value;
  const names = namespaces(graph);
  picker.replaceChildren(
    new Option('all namespaces', '', false, !names.includes(previous)),
    ...names.map((name) => new Option(name, name, false, name === previous)),
  );
  picker.hidden = names.length < 2;
  picker.onchange = () => draw(graph);
  const search = document.getElementById('search') as HTMLInputElement;
  search.oninput = () => draw(graph);
  const focus = document.getElementById('focus') as HTMLInputElement;
  const own = nodeOfFile(graph, focusUri);
  const label = document.getElementById('focus-label')!;
  label.hidden = !own;
  if (own) {
    focus.dataset.node = own.id;
    document.getElementById('focus-name')!.textContent = own.name;
    // A large cluster opens on the neighbourhood of the file in the editor.
    focus.checked = graph.nodes.length > LARGE;
  } else {
    focus.checked = false;
  }
  focus.onchange = () => draw(graph);
}

/** Above this many nodes the view opens focused on the open file's node. */
const LARGE = 60;

function renderHeader(graph: DependencyGraph): void {
  const picker = document.getElementById('cluster') as HTMLSelectElement;
  picker.replaceChildren(
    ...graph.clusters.map((cluster) => new Option(cluster, cluster, false, cluster === graph.cluster)),
  );
  picker.hidden = graph.clusters.length < 2;
  picker.onchange = () => vscode.postMessage({ type: 'cluster', cluster: picker.value });
  const cycles = document.getElementById('cycles')!;
  cycles.textContent = graph.cycles.length
    ? `${graph.cycles.length} cycle(s): ${graph.cycles.map((cycle) => cycle.map(shortName).join(' → ')).join('; ')}`
    : 'No cycles.';
  cycles.className = graph.cycles.length ? 'bad' : '';
}

function drawLayout(layout: GraphLayout): SVGSVGElement {
  const svg = element('svg', {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
  });
  svg.appendChild(arrowHead('arrow', 'edge-head'));
  svg.appendChild(arrowHead('arrow-cycle', 'edge-head cycle'));
  for (const band of layout.bands) {
    svg.appendChild(
      element('rect', { x: 0, y: band.y, width: layout.width, height: band.height, class: `band band-${band.layer}` }),
    );
    svg.appendChild(text(band.layer, GEOMETRY.margin, band.y + 20, 'band-label'));
  }
  for (const placed of layout.edges) {
    const cycle = placed.edge.inCycle;
    const classes = ['edge', cycle ? 'cycle' : '', placed.edge.resolved ? '' : 'unresolved'].join(' ').trim();
    const path = element('path', {
      d: placed.path,
      class: classes,
      'marker-end': `url(#${cycle ? 'arrow-cycle' : 'arrow'})`,
    });
    path.appendChild(title(`${placed.edge.from} ${placed.edge.kind} ${placed.edge.to}`));
    svg.appendChild(path);
  }
  layout.nodes.forEach((node) => svg.appendChild(drawNode(node)));
  return svg;
}

function drawNode(node: PlacedNode): SVGGElement {
  const classes = [
    'node',
    node.inCycle ? 'cycle' : '',
    node.missing ? 'missing' : '',
    node.suspended ? 'suspended' : '',
  ];
  const group = element('g', { class: classes.join(' ').replace(/\s+/g, ' ').trim(), 'data-id': node.id, tabindex: 0 });
  group.appendChild(element('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: 6 }));
  group.appendChild(text(node.label, node.x + node.width / 2, node.y + 18, 'node-label'));
  group.appendChild(text(node.detail, node.x + node.width / 2, node.y + 33, 'node-detail'));
  group.appendChild(
    title(node.source ? `${node.id}${node.inCycle ? ' (in a cycle)' : ''}` : `${node.id} does not exist`),
  );
  const source = node.source;
  if (source) {
    const open = () => vscode.postMessage({ type: 'open', uri: source.uri, range: source.range });
    group.addEventListener('click', open);
    group.addEventListener('keydown', (event) => (event as KeyboardEvent).key === 'Enter' && open());
  }
  return group;
}

function arrowHead(id: string, className: string): SVGElement {
  const marker = element('marker', {
    id,
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.appendChild(element('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: className }));
  return marker;
}

function text(content: string, x: number, y: number, className: string): SVGTextElement {
  const node = element('text', { x, y, class: className });
  node.textContent = content;
  return node;
}

function title(content: string): SVGTitleElement {
  const node = element('title', {});
  node.textContent = content;
  return node;
}

function element<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
  return node;
}

function shortName(id: string): string {
  return id.split('/').pop() ?? id;
}

function showStatus(message: string): void {
  document.getElementById('status')!.textContent = message;
}
