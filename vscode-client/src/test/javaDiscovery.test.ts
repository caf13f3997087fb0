import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JavaDiscovery, JavaDiscoveryInput, discoverJava } from '../launch/javaDiscovery';
import { JavaProbe } from '../launch/javaProbe';

/** A machine described as data: which executables exist, what release files say, what `java -version` prints. */
function machine(files: Record<string, string>, banners: Record<string, string> = {}): JavaProbe {
  return {
    isFile: (path) => path in files,
    readText: (path) => files[path],
    versionBanner: async (executable) => banners[executable],
  };
}

const JDK17 = { '/opt/jdk17/bin/java': '', '/opt/jdk17/release': 'JAVA_VERSION="17.0.15"\n' };
const JDK21 = { '/opt/jdk21/bin/java': '', '/opt/jdk21/release': 'JAVA_VERSION="21.0.4"\n' };
const JDK11 = { '/opt/jdk11/bin/java': '', '/opt/jdk11/release': 'JAVA_VERSION="11.0.22"\n' };
const PATH_JAVA_25 = { '/usr/bin/java': '' };
const BANNER_25 = { '/usr/bin/java': 'openjdk version "25" 2025-09-16' };

function input(settingHome: string | undefined, env: Record<string, string>): JavaDiscoveryInput {
  return { settingHome, env, platform: 'linux' };
}

function executableOf(result: JavaDiscovery): string {
  assert.ok(result.found, result.found ? '' : result.message);
  return result.runtime.executable;
}

test('prefers the strata.java.home setting over JAVA_HOME and PATH', async () => {
  const probe = machine({ ...JDK17, ...JDK21, ...PATH_JAVA_25 }, BANNER_25);
  const result = await discoverJava(input('/opt/jdk21', { JAVA_HOME: '/opt/jdk17', PATH: '/usr/bin' }), probe);
  assert.equal(executableOf(result), '/opt/jdk21/bin/java');
  assert.ok(result.found && result.runtime.source === 'strata.java.home' && result.runtime.version === 21);
});

test('prefers JAVA_HOME over PATH when the setting is empty', async () => {
  const probe = machine({ ...JDK17, ...PATH_JAVA_25 }, BANNER_25);
  const result = await discoverJava(input('  ', { JAVA_HOME: '/opt/jdk17', PATH: '/usr/bin' }), probe);
  assert.equal(executableOf(result), '/opt/jdk17/bin/java');
});

test('falls back to java on PATH and reads its version from java -version', async () => {
  const probe = machine({ ...PATH_JAVA_25 }, BANNER_25);
  const result = await discoverJava(input(undefined, { PATH: '/nowhere:/usr/bin' }), probe);
  assert.equal(executableOf(result), '/usr/bin/java');
  assert.ok(result.found && result.runtime.version === 25 && result.runtime.source === 'PATH');
});

test('skips a JAVA_HOME older than 17 when PATH has a newer java', async () => {
  const probe = machine({ ...JDK11, ...PATH_JAVA_25 }, BANNER_25);
  const result = await discoverJava(input(undefined, { JAVA_HOME: '/opt/jdk11', PATH: '/usr/bin' }), probe);
  assert.equal(executableOf(result), '/usr/bin/java');
});

test('rejects a configured runtime older than 17 without falling back', async () => {
  const probe = machine({ ...JDK11, ...JDK17 });
  const result = await discoverJava(input('/opt/jdk11', { JAVA_HOME: '/opt/jdk17' }), probe);
  assert.ok(!result.found);
  assert.match(result.message, /strata\.java\.home \(\/opt\/jdk11\) is Java 11/);
});

test('reports a configured folder without bin/java', async () => {
  const result = await discoverJava(input('/opt/empty', {}), machine({}));
  assert.ok(!result.found);
  assert.match(result.message, /\/opt\/empty\) has no java in its bin folder/);
});

test('says what is missing and how to set strata.java.home when no Java exists', async () => {
  const result = await discoverJava(input(undefined, { PATH: '/usr/bin' }), machine({}));
  assert.ok(!result.found);
  assert.match(result.message, /needs Java 17 or newer/);
  assert.match(result.message, /no JAVA_HOME is set and there is no java on PATH/);
  assert.match(result.message, /set "strata\.java\.home"/);
});

test('lists every rejected candidate in the one message', async () => {
  const probe = machine({ ...JDK11, '/usr/bin/java': '' }, { '/usr/bin/java': 'java version "1.8.0_392"' });
  const result = await discoverJava(input(undefined, { JAVA_HOME: '/opt/jdk11', PATH: '/usr/bin' }), probe);
  assert.ok(!result.found);
  assert.match(result.message, /JAVA_HOME \(\/opt\/jdk11\) is Java 11; java on PATH \(\/usr\/bin\/java\) is Java 8/);
});

test('uses java.exe and semicolons on Windows', async () => {
  const probe = machine({ 'C:\\jdk\\java.exe': '' }, { 'C:\\jdk\\java.exe': 'openjdk version "17.0.1"' });
  const result = await discoverJava(
    { env: { Path: 'C:\\jdk' }, platform: 'win32' },
    {
      ...probe,
      isFile: (file) => file.replace(/\//g, '\\') === 'C:\\jdk\\java.exe',
      versionBanner: async () => 'openjdk version "17.0.1"',
    },
  );
  assert.ok(result.found && result.runtime.executable.endsWith('java.exe'));
});
