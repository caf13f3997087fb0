// Playwright helpers that speak VS Code's workbench: commands, Quick Open, the Problems panel, quick fixes, webviews.
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';
import { waitFor } from './waitFor.mjs';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function openWorkbench(url, workspace) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  return { browser, page };
}

/** Runs a command by its title through the command palette (F1). */
export async function runCommand(page, title) {
  // A menu or peek left open by an earlier step would swallow F1.
  await page.keyboard.press('Escape');
  await waitFor(
    `the command palette for ${title}`,
    async () => {
      await page.keyboard.press('F1');
      return page.locator('.quick-input-widget input').isVisible();
    },
    { timeoutMs: 15_000, intervalMs: 500 },
  );
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** Opens a workspace file by its relative path through Quick Open, and waits for its editor tab. */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop();
  await runCommand(page, 'Go to File...');
  await page.locator('.quick-input-widget input').fill(relativePath);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

export async function showProblems(page) {
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel').waitFor({ timeout: 15_000 });
}

/** The rows of the Problems panel as text, file headers and markers alike. */
export async function problemRows(page) {
  return page
    .locator('.markers-panel .monaco-list-row')
    .evaluateAll((rows) => rows.map((row) => `${row.getAttribute('aria-label') ?? ''} | ${row.textContent ?? ''}`));
}

/**
 * Puts the cursor on the finding of the given rule in the active editor: from the top of the file, F8 walks
 * the findings one by one and shows each in a peek widget that names its rule.
 */
export async function goToFinding(page, rule) {
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  const widget = page.locator('.marker-widget');
  await waitFor(
    `the ${rule} finding in the editor`,
    async () => {
      await page.keyboard.press('F8');
      await widget.waitFor({ state: 'visible', timeout: 2_000 });
      return (await widget.textContent())?.includes(rule);
    },
    { timeoutMs: 20_000, intervalMs: 300 },
  );
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The rows of the code action menu; its submenu panel shares the action-widget class. */
export const QUICK_FIX_ROWS = '.action-widget:not(.action-list-submenu-panel) .monaco-list-row';

/** Waits for a code action whose title starts with the given text; on failure, says which ones were offered. */
export async function findCodeAction(page, titleStart) {
  const row = page.locator(QUICK_FIX_ROWS, { hasText: titleStart }).first();
  try {
    await row.waitFor({ timeout: 15_000 });
  } catch {
    const offered = await page.locator(QUICK_FIX_ROWS).allTextContents();
    throw new Error(`no code action "${titleStart}…"; offered: ${offered.join(' | ') || 'none'}`);
  }
  return row;
}

/** The texts of the notifications on screen, toasts and notification center alike. */
export async function notificationMessages(page) {
  return page.locator('.notification-list-item-message').allTextContents();
}

/**
 * Opens the quick fix menu at the cursor. Ctrl+. right after a click or a navigation is sometimes swallowed,
 * so it is pressed again until the menu shows.
 */
export async function openQuickFixMenu(page) {
  const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
  await waitFor(
    'the quick fix menu',
    async () => {
      if (await menu.isVisible()) {
        return true;
      }
      await page.keyboard.press('Control+.');
      await menu.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
      return menu.isVisible();
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
  return menu;
}

/** The frame inside the visible webview panel: VS Code nests the page in an iframe within an iframe. */
export function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
}
