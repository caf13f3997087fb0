import * as vscode from 'vscode';
import { graphPage } from '../graph/graphPage';
import {
  DEPENDENCY_GRAPH_METHOD,
  DependencyGraph,
  DependencyGraphParams,
  OpenLocationMessage,
} from '../protocol/requests';
import { makeNonce } from '../webview/pageShell';
import { openLocation, panelColumn } from './openLocation';
import { ServerSession } from './serverSession';

type GraphViewMessage = { type: 'ready' } | { type: 'cluster'; cluster: string } | OpenLocationMessage;

/** The graph webview. There is one at a time: running the command again refreshes and reveals it. */
class DependencyGraphPanel {
  static current: DependencyGraphPanel | undefined;
  private graph: DependencyGraph | undefined;
  /** The file in the editor when the graph was asked for; the view can focus on its node. */
  private focusUri: string | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly session: ServerSession,
  ) {
    panel.webview.onDidReceiveMessage((message: GraphViewMessage) => this.onMessage(message));
    panel.onDidDispose(() => (DependencyGraphPanel.current = undefined));
  }

  static open(context: vscode.ExtensionContext, session: ServerSession): DependencyGraphPanel {
    if (!DependencyGraphPanel.current) {
      const distUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
      const panel = vscode.window.createWebviewPanel(
        'strata.dependencyGraph',
        'Strata: Dependency Graph',
        panelColumn(),
        {
          enableScripts: true,
          localResourceRoots: [distUri],
          retainContextWhenHidden: true,
        },
      );
      const scriptUri = panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'graph.js'));
      panel.webview.html = graphPage(panel.webview.cspSource, makeNonce(), scriptUri.toString());
      DependencyGraphPanel.current = new DependencyGraphPanel(panel, session);
    }
    DependencyGraphPanel.current.panel.reveal(undefined, false);
    return DependencyGraphPanel.current;
  }

  show(graph: DependencyGraph, focusUri = this.focusUri): void {
    this.graph = graph;
    this.focusUri = focusUri;
    void this.panel.webview.postMessage({ type: 'graph', graph, focusUri });
  }

  private async onMessage(message: GraphViewMessage): Promise<void> {
    if (message.type === 'open') {
      await openLocation(message.uri, message.range, this.panel);
    } else if (message.type === 'cluster') {
      this.show(await this.session.request<DependencyGraph>(DEPENDENCY_GRAPH_METHOD, { cluster: message.cluster }));
    } else if (message.type === 'ready' && this.graph) {
      // A message posted before the page's script ran is lost; the page says when it can listen.
      this.show(this.graph);
    }
  }
}

export async function showDependencyGraph(context: vscode.ExtensionContext, session: ServerSession): Promise<void> {
  const params: DependencyGraphParams = { uri: vscode.window.activeTextEditor?.document.uri.toString() };
  // Ask first, so that a stopped server is reported before an empty panel appears.
  const graph = await session.request<DependencyGraph>(DEPENDENCY_GRAPH_METHOD, params);
  DependencyGraphPanel.open(context, session).show(graph, params.uri);
}
