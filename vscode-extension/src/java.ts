// Finding a Java runtime for the mx language server and CLI, the way vscode-xml does:
// the `mx.java.home` setting, then JAVA_HOME, then `java` on PATH; each candidate's version is
// checked, and when none fits the caller gets every attempt to show the user.
//
// No `vscode` import here: the logic is unit-tested under plain node with injected file-system
// and process functions.

import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const MIN_JAVA_VERSION = 17;

export type JavaSource = 'mx.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaRuntime {
  /** The java executable to run. */
  java: string;
  /** The JDK/JRE home folder (parent of bin/), as far as it can be told. */
  home: string;
  /** Major version: 8 for "1.8.0_392", 17 for "17.0.15". */
  version: number;
  /** The version as the runtime prints it. */
  versionText: string;
  source: JavaSource;
}

/** One candidate that was looked at, and why it was not taken (`problem`). */
export interface JavaAttempt {
  source: JavaSource;
  location: string;
  problem?: string;
}

export interface JavaLookup {
  runtime?: JavaRuntime;
  attempts: JavaAttempt[];
  /** Set when `mx.java.home` is set but unusable: then nothing else is tried. */
  settingError?: string;
}

/** What the lookup needs from the machine; tests pass fakes. */
export interface JavaProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
  isFile(p: string): boolean;
  isDirectory(p: string): boolean;
  realpath(p: string): string;
  readFile(p: string): string | undefined;
  /** Runs `<java> -version` and returns what it printed (stderr and stdout), or undefined when it could not run. */
  javaVersionOutput(java: string): Promise<string | undefined>;
}

export const nodeProbe: JavaProbe = {
  platform: process.platform,
  env: process.env,
  homedir: os.homedir(),
  isFile: (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  isDirectory: (p) => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  realpath: (p) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  },
  readFile: (p) => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  javaVersionOutput: (java) =>
    new Promise((resolve) => {
      execFile(java, ['-version'], { timeout: 20000, windowsHide: true }, (err, stdout, stderr) => {
        const text = `${stderr ?? ''}${stdout ?? ''}`;
        resolve(err && !text.trim() ? undefined : text);
      });
    }),
};

/**
 * The major version in `java -version` output or a `release` file's JAVA_VERSION:
 * `openjdk version "17.0.15" 2025-04-15` gives 17, `java version "1.8.0_392"` gives 8,
 * `openjdk version "21-ea"` gives 21. Undefined when there is no version to read.
 */
export function parseJavaVersion(text: string): number | undefined {
  const m = /(?:version|JAVA_VERSION=)\s*"(\d+)(?:\.(\d+))?[^"]*"/.exec(text);
  if (!m) {
    return undefined;
  }
  const first = Number(m[1]);
  if (first === 1 && m[2] !== undefined) {
    return Number(m[2]); // 1.8 -> 8
  }
  return first;
}

function versionText(text: string): string {
  const m = /(?:version|JAVA_VERSION=)\s*"([^"]+)"/.exec(text);
  return m ? m[1] : text.trim().split(/\r?\n/)[0] ?? '';
}

function javaExe(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function expandHome(p: string, homedir: string): string {
  if (p === '~') {
    return homedir;
  }
  if (p.startsWith('~/') || p.startsWith('~\\')) {
    return path.join(homedir, p.slice(2));
  }
  return p;
}

/**
 * Where the java executable of a configured location is: the location may be a Java home
 * (with bin/java) or the executable itself. Undefined when neither exists.
 */
export function javaInLocation(location: string, probe: JavaProbe): { java: string; home: string } | undefined {
  const exe = javaExe(probe.platform);
  const p = expandHome(location.trim(), probe.homedir);
  if (probe.isDirectory(p)) {
    const java = path.join(p, 'bin', exe);
    return probe.isFile(java) ? { java, home: p } : undefined;
  }
  if (probe.isFile(p) && path.basename(p).toLowerCase().startsWith('java')) {
    return { java: p, home: path.dirname(path.dirname(p)) };
  }
  return undefined;
}

/** The first `java` on PATH, with symbolic links followed to find its home (as /usr/bin/java -> /usr/lib/jvm/...). */
export function javaOnPath(probe: JavaProbe): { java: string; home: string } | undefined {
  const exe = javaExe(probe.platform);
  const pathVar = probe.env.PATH ?? probe.env.Path ?? '';
  const delimiter = probe.platform === 'win32' ? ';' : ':';
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir.replace(/^"(.*)"$/, '$1'), exe);
    if (probe.isFile(candidate)) {
      const real = probe.realpath(candidate);
      return { java: candidate, home: path.dirname(path.dirname(real)) };
    }
  }
  return undefined;
}

async function check(
  source: JavaSource,
  location: string,
  found: { java: string; home: string } | undefined,
  probe: JavaProbe,
): Promise<{ runtime?: JavaRuntime; attempt: JavaAttempt }> {
  if (!found) {
    const what = source === 'PATH' ? 'no java on PATH' : `no ${path.join('bin', javaExe(probe.platform))} in ${location}`;
    return { attempt: { source, location, problem: what } };
  }
  // A release file names the version without starting a JVM; `java -version` is the fallback
  // and also proves the executable runs.
  const release = probe.readFile(path.join(found.home, 'release'));
  const fromRelease = release ? parseJavaVersion(release) : undefined;
  let version = fromRelease;
  let text = release && fromRelease !== undefined ? versionText(release) : '';
  if (version === undefined) {
    const out = await probe.javaVersionOutput(found.java);
    if (out === undefined) {
      return { attempt: { source, location: found.java, problem: `${found.java} does not run` } };
    }
    version = parseJavaVersion(out);
    text = versionText(out);
    if (version === undefined) {
      return { attempt: { source, location: found.java, problem: `cannot tell the version of ${found.java}` } };
    }
  }
  if (version < MIN_JAVA_VERSION) {
    return {
      attempt: {
        source,
        location: found.java,
        problem: `${found.java} is Java ${version}; mx needs ${MIN_JAVA_VERSION} or newer`,
      },
    };
  }
  return {
    runtime: { java: found.java, home: found.home, version, versionText: text, source },
    attempt: { source, location: found.java },
  };
}

/**
 * Finds Java 17+: `mx.java.home` (if set, it must work: a wrong setting is reported, not
 * skipped), then JAVA_HOME, then PATH.
 */
export async function findJava(setting: string | undefined | null, probe: JavaProbe = nodeProbe): Promise<JavaLookup> {
  const attempts: JavaAttempt[] = [];
  if (setting && setting.trim()) {
    const r = await check('mx.java.home', setting.trim(), javaInLocation(setting, probe), probe);
    attempts.push(r.attempt);
    if (r.runtime) {
      return { runtime: r.runtime, attempts };
    }
    return { attempts, settingError: `The setting mx.java.home (${setting.trim()}) is not usable: ${r.attempt.problem}.` };
  }
  const javaHome = probe.env.JAVA_HOME;
  if (javaHome && javaHome.trim()) {
    const r = await check('JAVA_HOME', javaHome.trim(), javaInLocation(javaHome, probe), probe);
    attempts.push(r.attempt);
    if (r.runtime) {
      return { runtime: r.runtime, attempts };
    }
  }
  const r = await check('PATH', 'PATH', javaOnPath(probe), probe);
  attempts.push(r.attempt);
  return r.runtime ? { runtime: r.runtime, attempts } : { attempts };
}

/** The message for the user when no Java was found: what was tried and what to do. */
export function noJavaMessage(lookup: JavaLookup): string {
  if (lookup.settingError) {
    return `${lookup.settingError} Point it at a Java ${MIN_JAVA_VERSION}+ home folder, or clear it to use JAVA_HOME or PATH.`;
  }
  const tried = lookup.attempts.map((a) => `${a.source}: ${a.problem ?? 'ok'}`).join('; ');
  return (
    `mx needs Java ${MIN_JAVA_VERSION} or newer to run its language server, and none was found (${tried}). ` +
    `Install a JDK ${MIN_JAVA_VERSION}+ (for example Eclipse Temurin, or openjdk-17-jre on Debian/Ubuntu), ` +
    `then set mx.java.home to its folder or put its bin folder on PATH.`
  );
}
