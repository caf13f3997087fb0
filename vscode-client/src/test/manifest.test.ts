import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// Run from vscode-client/, as `npm run test:unit` does.
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const contract = readFileSync(join('..', 'docs', 'lsp-extensions.md'), 'utf8');

test('declares every rule id of docs/lsp-extensions.md as a property of strata.rules', () => {
  const section = /Rule ids: ([\s\S]*?)\n\n/.exec(contract)![1];
  const documented = [...section.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]).sort();
  const declared = Object.keys(manifest.contributes.configuration.properties['strata.rules'].properties).sort();
  assert.deepEqual(declared, documented);
});

test('activates on YAML and on Flux workspaces without contributing a YAML language', () => {
  assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
  assert.ok(manifest.activationEvents.includes('workspaceContains:**/kustomization.yaml'));
  assert.ok(manifest.activationEvents.includes('workspaceContains:**/flux-system/gotk-sync.yaml'));
  assert.equal(manifest.contributes.languages, undefined);
});

test('contributes the three commands and the documented settings', () => {
  const commands = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
  assert.deepEqual(commands, ['strata.restartServer', 'strata.showDependencyGraph', 'strata.showSecretsInventory']);
  const settings = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(settings, [
    'strata.debounceMs',
    'strata.java.home',
    'strata.rules',
    'strata.server.vmargs',
    'strata.trace.server',
  ]);
  assert.equal(manifest.contributes.configuration.properties['strata.debounceMs'].default, 150);
});

/** Only the editor layer may touch VS Code; everything else runs, and is tested, in plain Node or a browser. */
test('imports vscode only from src/editor and src/extension.ts', () => {
  const offenders = sourceFiles('src')
    .filter((file) => !file.startsWith(join('src', 'editor')) && file !== join('src', 'extension.ts'))
    .filter((file) => /from '(vscode|vscode-languageclient[^']*)'/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
