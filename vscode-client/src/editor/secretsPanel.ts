import * as vscode from 'vscode';
import { SECRETS_METHOD, SecretsInventory, SecretsParams } from '../protocol/requests';
import { secretsPage } from '../secrets/secretsPage';
import { makeNonce } from '../webview/pageShell';
import { openLocation, panelColumn } from './openLocation';
import { ServerSession } from './serverSession';

/** Shows `strata/secrets` as a table for the folder of the active file, or the first folder. */
export async function showSecretsInventory(session: ServerSession): Promise<void> {
  const activeUri = vscode.window.activeTextEditor?.document.uri;
  const params: SecretsParams = { uri: activeUri?.toString() };
  const inventory = await session.request<SecretsInventory>(SECRETS_METHOD, params);
  const folder =
    (activeUri && vscode.workspace.getWorkspaceFolder(activeUri)) ?? vscode.workspace.workspaceFolders?.[0];
  const panel = vscode.window.createWebviewPanel('strata.secrets', 'Strata: Secrets Inventory', panelColumn(), {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.html = secretsPage(inventory.secrets, folder?.name ?? '', panel.webview.cspSource, makeNonce());
  panel.webview.onDidReceiveMessage(async (message: { type: string; index: number }) => {
    const row = inventory.secrets[message.index];
    if (message.type === 'openRow' && row) {
      await openLocation(row.uri, row.range, panel);
    }
  });
}
