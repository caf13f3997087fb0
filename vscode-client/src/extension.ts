import * as vscode from 'vscode';
import { registerCommands } from './editor/commands';
import { offerRestartOnLaunchSettingChange } from './editor/restartOffer';
import { ServerSession } from './editor/serverSession';
import { StatusBar } from './editor/statusBar';

let session: ServerSession | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Strata', { log: true });
  const status = new StatusBar();
  session = new ServerSession(context.extensionPath, output, status);
  context.subscriptions.push(output, status);

  registerCommands(context, session);
  offerRestartOnLaunchSettingChange(context, session);

  // Not awaited: activation stays quick, and a start that fails reports itself through the status bar.
  void session.start();
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}
