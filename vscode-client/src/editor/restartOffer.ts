import * as vscode from 'vscode';
import { ServerSession } from './serverSession';

/** Settings that shape the server's command line; the rest reach the running server through the protocol. */
const LAUNCH_SETTINGS = ['strata.java.home', 'strata.server.vmargs'];

export function offerRestartOnLaunchSettingChange(context: vscode.ExtensionContext, session: ServerSession): void {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!LAUNCH_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        return;
      }
      const choice = await vscode.window.showInformationMessage(
        'The Java runtime or JVM arguments for Strata changed. Restart the server to use them?',
        'Restart',
      );
      if (choice === 'Restart') {
        await session.restart();
      }
    }),
  );
}
