import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingsReader, serverSettings } from '../settings/serverSettings';

function reader(values: Record<string, unknown>): SettingsReader {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

test('maps the rules object and debounceMs to the initializationOptions object', () => {
  const settings = serverSettings(
    reader({ rules: { 'missing-dependency': 'warning', 'application-secret-in-sops': 'off' }, debounceMs: 300 }),
  );
  assert.deepEqual(settings, {
    rules: { 'missing-dependency': 'warning', 'application-secret-in-sops': 'off' },
    debounceMs: 300,
  });
});

test('sends only the documented keys, not java.home, vmargs or trace', () => {
  const settings = serverSettings(
    reader({ rules: {}, debounceMs: 150, 'java.home': '/opt/jdk', 'trace.server': 'verbose' }),
  );
  assert.deepEqual(Object.keys(settings).sort(), ['debounceMs', 'rules']);
});

test('defaults to no rule overrides and 150 ms', () => {
  assert.deepEqual(serverSettings(reader({})), { rules: {}, debounceMs: 150 });
});

test('drops severities the server does not know and keeps 0 ms', () => {
  const settings = serverSettings(
    reader({ rules: { 'dependency-cycle': 'fatal', 'yaml-syntax': 'hint' }, debounceMs: 0 }),
  );
  assert.deepEqual(settings, { rules: { 'yaml-syntax': 'hint' }, debounceMs: 0 });
});

test('replaces a negative or non-numeric debounce with the default', () => {
  assert.equal(serverSettings(reader({ debounceMs: -5 })).debounceMs, 150);
  assert.equal(serverSettings(reader({ debounceMs: '10' })).debounceMs, 150);
});
