import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { discoverJava } from '../launch/javaDiscovery';
import { machineJavaProbe } from '../launch/javaProbe';
import { serverCommand } from '../launch/serverCommand';
import { StatusBar } from './statusBar';
import { createStrataClient } from './strataClient';

/** Thrown by requests while there is no running server; commands show its message instead of failing. */
export class ServerNotRunning extends Error {}

/**
 * Owns the one language client: finds Java, starts, stops and restarts the server, and answers "why not"
 * when it is not running. A missing Java leaves the extension active with a single error message.
 */
export class ServerSession implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private notRunningReason = 'it has not been started yet';

  constructor(
    private readonly extensionPath: string,
    private readonly output: vscode.LogOutputChannel,
    private readonly status: StatusBar,
  ) {}

  async start(): Promise<void> {
    this.status.setState('starting');
    const discovery = await discoverJava(
      {
        settingHome: vscode.workspace.getConfiguration('strata').get<string | null>('java.home'),
        env: process.env,
        platform: process.platform,
      },
      machineJavaProbe,
    );
    if (!discovery.found) {
      return this.fail('no suitable Java runtime', discovery.message, true);
    }
    const command = serverCommand({
      javaExecutable: discovery.runtime.executable,
      jarPath: path.join(this.extensionPath, 'server', 'strata.jar'),
      vmargs: vscode.workspace.getConfiguration('strata').get<string | null>('server.vmargs'),
    });
    this.output.info(
      `Starting ${command.command} ${command.args.join(' ')} (Java ${discovery.runtime.version} from ${discovery.runtime.source})`,
    );
    this.client = createStrataClient(command, this.output);
    this.client.onDidChangeState((event) => this.onStateChange(event.newState));
    try {
      await this.client.start();
    } catch (error) {
      this.fail(
        'the server failed to start',
        `Strata's language server failed to start: ${messageOf(error)}. See the "Strata" output.`,
        false,
      );
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) {
      await client.stop().catch((error) => this.output.warn(`Stopping the server: ${messageOf(error)}`));
    }
    this.notRunningReason = 'it was stopped';
    this.status.setState('stopped');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async request<R>(method: string, params: unknown): Promise<R> {
    if (!this.client || this.client.state !== State.Running) {
      throw new ServerNotRunning(
        `The Strata server is not running: ${this.notRunningReason}. Run "Strata: Restart Server" to start it.`,
      );
    }
    return this.client.sendRequest<R>(method, params);
  }

  dispose(): void {
    void this.stop();
  }

  private onStateChange(state: State): void {
    if (state === State.Running) {
      this.status.setState('ready');
    } else if (state === State.Starting) {
      this.status.setState('starting');
    } else if (state === State.StartFailed) {
      this.notRunningReason = 'its start failed';
      this.status.setState('error', this.notRunningReason);
    } else if (this.client) {
      this.notRunningReason = 'the server process ended';
      this.status.setState('stopped', this.notRunningReason);
    }
  }

  private fail(reason: string, message: string, offerSettings: boolean): void {
    this.notRunningReason = reason;
    this.status.setState('error', reason);
    this.output.error(message);
    const actions = offerSettings ? ['Open Settings'] : ['Show Output'];
    void vscode.window.showErrorMessage(message, ...actions).then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'strata.java.home');
      } else if (choice === 'Show Output') {
        this.output.show();
      }
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
