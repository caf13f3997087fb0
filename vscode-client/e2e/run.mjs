// End-to-end test in a real VS Code (code-server): install the .vsix, open a copy of examples/broken, see a
// cross-file finding in the Problems panel, apply "Convert to SOPS Secret" and check the files on disk,
// then open the dependency graph and the secrets inventory. Screenshots go to test-results/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, prepareProfile, startCodeServer } from './codeServer.mjs';
import { exampleDir, resultsDir } from './paths.mjs';
import { waitFor } from './waitFor.mjs';
import { openFile, openQuickFixMenu, openWorkbench, problemRows, runCommand, showProblems, webviewFrame } from './workbench.mjs';

const APP_DIR = 'kubernetes/apps/storage/ceph-csi/app';
const EXTERNAL_SECRET = `${APP_DIR}/externalsecret.yaml`;
const CYCLE_FILES = ['kubernetes/apps/storage/ceph-csi/ks.yaml', 'kubernetes/apps/external-secrets/external-secrets/ks.yaml'];

const results = [];
let failed = false;

/** Runs one step; after a failure the remaining steps are skipped, since each builds on the one before. */
async function step(name, run) {
  if (failed) {
    results.push({ name, status: 'skipped' });
    console.log(`skip - ${name}`);
    return;
  }
  const started = Date.now();
  try {
    await run();
    results.push({ name, status: 'passed' });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed = true;
    results.push({ name, status: 'failed', error: error.message });
    console.log(`not ok - ${name}: ${error.stack ?? error.message}`);
  }
}

const root = mkdtempSync(join(tmpdir(), 'strata-e2e-'));
const workspace = join(root, 'broken');
// Screenshots and logs of an earlier run would pass for this run's.
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const profile = prepareProfile(root);
let codeServer;
let browser;
let page;

const screenshot = (name) => page.screenshot({ path: join(resultsDir, name) });

try {
  await step('copies examples/broken into a temporary workspace', async () => {
    if (!existsSync(exampleDir)) {
      throw new Error(`${exampleDir} does not exist yet`);
    }
    cpSync(exampleDir, workspace, { recursive: true });
  });
  const appFilesBefore = existsSync(join(workspace, APP_DIR)) ? readdirSync(join(workspace, APP_DIR)) : [];
  const kustomizationBefore = existsSync(join(workspace, APP_DIR, 'kustomization.yaml'))
    ? readFileSync(join(workspace, APP_DIR, 'kustomization.yaml'), 'utf8')
    : '';

  await step('installs the .vsix into a fresh extensions folder', async () => installExtension(profile));

  await step('starts code-server and opens the workspace', async () => {
    codeServer = await startCodeServer(profile, workspace, join(resultsDir, 'code-server.log'));
    ({ browser, page } = await openWorkbench(codeServer.url, workspace));
  });

  await step('shows the server as ready in the status bar', async () => {
    await page.locator('.statusbar-item[aria-label^="Strata server ready"]').waitFor({ timeout: 60_000 });
  });

  await step('lists a dependency-cycle problem for a file that was never opened', async () => {
    await showProblems(page);
    const cycleRow = await waitFor('a dependency-cycle row in the Problems panel', async () => {
      const rows = await problemRows(page);
      return rows.find((row) => row.includes('dependency-cycle'));
    }, { timeoutMs: 60_000 });
    const rows = await problemRows(page);
    const namesFile = CYCLE_FILES.some((file) => rows.some((row) => row.includes(file.split('/').slice(-2).join('/')) || row.includes('ks.yaml')));
    if (!namesFile) {
      throw new Error(`no row names a ks.yaml of the cycle; saw ${cycleRow}`);
    }
    await screenshot('problems-panel.png');
  });

  await step('opens the ExternalSecret and shows its finding in the editor', async () => {
    await openFile(page, EXTERNAL_SECRET);
    await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first().waitFor({ timeout: 30_000 });
  });

  await step('offers "Convert to SOPS Secret" in the Ctrl+. menu', async () => {
    const squiggle = page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first();
    const box = await squiggle.boundingBox();
    await page.mouse.click(box.x + Math.min(8, box.width / 2), box.y + box.height / 2);
    const menu = await openQuickFixMenu(page);
    await menu.locator('.monaco-list-row', { hasText: 'Convert to SOPS Secret' }).first().waitFor({ timeout: 15_000 });
    await screenshot('quick-fix-menu.png');
  });

  await step('applies the fix: a *.sops.yaml stub beside the ExternalSecret and a changed kustomization.yaml', async () => {
    await page.locator('.action-widget:not(.action-list-submenu-panel) .monaco-list-row', { hasText: 'Convert to SOPS Secret' }).first().click();
    const appDir = join(workspace, APP_DIR);
    await waitFor('a new *.sops.yaml on disk', () =>
      readdirSync(appDir).some((name) => name.endsWith('.sops.yaml') && !appFilesBefore.includes(name)));
    await waitFor('kustomization.yaml to change on disk', () =>
      readFileSync(join(appDir, 'kustomization.yaml'), 'utf8') !== kustomizationBefore);
  });

  await step('draws the dependency graph from the command palette, with the cycle in red', async () => {
    await runCommand(page, 'Strata: Show Dependency Graph');
    const frame = webviewFrame(page);
    await waitFor('two nodes and two edges marked as a cycle', async () =>
      (await frame.locator('g.node.cycle').count()) >= 2 && (await frame.locator('path.edge.cycle').count()) >= 2,
    { timeoutMs: 30_000 });
    await screenshot('dependency-graph.png');
  });

  await step('opens a Kustomization when its graph node is clicked', async () => {
    await webviewFrame(page).locator('g.node.cycle').first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'ks.yaml' }).waitFor({ timeout: 15_000 });
  });

  await step('shows the secrets inventory as a table', async () => {
    await runCommand(page, 'Strata: Show Secrets Inventory');
    await waitFor('rows in the secrets table', async () => (await webviewFrame(page).locator('tbody tr').count()) > 0, { timeoutMs: 30_000 });
    await screenshot('secrets-inventory.png');
  });
} finally {
  if (failed && page) {
    await screenshot('failure.png').catch(() => {});
  }
  await browser?.close().catch(() => {});
  await codeServer?.stop();
  // The extension host's logs hold the "Strata" output channel, which explains most failures.
  if (existsSync(join(profile.userDataDir, 'logs'))) {
    cpSync(join(profile.userDataDir, 'logs'), join(resultsDir, 'logs'), { recursive: true, force: true });
  }
  rmSync(root, { recursive: true, force: true });
}

const count = (status) => results.filter((result) => result.status === status).length;
writeFileSync(join(resultsDir, 'e2e-summary.json'), JSON.stringify({ passed: count('passed'), failed: count('failed'), skipped: count('skipped'), results }, null, 2));
console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
process.exitCode = failed ? 1 : 0;
