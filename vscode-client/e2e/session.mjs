// One code-server session for a scenario: a copy of the example, a fresh profile with the .vsix installed,
// the workbench in Chromium, and cleanup that always stops the whole process group.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, prepareProfile, startCodeServer } from './codeServer.mjs';
import { exampleDir, resultsDir } from './paths.mjs';
import { openWorkbench } from './workbench.mjs';

export async function withCodeServer(scenario, settings, run) {
  const root = mkdtempSync(join(tmpdir(), 'strata-e2e-'));
  const workspace = join(root, 'broken');
  const profile = prepareProfile(root, settings);
  const session = { workspace, profile, page: undefined };
  let codeServer;
  let browser;
  scenario.onFailure = (name) =>
    session.page?.screenshot({ path: join(resultsDir, `${name}.png`) }) ?? Promise.resolve();
  try {
    await scenario.step(
      'copies examples/broken into a temporary workspace',
      async () => {
        if (!existsSync(exampleDir)) {
          throw new Error(`${exampleDir} does not exist yet`);
        }
        cpSync(exampleDir, workspace, { recursive: true });
      },
      { essential: true },
    );
    await scenario.step('installs the .vsix into a fresh extensions folder', async () => installExtension(profile), {
      essential: true,
    });
    await scenario.step(
      'starts code-server and opens the workspace',
      async () => {
        codeServer = await startCodeServer(profile, workspace, join(resultsDir, `${scenario.name}-code-server.log`));
        ({ browser, page: session.page } = await openWorkbench(codeServer.url, workspace));
      },
      { essential: true },
    );
    await run(session);
  } finally {
    await browser?.close().catch(() => {});
    await codeServer?.stop();
    // The extension host's logs hold the "Strata" output channel, which explains most failures.
    if (existsSync(join(profile.userDataDir, 'logs'))) {
      cpSync(join(profile.userDataDir, 'logs'), join(resultsDir, `${scenario.name}-logs`), {
        recursive: true,
        force: true,
      });
    }
    rmSync(root, { recursive: true, force: true });
  }
}
