import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findJava, JavaProbe, javaOnPath, noJavaMessage, parseJavaVersion } from '../../src/java';

/** A machine with the given files (path -> content; '' for executables), symlinks and `java -version` outputs. */
function machine(opts: {
  files?: Record<string, string>;
  links?: Record<string, string>;
  versions?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): JavaProbe & { ran: string[] } {
  const files = opts.files ?? {};
  const ran: string[] = [];
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) {
    for (let d = path.dirname(f); d !== path.dirname(d); d = path.dirname(d)) {
      dirs.add(d);
    }
  }
  return {
    ran,
    platform: opts.platform ?? 'linux',
    env: opts.env ?? {},
    homedir: '/home/u',
    isFile: (p) => p in files,
    isDirectory: (p) => dirs.has(p),
    realpath: (p) => opts.links?.[p] ?? p,
    readFile: (p) => (p in files && files[p] !== '' ? files[p] : undefined),
    javaVersionOutput: async (java) => {
      ran.push(java);
      return opts.versions?.[java];
    },
  };
}

const JDK17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n';
const JDK11 = 'openjdk version "11.0.22" 2024-01-16\n';

describe('parseJavaVersion', () => {
  it('reads java -version output of current and old runtimes', () => {
    assert.equal(parseJavaVersion(JDK17), 17);
    assert.equal(parseJavaVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment'), 8);
    assert.equal(parseJavaVersion('openjdk version "21-ea" 2023-09-19'), 21);
    assert.equal(parseJavaVersion('openjdk version "25" 2025-09-16'), 25);
  });
  it('reads the JAVA_VERSION line of a release file', () => {
    assert.equal(parseJavaVersion('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="17.0.9"\n'), 17);
  });
  it('gives undefined for text without a version', () => {
    assert.equal(parseJavaVersion('Error: could not find libjava.so'), undefined);
  });
});

describe('findJava', () => {
  it('takes mx.java.home first, and reads the version from its release file without running java', async () => {
    const m = machine({
      files: {
        '/opt/jdk21/bin/java': '',
        '/opt/jdk21/release': 'JAVA_VERSION="21.0.2"\n',
        '/usr/lib/jvm/17/bin/java': '',
      },
      env: { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' },
    });
    const r = await findJava('/opt/jdk21', m);
    assert.equal(r.runtime?.java, '/opt/jdk21/bin/java');
    assert.equal(r.runtime?.version, 21);
    assert.equal(r.runtime?.versionText, '21.0.2');
    assert.equal(r.runtime?.source, 'mx.java.home');
    assert.deepEqual(m.ran, []);
  });

  it('accepts the java executable itself and ~ in mx.java.home', async () => {
    const m = machine({ files: { '/home/u/jdk/bin/java': '' }, versions: { '/home/u/jdk/bin/java': JDK17 } });
    const r = await findJava('~/jdk/bin/java', m);
    assert.equal(r.runtime?.home, '/home/u/jdk');
    assert.equal(r.runtime?.version, 17);
  });

  it('reports a wrong mx.java.home instead of silently using another Java', async () => {
    const m = machine({ files: { '/usr/bin/java': '' }, versions: { '/usr/bin/java': JDK17 }, env: { PATH: '/usr/bin' } });
    const r = await findJava('/nowhere', m);
    assert.equal(r.runtime, undefined);
    assert.match(r.settingError ?? '', /mx\.java\.home \(\/nowhere\) is not usable: no bin\/java in \/nowhere/);
    assert.match(noJavaMessage(r), /clear it to use JAVA_HOME or PATH/);
  });

  it('rejects an mx.java.home that is too old', async () => {
    const m = machine({ files: { '/opt/jdk11/bin/java': '' }, versions: { '/opt/jdk11/bin/java': JDK11 } });
    const r = await findJava('/opt/jdk11', m);
    assert.match(r.settingError ?? '', /is Java 11; mx needs 17 or newer/);
  });

  it('uses JAVA_HOME when the setting is empty', async () => {
    const m = machine({
      files: { '/usr/lib/jvm/17/bin/java': '', '/usr/bin/java': '' },
      versions: { '/usr/lib/jvm/17/bin/java': JDK17 },
      env: { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' },
    });
    const r = await findJava('', m);
    assert.equal(r.runtime?.source, 'JAVA_HOME');
    assert.equal(r.runtime?.java, '/usr/lib/jvm/17/bin/java');
  });

  it('falls back from a too-old JAVA_HOME to PATH, following the symlink to the Java home', async () => {
    const m = machine({
      files: { '/usr/lib/jvm/11/bin/java': '', '/usr/bin/java': '', '/usr/lib/jvm/java-17/bin/java': '' },
      links: { '/usr/bin/java': '/usr/lib/jvm/java-17/bin/java' },
      versions: { '/usr/lib/jvm/11/bin/java': JDK11, '/usr/bin/java': JDK17 },
      env: { JAVA_HOME: '/usr/lib/jvm/11', PATH: '/home/u/bin:/usr/bin' },
    });
    const r = await findJava(undefined, m);
    assert.equal(r.runtime?.source, 'PATH');
    assert.equal(r.runtime?.java, '/usr/bin/java');
    assert.equal(r.runtime?.home, '/usr/lib/jvm/java-17');
    assert.equal(r.attempts[0].source, 'JAVA_HOME');
    assert.match(r.attempts[0].problem ?? '', /Java 11/);
  });

  it('finds java.exe on a Windows PATH', () => {
    const m = machine({
      platform: 'win32',
      files: [path.join('C:\\jdk\\bin', 'java.exe')].reduce((o, f) => ({ ...o, [f]: '' }), {}),
      env: { Path: 'C:\\Windows;C:\\jdk\\bin' },
    });
    assert.equal(javaOnPath(m)?.java, path.join('C:\\jdk\\bin', 'java.exe'));
  });

  it('says what was tried and what to do when there is no Java at all', async () => {
    const m = machine({ env: { JAVA_HOME: '/gone', PATH: '/usr/bin' } });
    const r = await findJava(null, m);
    assert.equal(r.runtime, undefined);
    assert.equal(r.settingError, undefined);
    const msg = noJavaMessage(r);
    assert.match(msg, /mx needs Java 17 or newer/);
    assert.match(msg, /JAVA_HOME: no bin\/java in \/gone/);
    assert.match(msg, /PATH: no java on PATH/);
    assert.match(msg, /set mx\.java\.home/);
  });

  it('skips a java that does not run', async () => {
    const m = machine({ files: { '/usr/bin/java': '' }, env: { PATH: '/usr/bin' } });
    const r = await findJava(undefined, m);
    assert.equal(r.runtime, undefined);
    assert.match(r.attempts[0].problem ?? '', /does not run/);
  });
});
