// Where the end-to-end test finds its tools; ci-setup.sh installs them in these places.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = resolve(clientDir, '..');
// ci-setup.sh installs the tools here; STRATA_TOOLS_CACHE moves them out of the clone.
export const cacheDir = process.env.STRATA_TOOLS_CACHE ?? join(clientDir, '.cache');
export const node24Bin = join(cacheDir, 'node24', 'node_modules', 'node', 'bin');
export const codeServerBin = join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');
export const vsixPath = join(clientDir, 'strata-0.1.0.vsix');
export const resultsDir = join(clientDir, 'test-results');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const exampleDir = process.env.STRATA_E2E_EXAMPLE ?? join(repoDir, 'examples', 'broken');
