import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXIT_ON_OUT_OF_MEMORY, serverCommand, splitVmargs } from '../launch/serverCommand';

test('starts java -jar strata.jar lsp with ExitOnOutOfMemoryError', () => {
  const command = serverCommand({ javaExecutable: '/opt/jdk17/bin/java', jarPath: '/ext/server/strata.jar' });
  assert.equal(command.command, '/opt/jdk17/bin/java');
  assert.deepEqual(command.args, [EXIT_ON_OUT_OF_MEMORY, '-jar', '/ext/server/strata.jar', 'lsp']);
});

test('puts the user vmargs after the defaults and before -jar', () => {
  const command = serverCommand({
    javaExecutable: 'java',
    jarPath: 'strata.jar',
    vmargs: '-Xmx512m -Dstrata.log=debug',
  });
  assert.deepEqual(command.args, [
    EXIT_ON_OUT_OF_MEMORY,
    '-Xmx512m',
    '-Dstrata.log=debug',
    '-jar',
    'strata.jar',
    'lsp',
  ]);
});

test('does not repeat ExitOnOutOfMemoryError given by the user', () => {
  const command = serverCommand({
    javaExecutable: 'java',
    jarPath: 'strata.jar',
    vmargs: '-XX:+ExitOnOutOfMemoryError',
  });
  assert.equal(command.args.filter((arg) => arg === EXIT_ON_OUT_OF_MEMORY).length, 1);
});

test('keeps a jar path with spaces as one argument', () => {
  const command = serverCommand({ javaExecutable: 'java', jarPath: '/home/a user/ext/strata.jar', vmargs: null });
  assert.equal(command.args[command.args.indexOf('-jar') + 1], '/home/a user/ext/strata.jar');
});

test('splits vmargs on whitespace and honours double and single quotes', () => {
  assert.deepEqual(splitVmargs('  -Xmx1g   "-Dname=a b"  \'-Dx=y z\' -Dq="in side"'), [
    '-Xmx1g',
    '-Dname=a b',
    '-Dx=y z',
    '-Dq=in side',
  ]);
});

test('splits nothing from blank vmargs and keeps escaped spaces and empty quotes', () => {
  assert.deepEqual(splitVmargs('   '), []);
  assert.deepEqual(splitVmargs('-Dpath=a\\ b ""'), ['-Dpath=a b', '']);
});
