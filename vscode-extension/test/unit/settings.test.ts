import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  cliEnv,
  DEFAULT_SERVER_VMARGS,
  expandPath,
  serverSettings,
  serverVmArgs,
  settingsPayload,
  SettingsReader,
  splitArgs,
} from '../../src/settings';

function reader(values: Record<string, unknown>): SettingsReader {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

const ctx = { workspaceFolder: '/ws/demo', homedir: '/home/u' };

describe('serverSettings', () => {
  it('sends only the keys the server knows, with defaults when nothing is set', () => {
    const s = serverSettings(reader({ 'java.home': '/opt/jdk', 'trace.server': 'verbose' }), ctx);
    assert.deepEqual(s, { lint: { rules: {} }, generatorPath: null });
  });

  it('passes rule levels, lower-cased, and turns booleans into default/off', () => {
    const s = serverSettings(
      reader({ 'lint.rules': { 'devspace/unknown-key': 'Warning', 'mlproject/docker-env': false, 'state/x': true, bad: 3 } }),
      ctx,
    );
    assert.deepEqual(s.lint.rules, { 'devspace/unknown-key': 'warning', 'mlproject/docker-env': 'off', 'state/x': 'default' });
  });

  it('keeps an unknown level for the server to report', () => {
    assert.equal(serverSettings(reader({ 'lint.rules': { 'a/b': 'loud' } }), ctx).lint.rules['a/b'], 'loud');
  });

  it('expands and resolves generatorPath entries against the workspace folder', () => {
    const s = serverSettings(
      reader({ generatorPath: ['~/gens', '${workspaceFolder}/tools/gens', 'local', '', 7, '/abs/gens'] }),
      ctx,
    );
    assert.deepEqual(s.generatorPath, [
      path.join('/home/u', 'gens'),
      path.normalize('/ws/demo/tools/gens'),
      path.join('/ws/demo', 'local'),
      '/abs/gens',
    ]);
  });

  it('takes a single string as a one-entry generatorPath and an empty list as none', () => {
    assert.deepEqual(serverSettings(reader({ generatorPath: '/g' }), ctx).generatorPath, ['/g']);
    assert.equal(serverSettings(reader({ generatorPath: [] }), ctx).generatorPath, null);
  });

  it('passes maxDocumentSize only when it is a positive whole number', () => {
    assert.equal(serverSettings(reader({ maxDocumentSize: 1000 }), ctx).maxDocumentSize, 1000);
    assert.equal(serverSettings(reader({ maxDocumentSize: 0 }), ctx).maxDocumentSize, undefined);
    assert.equal(serverSettings(reader({ maxDocumentSize: 2.5 }), ctx).maxDocumentSize, undefined);
  });

  it('wraps the section as initializationOptions and didChangeConfiguration carry it', () => {
    const s = serverSettings(reader({}), ctx);
    assert.deepEqual(settingsPayload(s), { settings: { mx: s } });
  });
});

describe('expandPath', () => {
  it('cannot resolve a relative path without a workspace folder', () => {
    assert.equal(expandPath('gens', { homedir: '/home/u' }), undefined);
    assert.equal(expandPath('${workspaceFolder}/g', { homedir: '/home/u' }), undefined);
    assert.equal(expandPath('${userHome}/g', { homedir: '/home/u' }), path.normalize('/home/u/g'));
  });
});

describe('JVM options', () => {
  it('starts the server with the measured defaults', () => {
    assert.deepEqual(serverVmArgs(''), DEFAULT_SERVER_VMARGS);
    assert.ok(DEFAULT_SERVER_VMARGS.includes('-XX:+UseSerialGC'));
    assert.ok(DEFAULT_SERVER_VMARGS.includes('-XX:+ExitOnOutOfMemoryError'));
    assert.ok(DEFAULT_SERVER_VMARGS.some((a) => a.startsWith('-Xmx')));
  });

  it('lets mx.server.vmargs replace the heap size and the collector, and adds the rest', () => {
    const args = serverVmArgs('-Xmx2g -XX:+UseG1GC -Dfoo=bar');
    assert.ok(!args.includes('-Xmx512m'));
    assert.ok(!args.includes('-XX:+UseSerialGC'));
    assert.ok(args.includes('-XX:+ExitOnOutOfMemoryError'));
    assert.deepEqual(args.slice(-3), ['-Xmx2g', '-XX:+UseG1GC', '-Dfoo=bar']);
  });

  it('splits quoted arguments', () => {
    assert.deepEqual(splitArgs(`-Da="b c" -Dd='e f' -Dg=h\\ i  `), ['-Da=b c', '-Dd=e f', '-Dg=h i']);
    assert.deepEqual(splitArgs(undefined), []);
    assert.deepEqual(splitArgs('""'), ['']);
  });
});

describe('cliEnv', () => {
  it('gives CLI runs the generator path the server has', () => {
    const env = cliEnv({ PATH: '/usr/bin' }, { lint: { rules: {} }, generatorPath: ['/a', '/b'] }, 'linux');
    assert.equal(env.MX_GENERATOR_PATH, '/a:/b');
    assert.equal(env.PATH, '/usr/bin');
    const win = cliEnv({}, { lint: { rules: {} }, generatorPath: ['C:\\a', 'D:\\b'] }, 'win32');
    assert.equal(win.MX_GENERATOR_PATH, 'C:\\a;D:\\b');
  });

  it('leaves MX_GENERATOR_PATH alone when the setting is empty', () => {
    const env = cliEnv({ MX_GENERATOR_PATH: '/env' }, { lint: { rules: {} }, generatorPath: null });
    assert.equal(env.MX_GENERATOR_PATH, '/env');
  });
});
