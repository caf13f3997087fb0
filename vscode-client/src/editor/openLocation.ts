import * as vscode from 'vscode';
import { Range } from '../protocol/requests';

/**
 * Opens a file named by the server and selects the protocol range, as a click on a graph node or table row asks.
 * The file opens in another editor group than the panel that asked, so the panel stays in view.
 */
export async function openLocation(uri: string, range: Range, from: vscode.WebviewPanel): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const viewColumn = from.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, viewColumn });
}

/** A panel opens beside the file being edited, or takes the editor area when no file is open. */
export function panelColumn(): vscode.ViewColumn {
  return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}
