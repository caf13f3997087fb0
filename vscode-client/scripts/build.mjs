// Bundles the extension (Node, CommonJS, `vscode` left to the host) and the graph webview script (browser).
// With --tests it bundles each unit test on its own into out-test/, for `node --test`.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2022' };

if (process.argv.includes('--tests')) {
  const tests = readdirSync('src/test').filter((name) => name.endsWith('.test.ts'));
  await build({
    ...common,
    entryPoints: tests.map((name) => `src/test/${name}`),
    outdir: 'out-test',
    platform: 'node',
    format: 'cjs',
    sourcemap: 'inline',
  });
} else {
  await Promise.all([
    // Minified because the bundle ships in the .vsix; the source map stays beside it for debugging.
    build({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      minify: true,
      keepNames: true,
    }),
    build({
      ...common,
      entryPoints: ['src/webview/graphView.ts'],
      outfile: 'dist/webview/graph.js',
      platform: 'browser',
      format: 'iife',
    }),
  ]);
}
