// Times the dependency graph view's filter and layout on the graphs of a repository, as `strata graph --format json`
// prints them: node scripts/graph-bench.mjs GRAPH.json. The SVG drawing in the webview is not timed here.
import { build } from 'esbuild';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = join(mkdtempSync(join(tmpdir(), 'strata-graph-bench-')), 'graph.mjs');
await build({
  stdin: {
    contents: "export { layoutGraph } from './src/graph/layout'; export { filterGraph } from './src/graph/filter';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { layoutGraph, filterGraph } = await import(pathToFileURL(out).href);
const data = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const median = (fn) => {
  for (let i = 0; i < 5; i++) fn();
  const times = [];
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[10];
};
for (const cluster of data.clusters) {
  const graph = {
    clusters: [cluster.cluster],
    cluster: cluster.cluster,
    nodes: cluster.nodes.map((node) => ({ ...node, uri: `file:///${node.path}` })),
    edges: cluster.edges,
    cycles: cluster.cycles ?? [],
  };
  if (!graph.nodes.length) continue;
  const focus = graph.nodes.find((node) => node.kind === 'Kustomization')?.id;
  const full = median(() => layoutGraph(graph, 1400));
  const focused = median(() => layoutGraph(filterGraph(graph, { focus, depth: 2 }), 1400));
  console.log(
    `${cluster.cluster}: ${graph.nodes.length} nodes, ${graph.edges.length} edges: ` +
      `filter + layout, whole cluster ${full.toFixed(1)} ms, around one Kustomization ${focused.toFixed(1)} ms (median of 21)`,
  );
}
