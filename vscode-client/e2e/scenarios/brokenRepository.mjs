// The main scenario on a copy of examples/broken. The views come first because the quick fix resolves the
// bootstrap deadlock and with it the dependsOn cycle they show: Problems panel, dependency graph, secrets
// inventory, then "Convert to SOPS Secret" through Ctrl+. checked on disk, then a rule turned off in settings.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { updateUserSettings } from '../codeServer.mjs';
import { resultsDir } from '../paths.mjs';
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
const READY = '.statusbar-item[aria-label^="Strata server ready"]';
/** A finding the quick fix leaves alone, so that turning its rule off is visible afterwards. */
const RULE_TO_TURN_OFF = 'missing-path';

const GRAPH_STEP = 'draws the dependency graph from the command palette, with the cycle in red';
const OPEN_STEP = 'opens the ExternalSecret and shows its findings in the editor';
const MENU_STEP = `offers "${FIX_TITLE}" in the Ctrl+. menu on its bootstrap-deadlock finding`;

export async function brokenRepository() {
  const scenario = new Scenario('broken-repository');
  await withCodeServer(scenario, {}, async ({ page, workspace, profile }) => {
    const screenshot = (name) => page.screenshot({ path: join(resultsDir, name) });
    const appDir = join(workspace, APP_DIR);
    const appFilesBefore = readdirSync(appDir);
    const kustomizationBefore = readFileSync(join(appDir, 'kustomization.yaml'), 'utf8');

    await scenario.step(
      'shows the server as ready in the status bar',
      () => page.locator(READY).waitFor({ timeout: 60_000 }),
      {
        essential: true,
      },
    );
    await scenario.step('lists a dependency-cycle problem for a ks.yaml that was never opened', async () => {
      await waitForProblem(page, 'dependency-cycle');
      const rows = await problemRows(page);
      if (!rows.some((row) => row.includes('ks.yaml'))) {
        throw new Error(`no row names a ks.yaml; rows: ${rows.join(' / ')}`);
      }
      await screenshot('problems-panel.png');
    });
    await scenario.step(GRAPH_STEP, async () => {
      await showDependencyGraph(page);
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
      await showSecretsInventory(page);
      await screenshot('secrets-inventory.png');
    });
    await scenario.step(OPEN_STEP, async () => {
      await runCommand(page, 'View: Close All Editor Groups');
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
    await scenario.step(`turns ${RULE_TO_TURN_OFF} off through strata.rules without a restart`, async () => {
      await waitForProblem(page, RULE_TO_TURN_OFF);
      updateUserSettings(profile, { 'strata.rules': { [RULE_TO_TURN_OFF]: 'off' } });
      await waitFor(
        `the ${RULE_TO_TURN_OFF} rows to leave the Problems panel`,
        async () => !(await problemRows(page)).some((row) => row.includes(RULE_TO_TURN_OFF)),
        { timeoutMs: 30_000 },
      );
      await page.locator(READY).waitFor({ timeout: 5_000 });
    });
  });
  return scenario;
}

/**
 * Filters the Problems panel by the rule id (the filter matches a marker's code) and waits for its row: the panel
 * is a virtual list, so a row scrolled out of view is not in the page at all.
 */
async function waitForProblem(page, rule) {
  await showProblems(page);
  const filter = page.locator('.part.panel input[placeholder^="Filter"]').first();
  await waitFor(
    `a ${rule} row in the Problems panel`,
    async () => {
      // The panel may still be laying itself out and drop an early value: set it again until it holds.
      if ((await filter.inputValue()) !== rule) {
        await filter.fill(rule);
      }
      return (await problemRows(page)).some((row) => row.includes(rule));
    },
    {
      timeoutMs: 60_000,
    },
  );
}

/** With no editor open the graph takes the whole editor area, which makes a readable screenshot. */
async function showDependencyGraph(page) {
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
}

/** One webview on screen at a time, so that the frame to read is not ambiguous. */
async function showSecretsInventory(page) {
  await runCommand(page, 'View: Close All Editor Groups');
  await runCommand(page, 'Strata: Show Secrets Inventory');
  await waitFor('rows in the secrets table', async () => (await webviewFrame(page).locator('tbody tr').count()) > 0, {
    timeoutMs: 30_000,
  });
}
