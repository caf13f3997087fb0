import assert from 'node:assert/strict';
import { test } from 'node:test';
import { majorOf, parseJavaVersionOutput, parseReleaseFile } from '../launch/javaVersion';

test('reads the major version of modern and legacy java -version banners', () => {
  assert.equal(parseJavaVersionOutput('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
  assert.equal(parseJavaVersionOutput('openjdk version "25" 2025-09-16'), 25);
  assert.equal(parseJavaVersionOutput('java version "1.8.0_392"\nJava(TM) SE Runtime Environment'), 8);
  assert.equal(parseJavaVersionOutput('openjdk version "21-ea" 2023-09-19'), 21);
});

test('gives no version for output that is not a java banner', () => {
  assert.equal(parseJavaVersionOutput('bash: java: command not found'), undefined);
  assert.equal(majorOf('abc'), undefined);
});

test('reads JAVA_VERSION from a release file', () => {
  assert.equal(parseReleaseFile('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="21.0.4"\nOS_NAME="Linux"\n'), 21);
  assert.equal(parseReleaseFile('JAVA_VERSION="1.8.0_412"\n'), 8);
  assert.equal(parseReleaseFile('OS_NAME="Linux"\n'), undefined);
});
