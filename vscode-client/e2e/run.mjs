// End-to-end tests in a real VS Code (code-server) with the packaged extension, driven through Chromium.
// Screenshots, code-server's output and the extension host's logs go to test-results/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './paths.mjs';
import { brokenRepository } from './scenarios/brokenRepository.mjs';
import { missingJava } from './scenarios/missingJava.mjs';

// Screenshots and logs of an earlier run would pass for this run's.
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const scenarios = [await brokenRepository(), await missingJava()];

const results = scenarios.flatMap((scenario) => scenario.results);
const count = (status) => results.filter((result) => result.status === status).length;
const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), results };
writeFileSync(join(resultsDir, 'e2e-summary.json'), JSON.stringify(summary, null, 2));
console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exitCode = summary.failed > 0 ? 1 : 0;
