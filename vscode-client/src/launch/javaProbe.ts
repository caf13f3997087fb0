import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** What Java discovery needs from the machine, so that tests can answer with plain data instead of real runtimes. */
export interface JavaProbe {
  isFile(path: string): boolean;
  readText(path: string): string | undefined;
  /** The combined output of `<executable> -version`, or undefined when it cannot be run. */
  versionBanner(executable: string): Promise<string | undefined>;
}

const VERSION_TIMEOUT_MS = 10_000;

export const machineJavaProbe: JavaProbe = {
  isFile(path) {
    return existsSync(path) && statSync(path).isFile();
  },
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  versionBanner(executable) {
    return new Promise((resolve) => {
      // `java -version` writes to stderr; stdout is read too because some vendors' wrappers print there.
      execFile(executable, ['-version'], { timeout: VERSION_TIMEOUT_MS }, (error, stdout, stderr) => {
        resolve(error && !stderr ? undefined : `${stderr}${stdout}`);
      });
    });
  },
};
