import * as vscode from 'vscode';
import { Range } from '../protocol/requests';

/** Opens a file named by the server and selects the protocol range, as a click on a graph node or table row asks. */
export async function openLocation(uri: string, range: Range): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, viewColumn: vscode.ViewColumn.One });
}
