import { SecretRow } from '../protocol/requests';
import { escapeHtml, pageShell } from '../webview/pageShell';

/**
 * The secrets inventory as one table. Rows carry only names and verdicts: the server never sends values.
 * A click on a name posts its index; the extension looks the row up, so no path is trusted from the page.
 */
export function secretsPage(rows: SecretRow[], folderLabel: string, cspSource: string, nonce: string): string {
  return pageShell({
    title: 'Strata: Secrets Inventory',
    cspSource,
    nonce,
    style: SECRETS_STYLE,
    inlineScript: CLICK_SCRIPT,
    body: `<h2>Secrets inventory <small>${escapeHtml(folderLabel)}</small></h2>
<p>${summary(rows)}</p>
${rows.length ? table(rows) : '<p>No Secrets found.</p>'}`,
  });
}

function summary(rows: SecretRow[]): string {
  const flagged = rows.filter((row) => row.verdict !== 'ok').length;
  return `${rows.length} secret(s), ${flagged} with findings.`;
}

/** The cluster column appears only when the folder holds more than one cluster; otherwise it repeats one value. */
function table(rows: SecretRow[]): string {
  const withCluster = new Set(rows.map((row) => row.cluster ?? '')).size > 1;
  const headings = ['Namespace', 'Name', 'Mechanism', 'Store', 'Layer', 'Consumers', 'Verdict'];
  const header = (withCluster ? ['Cluster', ...headings] : headings).map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((row, index) => rowHtml(row, index, withCluster)).join('\n');
  return `<table><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function rowHtml(row: SecretRow, index: number, withCluster: boolean): string {
  const verdict = row.verdict === 'ok' ? 'ok' : `${row.verdict}${row.rule ? ` (${row.rule})` : ''}`;
  const cells = [
    ...(withCluster ? [escapeHtml(row.cluster ?? '')] : []),
    escapeHtml(row.namespace),
    `<a href="#" data-index="${index}">${escapeHtml(row.name)}</a>`,
    escapeHtml(row.mechanism),
    escapeHtml(row.store ?? ''),
    escapeHtml(row.layer),
    escapeHtml(row.consumers.join(', ')),
    `<span class="verdict ${cssClass(row.verdict)}">${escapeHtml(verdict)}</span>`,
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

function cssClass(verdict: string): string {
  return /^[a-z]+$/.test(verdict) ? verdict : 'other';
}

const CLICK_SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-index]');
  if (link) { event.preventDefault(); vscode.postMessage({ type: 'openRow', index: Number(link.dataset.index) }); }
});`;

const SECRETS_STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 8px 16px; }
h2 small { font-weight: normal; opacity: 0.7; margin-left: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); }
th { font-weight: 600; }
a { color: var(--vscode-textLink-foreground); }
.verdict.ok { color: var(--vscode-testing-iconPassed, #388a34); }
.verdict.error { color: var(--vscode-errorForeground, #f14c4c); font-weight: 600; }
.verdict.warning { color: var(--vscode-editorWarning-foreground, #cca700); }
`;
