/** Shapes of Strata's custom requests, exactly as docs/lsp-extensions.md states them. */

export const DEPENDENCY_GRAPH_METHOD = 'strata/dependencyGraph';
export const SECRETS_METHOD = 'strata/secrets';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Layer = 'bootstrap' | 'infrastructure' | 'application';

export interface DependencyGraphParams {
  uri?: string;
  cluster?: string;
}

export interface GraphNode {
  id: string;
  kind: string;
  namespace: string;
  name: string;
  layer: Layer | string;
  inCycle: boolean;
  suspended: boolean;
  uri: string;
  range: Range;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: string;
  inCycle: boolean;
  resolved: boolean;
}

export interface DependencyGraph {
  clusters: string[];
  cluster: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: string[][];
}

export interface SecretsParams {
  uri?: string;
}

export interface SecretRow {
  /** The cluster root that applies the Secret; optional because servers before it was added leave it out. */
  cluster?: string;
  namespace: string;
  name: string;
  mechanism: 'sops' | 'external-secret' | 'plaintext' | 'template' | string;
  store?: string;
  layer: string;
  consumers: string[];
  verdict: string;
  rule?: string;
  uri: string;
  range: Range;
}

export interface SecretsInventory {
  secrets: SecretRow[];
}

/** The message a webview posts when the user clicks something that lives in a file. */
export interface OpenLocationMessage {
  type: 'open';
  uri: string;
  range: Range;
}
