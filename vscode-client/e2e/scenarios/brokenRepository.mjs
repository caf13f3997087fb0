// The main scenario: a cross-file finding in the Problems panel, the "Convert to SOPS Secret" quick fix applied
// through Ctrl+. and checked on disk, then the dependency graph and the secrets inventory.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from '../paths.mjs';
import { updateUserSettings } from '../codeServer.mjs';
import { withCodeServer } from '../session.mjs';
import { Scenario } from '../steps.mjs';
import { waitFor } from '../waitFor.mjs';
import {
  findCodeAction,
  goToFinding,
  openFile,
  openQuickFixMenu,
  problemRows,
  runCommand,
  showProblems,
  webviewFrame,
} from '../workbench.mjs';

const APP_DIR = 'kubernetes/apps/storage/ceph-csi/app';
const EXTERNAL_SECRET = `${APP_DIR}/externalsecret.yaml`;
const FIX_TITLE = 'Convert to SOPS Secret';
const SQUIGGLES = '.editor-instance .squiggly-error, .editor-instance .squiggly-warning';

export async function brokenRepository() {
  const scenario = new Scenario('broken-repository');
  await withCodeServer(scenario, {}, async ({ page, workspace, profile }) => {
    const appDir = join(workspace, APP_DIR);
    const screenshot = (name) => page.screenshot({ path: join(resultsDir, name) });
    let appFilesBefore = [];
    let kustomizationBefore = '';

    await scenario.step(
      'shows the server as ready in the status bar',
      async () => {
        appFilesBefore = readdirSync(appDir);
        kustomizationBefore = readFileSync(join(appDir, 'kustomization.yaml'), 'utf8');
        await page.locator('.statusbar-item[aria-label^="Strata server ready"]').waitFor({ timeout: 60_000 });
      },
      { essential: true },
    );

    await scenario.step('lists a dependency-cycle problem for a ks.yaml that was never opened', async () => {
      await showProblems(page);
      await waitFor(
        'a dependency-cycle row in the Problems panel',
        async () => (await problemRows(page)).some((row) => row.includes('dependency-cycle')),
        { timeoutMs: 60_000 },
      );
      const rows = await problemRows(page);
      if (!rows.some((row) => row.includes('ks.yaml'))) {
        throw new Error(`no row names a ks.yaml; rows: ${rows.join(' / ')}`);
      }
      await screenshot('problems-panel.png');
    });

    const OPEN_STEP = 'opens the ExternalSecret and shows its findings in the editor';
    const MENU_STEP = `offers "${FIX_TITLE}" in the Ctrl+. menu on its bootstrap-deadlock finding`;
    const GRAPH_STEP = 'draws the dependency graph from the command palette, with the cycle in red';

    await scenario.step(OPEN_STEP, async () => {
      await openFile(page, EXTERNAL_SECRET);
      await page.locator(SQUIGGLES).first().waitFor({ timeout: 30_000 });
    });

    await scenario.step(
      MENU_STEP,
      async () => {
        await goToFinding(page, 'bootstrap-deadlock');
        await openQuickFixMenu(page);
        await findCodeAction(page, FIX_TITLE);
        await screenshot('quick-fix-menu.png');
      },
      { requires: [OPEN_STEP] },
    );

    await scenario.step(
      'applies it: a new *.sops.yaml beside the ExternalSecret and a changed kustomization.yaml on disk',
      async () => {
        await (await findCodeAction(page, FIX_TITLE)).click();
        await waitFor('a new *.sops.yaml on disk', () =>
          readdirSync(appDir).some((name) => name.endsWith('.sops.yaml') && !appFilesBefore.includes(name)),
        );
        await waitFor(
          'kustomization.yaml to change on disk',
          () => readFileSync(join(appDir, 'kustomization.yaml'), 'utf8') !== kustomizationBefore,
        );
      },
      { requires: [MENU_STEP] },
    );

    await scenario.step(GRAPH_STEP, async () => {
      // With no editor open the graph takes the whole editor area, which makes a readable screenshot.
      await runCommand(page, 'View: Close All Editor Groups');
      await runCommand(page, 'View: Hide Panel');
      await runCommand(page, 'Strata: Show Dependency Graph');
      const frame = webviewFrame(page);
      await waitFor(
        'two nodes and two edges marked as a cycle',
        async () =>
          (await frame.locator('g.node.cycle').count()) >= 2 && (await frame.locator('path.edge.cycle').count()) >= 2,
        { timeoutMs: 30_000 },
      );
      await screenshot('dependency-graph.png');
    });

    await scenario.step(
      'opens a Kustomization when its graph node is clicked',
      async () => {
        await webviewFrame(page).locator('g.node.cycle').first().click();
        await page.locator('.tabs-container .tab.active', { hasText: 'ks.yaml' }).waitFor({ timeout: 15_000 });
      },
      { requires: [GRAPH_STEP] },
    );

    await scenario.step('shows the secrets inventory as a table', async () => {
      // One webview on screen at a time, so that the frame to read is not ambiguous.
      await runCommand(page, 'View: Close All Editor Groups');
      await runCommand(page, 'Strata: Show Secrets Inventory');
      await waitFor(
        'rows in the secrets table',
        async () => (await webviewFrame(page).locator('tbody tr').count()) > 0,
        { timeoutMs: 30_000 },
      );
      await screenshot('secrets-inventory.png');
    });

    await scenario.step('turns dependency-cycle off through strata.rules without a restart', async () => {
      updateUserSettings(profile, { 'strata.rules': { 'dependency-cycle': 'off' } });
      await showProblems(page);
      await waitFor(
        'the dependency-cycle rows to leave the Problems panel',
        async () => !(await problemRows(page)).some((row) => row.includes('dependency-cycle')),
        { timeoutMs: 30_000 },
      );
      await page.locator('.statusbar-item[aria-label^="Strata server ready"]').waitFor({ timeout: 5_000 });
    });
  });
  return scenario;
}
