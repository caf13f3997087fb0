// Without a usable Java the extension must say so once, stay active, and have its commands explain themselves.
import { join } from 'node:path';
import { resultsDir } from '../paths.mjs';
import { withCodeServer } from '../session.mjs';
import { Scenario } from '../steps.mjs';
import { waitFor } from '../waitFor.mjs';
import { notificationMessages, runCommand } from '../workbench.mjs';

export async function missingJava() {
  const scenario = new Scenario('missing-java');
  await withCodeServer(scenario, { 'strata.java.home': '/nonexistent/jdk' }, async ({ page }) => {
    await scenario.step(
      'shows one error message that names strata.java.home',
      async () => {
        await waitFor(
          'the missing-Java message',
          async () => (await notificationMessages(page)).some((message) => message.includes('strata.java.home')),
          { timeoutMs: 60_000 },
        );
        const fromStrata = (await notificationMessages(page)).filter((message) => message.includes('Strata'));
        if (fromStrata.length !== 1) {
          throw new Error(`expected one message from Strata, saw: ${fromStrata.join(' / ')}`);
        }
        await page.screenshot({ path: join(resultsDir, 'missing-java.png') });
      },
      { essential: true },
    );

    await scenario.step('marks the server as failed in the status bar', async () => {
      await page.locator('.statusbar-item[aria-label^="Strata server error"]').waitFor({ timeout: 15_000 });
    });

    await scenario.step('explains that the server is not running when a command runs', async () => {
      await runCommand(page, 'Strata: Show Dependency Graph');
      await waitFor(
        'a "not running" message',
        async () => (await notificationMessages(page)).some((message) => message.includes('is not running')),
        { timeoutMs: 15_000 },
      );
    });
  });
  return scenario;
}
