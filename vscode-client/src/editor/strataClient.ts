import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ServerCommand } from '../launch/serverCommand';
import { serverSettings } from '../settings/serverSettings';

/** The client id also names the `strata.trace.server` setting, which vscode-languageclient reads by itself. */
export const CLIENT_ID = 'strata';

/**
 * Builds the language client for the given command line. The selector names the YAML language without
 * contributing one, so Red Hat's YAML extension keeps owning YAML and both servers see the same documents.
 */
export function createStrataClient(command: ServerCommand, output: vscode.LogOutputChannel): LanguageClient {
  const serverOptions: ServerOptions = { command: command.command, args: command.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    outputChannel: output,
    initializationOptions: () => currentSettings(),
    synchronize: {
      configurationSection: 'strata',
      // The server analyses files that are not open, so it must hear of changes made on disk.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
    middleware: {
      workspace: {
        // Answers `workspace/configuration` for section `strata` with the documented settings object only.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) => (item.section === 'strata' ? currentSettings() : answers[index]));
        },
      },
    },
  };
  return new LanguageClient(CLIENT_ID, 'Strata', serverOptions, clientOptions);
}

function currentSettings() {
  return serverSettings(vscode.workspace.getConfiguration('strata'));
}
