import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SecretRow } from '../protocol/requests';
import { secretsPage } from '../secrets/secretsPage';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function row(name: string, verdict: string, rule?: string): SecretRow {
  return {
    namespace: 'storage',
    name,
    mechanism: 'external-secret',
    store: 'onepassword',
    layer: 'infrastructure',
    consumers: ['ceph-csi'],
    verdict,
    rule,
    uri: 'file:///r/x.yaml',
    range,
  };
}

test('shows one row per secret with its verdict and rule', () => {
  const html = secretsPage(
    [row('ceph-csi', 'error', 'bootstrap-deadlock'), row('grafana', 'ok')],
    'repo',
    'vscode-resource:',
    'N0NCE',
  );
  assert.equal((html.match(/<tr>/g) ?? []).length, 3);
  assert.match(html, /error \(bootstrap-deadlock\)/);
  assert.match(html, /2 secret\(s\), 1 with findings/);
});

test('escapes names so a repository cannot inject markup into the page', () => {
  const html = secretsPage([row('<img src=x onerror=alert(1)>', 'ok')], 'repo', 'vscode-resource:', 'N0NCE');
  assert.ok(!html.includes('<img'));
});

test('allows only the nonce-tagged script', () => {
  const html = secretsPage([], 'repo', 'vscode-resource:', 'N0NCE');
  assert.match(html, /script-src 'nonce-N0NCE'/);
  assert.match(html, /<script nonce="N0NCE">/);
});

test('adds a cluster column only when the rows span more than one cluster', () => {
  const oneCluster = secretsPage(
    [
      { ...row('a', 'ok'), cluster: 'k8s/main' },
      { ...row('b', 'ok'), cluster: 'k8s/main' },
    ],
    'repo',
    'c',
    'N',
  );
  assert.ok(!oneCluster.includes('<th>Cluster</th>'));
  const twoClusters = secretsPage(
    [
      { ...row('a', 'ok'), cluster: 'k8s/main' },
      { ...row('b', 'ok'), cluster: 'k8s/edge' },
    ],
    'repo',
    'c',
    'N',
  );
  assert.ok(twoClusters.includes('<th>Cluster</th>') && twoClusters.includes('<td>k8s/edge</td>'));
});
