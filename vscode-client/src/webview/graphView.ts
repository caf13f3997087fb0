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
  const message = event.data as { type: string; graph?: DependencyGraph; error?: string };
  if (message.type === 'graph' && message.graph) {
    render(message.graph);
  } else if (message.type === 'error') {
    showStatus(message.error ?? 'The graph could not be loaded.');
  }
});
vscode.postMessage({ type: 'ready' });

let shown: DependencyGraph | undefined;
window.addEventListener('resize', () => shown && render(shown));

function render(graph: DependencyGraph): void {
  shown = graph;
  renderHeader(graph);
  const canvas = document.getElementById('canvas')!;
  canvas.replaceChildren();
  if (!graph.nodes.length) {
    showStatus('No Kustomizations or HelmReleases found for this cluster.');
    return;
  }
  showStatus('');
  canvas.appendChild(drawLayout(layoutGraph(graph, Math.max(480, window.innerWidth - 32))));
}

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
