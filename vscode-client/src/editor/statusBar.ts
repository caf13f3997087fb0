import * as vscode from 'vscode';

export type ServerState = 'starting' | 'ready' | 'stopped' | 'error';

const STATE_ICONS: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  ready: '$(check)',
  stopped: '$(debug-stop)',
  error: '$(error)',
};

/** Shows the server's state and how many errors and warnings Strata reports across the workspace. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('strata.status', vscode.StatusBarAlignment.Left, 10);
  private readonly diagnosticsListener: vscode.Disposable;
  private state: ServerState = 'stopped';
  private detail = '';

  constructor() {
    this.item.name = 'Strata';
    this.item.command = 'workbench.actions.view.problems';
    this.diagnosticsListener = vscode.languages.onDidChangeDiagnostics(() => this.render());
    this.render();
    this.item.show();
  }

  setState(state: ServerState, detail = ''): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  private render(): void {
    const { errors, warnings } = countStrataDiagnostics();
    this.item.text = `${STATE_ICONS[this.state]} Strata $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = `Strata language server: ${this.state}${this.detail ? ` (${this.detail})` : ''}\n${errors} error(s), ${warnings} warning(s) in the workspace`;
    // Screen readers (and the end-to-end test) read this label rather than the icons.
    this.item.accessibilityInformation = {
      label: `Strata server ${this.state}, ${errors} errors, ${warnings} warnings`,
    };
    this.item.backgroundColor =
      this.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.diagnosticsListener.dispose();
    this.item.dispose();
  }
}

/** Counts across every file, open or not, because Strata publishes findings for the whole workspace. */
function countStrataDiagnostics(): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source === 'strata') {
        errors += diagnostic.severity === vscode.DiagnosticSeverity.Error ? 1 : 0;
        warnings += diagnostic.severity === vscode.DiagnosticSeverity.Warning ? 1 : 0;
      }
    }
  }
  return { errors, warnings };
}
