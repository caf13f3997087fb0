// Copies the server jar built by Maven into the extension, so that the .vsix carries it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// STRATA_SERVER_JAR points at another build of the jar, e.g. one downloaded from CI.
const source = process.env.STRATA_SERVER_JAR ?? resolve(clientDir, '..', 'server', 'target', 'strata.jar');
const target = resolve(clientDir, 'server', 'strata.jar');

if (!existsSync(source)) {
  console.error(
    `${source} does not exist: build the server first (mvn -q -DskipTests package at the repository root).`,
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`Copied ${source} -> ${target}`);
