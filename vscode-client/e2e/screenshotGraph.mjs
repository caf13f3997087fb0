// Takes the README's picture of the dependency graph on a real repository, on demand (not part of the test run):
//   STRATA_E2E_EXAMPLE=/path/to/repository node e2e/screenshotGraph.mjs [file-to-open] [output.png]
// Opens the repository in code-server with the packaged extension, opens one file so that a large graph focuses
// on its Kustomization, runs "Strata: Show Dependency Graph" and saves the editor area to images/ (default).
import { join } from 'node:path';
import { clientDir } from './paths.mjs';
import { withCodeServer } from './session.mjs';
import { Scenario } from './steps.mjs';
import { waitFor } from './waitFor.mjs';
import { openFile, runCommand, webviewFrame } from './workbench.mjs';

const [fileToOpen, output = join(clientDir, 'images', 'dependency-graph-corpus.png')] = process.argv.slice(2);
const scenario = new Scenario('graph-screenshot');
await withCodeServer(scenario, {}, async ({ page }) => {
  await scenario.step('waits for the server', () =>
    page.locator('.statusbar-item[aria-label^="Strata server ready"]').waitFor({ timeout: 120_000 }),
  );
  await scenario.step('draws the graph and saves it', async () => {
    if (fileToOpen) {
      await openFile(page, fileToOpen);
    }
    await runCommand(page, 'Strata: Show Dependency Graph');
    await waitFor('nodes in the graph', async () => (await webviewFrame(page).locator('g.node').count()) > 5, {
      timeoutMs: 60_000,
    });
    await page.screenshot({ path: output });
  });
});
const failed = scenario.results.filter((result) => result.status === 'failed');
console.log(failed.length ? `failed: ${failed.map((r) => r.name).join(', ')}` : `saved ${output}`);
process.exitCode = failed.length ? 1 : 0;
