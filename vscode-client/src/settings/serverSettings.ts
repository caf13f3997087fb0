export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEFAULT_DEBOUNCE_MS = 150;

/** The settings object of docs/lsp-extensions.md: the same as initializationOptions and as the `strata` section. */
export interface ServerSettings {
  rules: Record<string, Severity>;
  debounceMs: number;
}

/** The part of VS Code's WorkspaceConfiguration this module reads, so that tests can pass a plain object. */
export interface SettingsReader {
  get<T>(key: string): T | undefined;
}

/** Maps the `strata.*` settings to what the server reads; values the server would reject are left out here. */
export function serverSettings(config: SettingsReader): ServerSettings {
  return { rules: rulesOf(config.get<unknown>('rules')), debounceMs: debounceOf(config.get<unknown>('debounceMs')) };
}

function rulesOf(value: unknown): Record<string, Severity> {
  const rules: Record<string, Severity> = {};
  if (value && typeof value === 'object') {
    for (const [id, severity] of Object.entries(value)) {
      if (isSeverity(severity)) {
        rules[id] = severity;
      }
    }
  }
  return rules;
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function debounceOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : DEFAULT_DEBOUNCE_MS;
}
