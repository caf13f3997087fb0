/** The Java release Strata's server is compiled for; older runtimes cannot load its classes. */
export const MINIMUM_JAVA_VERSION = 17;

/**
 * Reads the major version from the banner `java -version` prints on stderr,
 * e.g. `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_392"` or `openjdk version "25" 2025-09-16`.
 */
export function parseJavaVersionOutput(output: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(output);
  return quoted ? majorOf(quoted[1]) : undefined;
}

/** Reads the major version from a runtime's `release` file (`JAVA_VERSION="17.0.15"`), which costs no process start. */
export function parseReleaseFile(text: string): number | undefined {
  const line = /^JAVA_VERSION="([^"]+)"/m.exec(text);
  return line ? majorOf(line[1]) : undefined;
}

/** Before Java 9 the major version came second ("1.8.0"); since then it comes first ("17.0.2", "21-ea"). */
export function majorOf(version: string): number | undefined {
  const parts = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!parts) {
    return undefined;
  }
  const first = Number(parts[1]);
  return first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
}
