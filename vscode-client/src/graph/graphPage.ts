import { pageShell } from '../webview/pageShell';

/** The dependency graph page; the bundled graph script fills #canvas once the extension posts the graph. */
export function graphPage(cspSource: string, nonce: string, scriptUri: string): string {
  return pageShell({
    title: 'Strata: Dependency Graph',
    cspSource,
    nonce,
    scriptUri,
    style: GRAPH_STYLE,
    body: `<header>
  <strong>Dependency graph</strong>
  <select id="cluster" hidden aria-label="Cluster"></select>
  <select id="namespace" hidden aria-label="Namespace"></select>
  <input id="search" type="search" placeholder="Search by name" aria-label="Search by name">
  <label id="focus-label" hidden><input id="focus" type="checkbox"> around <span id="focus-name"></span></label>
  <span id="count"></span>
  <span id="cycles"></span>
  <span class="legend"><span class="swatch cycle"></span>in a cycle <span class="swatch missing"></span>missing</span>
</header>
<p id="status">Loading…</p>
<div id="canvas"></div>`,
  });
}

// Colours come from the editor theme so the graph reads in light and dark themes; red marks cycles in both.
const GRAPH_STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); margin: 0; padding: 8px 12px; }
header { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
#search { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 6px; }
#count { opacity: 0.8; }
#cycles.bad { color: var(--vscode-errorForeground, #f14c4c); }
.legend { opacity: 0.8; }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 8px; border: 2px solid var(--vscode-foreground); }
.swatch.cycle { border-color: #e51400; }
.swatch.missing { border-style: dashed; }
#canvas { overflow: auto; }
.band { fill: var(--vscode-editor-inactiveSelectionBackground, rgba(128,128,128,0.1)); opacity: 0.35; }
.band-infrastructure { opacity: 0.2; }
.band-application { opacity: 0.1; }
.band-label { fill: var(--vscode-descriptionForeground); font-size: 12px; text-transform: uppercase; letter-spacing: 0.08em; }
.edge { fill: none; stroke: var(--vscode-foreground); stroke-opacity: 0.55; stroke-width: 1.4; }
.edge.cycle { stroke: #e51400; stroke-opacity: 1; stroke-width: 2.2; }
.edge.unresolved { stroke-dasharray: 5 4; }
.edge-head { fill: var(--vscode-foreground); fill-opacity: 0.7; }
.edge-head.cycle { fill: #e51400; fill-opacity: 1; }
.node { cursor: pointer; }
.node rect { fill: var(--vscode-editor-background); stroke: var(--vscode-focusBorder, #007acc); stroke-width: 1.5; }
.node:hover rect, .node:focus rect { stroke-width: 3; outline: none; }
.node.cycle rect { stroke: #e51400; stroke-width: 2.5; fill: rgba(229, 20, 0, 0.12); }
.node.missing { cursor: default; }
.node.missing rect { stroke-dasharray: 5 4; stroke: var(--vscode-descriptionForeground); }
.node.suspended { opacity: 0.55; }
.node-label { fill: var(--vscode-foreground); font-size: 12px; text-anchor: middle; pointer-events: none; }
.node-detail { fill: var(--vscode-descriptionForeground); font-size: 10px; text-anchor: middle; pointer-events: none; }
`;
