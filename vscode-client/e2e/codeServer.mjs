// Installs the .vsix into a fresh code-server profile, starts code-server in its own process group and stops it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerBin, node24Bin, vsixPath } from './paths.mjs';
import { waitFor } from './waitFor.mjs';

// code-server needs Node 24; its launcher script runs whatever `node` comes first on PATH.
const env = { ...process.env, PATH: `${node24Bin}:${process.env.PATH}` };

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  // The chat side bar would take a third of the screenshots.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Rewrites the user settings of a running code-server; VS Code watches the file and applies it. */
export function updateUserSettings(profile, settings) {
  for (const scope of ['User', 'Machine']) {
    writeFileSync(
      join(profile.userDataDir, scope, 'settings.json'),
      JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2),
    );
  }
}

export function prepareProfile(root, settings = {}) {
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  // code-server is a remote: machine-scoped settings such as strata.java.home are read from Machine/, the rest from User/.
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(userDataDir, scope), { recursive: true });
  }
  updateUserSettings({ userDataDir }, settings);
  return { userDataDir, extensionsDir, settings };
}

export function installExtension(profile) {
  const output = execFileSync(
    codeServerBin,
    [
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      vsixPath,
    ],
    { env, encoding: 'utf8' },
  );
  if (!/was successfully installed/.test(output)) {
    throw new Error(`Installing ${vsixPath} failed:\n${output}`);
  }
}

export async function startCodeServer(profile, workspace, logFile) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    workspace,
  ];
  // detached gives code-server its own process group, so that stopping it also ends the extension host and Java.
  const child = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('code-server /healthz', async () => (await fetch(`${url}/healthz`)).ok, { timeoutMs: 60_000 });
  return { url, stop: () => stopGroup(child.pid) };
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left of it after ten seconds. */
export async function stopGroup(pgid) {
  if (!signalGroup(pgid, 'SIGTERM')) {
    return;
  }
  try {
    await waitFor('code-server to exit', () => !signalGroup(pgid, 0), { timeoutMs: 10_000 });
  } catch {
    signalGroup(pgid, 'SIGKILL');
  }
}

/** Returns false once no process of the group is left. */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
