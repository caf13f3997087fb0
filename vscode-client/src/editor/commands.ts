import * as vscode from 'vscode';
import { showDependencyGraph } from './dependencyGraphPanel';
import { showSecretsInventory } from './secretsPanel';
import { ServerNotRunning, ServerSession } from './serverSession';

export function registerCommands(context: vscode.ExtensionContext, session: ServerSession): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'strata.showDependencyGraph',
      guarded(() => showDependencyGraph(context, session)),
    ),
    vscode.commands.registerCommand(
      'strata.showSecretsInventory',
      guarded(() => showSecretsInventory(session)),
    ),
    vscode.commands.registerCommand(
      'strata.restartServer',
      guarded(() => session.restart()),
    ),
  );
}

/** A command that cannot run says why in one message instead of an unhandled rejection. */
function guarded(run: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await run();
    } catch (error) {
      if (error instanceof ServerNotRunning) {
        void vscode.window.showWarningMessage(error.message);
      } else {
        void vscode.window.showErrorMessage(`Strata: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
}
