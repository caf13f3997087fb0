import * as path from 'node:path';
import { JavaProbe } from './javaProbe';
import { MINIMUM_JAVA_VERSION, parseJavaVersionOutput, parseReleaseFile } from './javaVersion';

export type JavaSource = 'strata.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaRuntime {
  executable: string;
  version: number;
  source: JavaSource;
}

export type JavaDiscovery = { found: true; runtime: JavaRuntime } | { found: false; message: string };

export interface JavaDiscoveryInput {
  /** The `strata.java.home` setting; empty means unset. */
  settingHome?: string | null;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

interface Candidate {
  executable: string;
  home?: string;
  source: JavaSource;
}

/**
 * Finds a Java 17+ runtime: the `strata.java.home` setting, then `JAVA_HOME`, then `java` on `PATH`.
 * A configured setting is final: a user who named a runtime wants that one, so a bad one is reported rather than skipped.
 */
export async function discoverJava(input: JavaDiscoveryInput, probe: JavaProbe): Promise<JavaDiscovery> {
  const setting = input.settingHome?.trim();
  if (setting) {
    return checkCandidate(homeCandidate(setting, 'strata.java.home', input.platform), probe).then((result) =>
      typeof result === 'string' ? notFound([result]) : { found: true, runtime: result },
    );
  }
  const problems: string[] = [];
  for (const candidate of fallbackCandidates(input, probe)) {
    const result = await checkCandidate(candidate, probe);
    if (typeof result !== 'string') {
      return { found: true, runtime: result };
    }
    problems.push(result);
  }
  return notFound(problems.length ? problems : ['no JAVA_HOME is set and there is no java on PATH']);
}

function fallbackCandidates(input: JavaDiscoveryInput, probe: JavaProbe): Candidate[] {
  const candidates: Candidate[] = [];
  const javaHome = input.env.JAVA_HOME?.trim();
  if (javaHome) {
    candidates.push(homeCandidate(javaHome, 'JAVA_HOME', input.platform));
  }
  const onPath = findOnPath(input, probe);
  if (onPath) {
    candidates.push({ executable: onPath, source: 'PATH' });
  }
  return candidates;
}

function homeCandidate(home: string, source: JavaSource, platform: NodeJS.Platform): Candidate {
  return { home, source, executable: path.join(home, 'bin', javaFileName(platform)) };
}

function findOnPath(input: JavaDiscoveryInput, probe: JavaProbe): string | undefined {
  const delimiter = input.platform === 'win32' ? ';' : ':';
  const dirs = (input.env.PATH ?? input.env.Path ?? '').split(delimiter).filter((dir) => dir.length > 0);
  return dirs.map((dir) => path.join(dir, javaFileName(input.platform))).find((file) => probe.isFile(file));
}

function javaFileName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/** Returns the runtime, or a phrase saying why this candidate does not qualify. */
async function checkCandidate(candidate: Candidate, probe: JavaProbe): Promise<JavaRuntime | string> {
  const where = describe(candidate);
  if (!probe.isFile(candidate.executable)) {
    return `${where} has no ${path.basename(candidate.executable)} in its bin folder`;
  }
  const version = await versionOf(candidate, probe);
  if (version === undefined) {
    return `the version of ${where} could not be determined`;
  }
  if (version < MINIMUM_JAVA_VERSION) {
    return `${where} is Java ${version}`;
  }
  return { executable: candidate.executable, version, source: candidate.source };
}

async function versionOf(candidate: Candidate, probe: JavaProbe): Promise<number | undefined> {
  const release = candidate.home ? probe.readText(path.join(candidate.home, 'release')) : undefined;
  const fromRelease = release ? parseReleaseFile(release) : undefined;
  if (fromRelease !== undefined) {
    return fromRelease;
  }
  const banner = await probe.versionBanner(candidate.executable);
  return banner ? parseJavaVersionOutput(banner) : undefined;
}

function describe(candidate: Candidate): string {
  switch (candidate.source) {
    case 'strata.java.home':
      return `the setting strata.java.home (${candidate.home})`;
    case 'JAVA_HOME':
      return `JAVA_HOME (${candidate.home})`;
    case 'PATH':
      return `java on PATH (${candidate.executable})`;
  }
}

function notFound(problems: string[]): JavaDiscovery {
  return {
    found: false,
    message:
      `Strata needs Java ${MINIMUM_JAVA_VERSION} or newer to run its language server, but ${problems.join('; ')}. ` +
      `Install Java ${MINIMUM_JAVA_VERSION}+ and set "strata.java.home" to its folder (the one that contains bin/java), ` +
      'then run "Strata: Restart Server".',
  };
}
