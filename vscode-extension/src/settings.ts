// Settings logic without `vscode`: what the server gets from the user's `mx.*` settings, the
// JVM options it starts with, and the environment of CLI runs. Unit-tested under plain node.

import * as path from 'path';

/** Reads one setting below `mx.` (as `vscode.WorkspaceConfiguration.get` does). */
export interface SettingsReader {
  get<T>(key: string): T | undefined;
}

/** The `mx` section as the language server reads it (mx-lsp's Settings): nothing else goes in. */
export interface ServerSettings {
  lint: { rules: Record<string, string> };
  generatorPath: string[] | null;
  maxDocumentSize?: number;
}

export interface PathContext {
  /** The workspace folder relative generator paths belong to, if any. */
  workspaceFolder?: string;
  homedir: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off', 'default']);

/**
 * Expands `~`, `${userHome}` and `${workspaceFolder}` and resolves a relative path against the
 * workspace folder. Undefined for an empty entry, or a relative one with no folder to resolve it.
 */
export function expandPath(raw: string, ctx: PathContext): string | undefined {
  let p = raw.trim();
  if (!p) {
    return undefined;
  }
  p = p.replace(/\$\{userHome\}/g, ctx.homedir);
  if (p.includes('${workspaceFolder}')) {
    if (!ctx.workspaceFolder) {
      return undefined;
    }
    p = p.replace(/\$\{workspaceFolder\}/g, ctx.workspaceFolder);
  }
  if (p === '~') {
    p = ctx.homedir;
  } else if (p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(ctx.homedir, p.slice(2));
  }
  if (!path.isAbsolute(p)) {
    if (!ctx.workspaceFolder) {
      return undefined;
    }
    p = path.join(ctx.workspaceFolder, p);
  }
  return path.normalize(p);
}

/**
 * The server's `mx` section from the user's settings. Only the keys the server knows are sent
 * (the extension's own settings, `mx.java.home` and the like, would make it warn about unknown
 * keys). Rule levels are lower-cased; a level that is not a string is dropped here, other bad
 * values are left for the server to report.
 */
export function serverSettings(cfg: SettingsReader, ctx: PathContext): ServerSettings {
  const rules: Record<string, string> = {};
  const rawRules = cfg.get<unknown>('lint.rules');
  if (rawRules && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    for (const [id, level] of Object.entries(rawRules as Record<string, unknown>)) {
      if (typeof level === 'string') {
        rules[id] = SEVERITIES.has(level.trim().toLowerCase()) ? level.trim().toLowerCase() : level;
      } else if (typeof level === 'boolean') {
        rules[id] = level ? 'default' : 'off';
      }
    }
  }
  let generatorPath: string[] | null = null;
  const rawPath = cfg.get<unknown>('generatorPath');
  const entries = typeof rawPath === 'string' ? [rawPath] : Array.isArray(rawPath) ? rawPath : [];
  const dirs = entries
    .filter((e): e is string => typeof e === 'string')
    .map((e) => expandPath(e, ctx))
    .filter((e): e is string => e !== undefined);
  if (dirs.length > 0) {
    generatorPath = dirs;
  }
  const out: ServerSettings = { lint: { rules }, generatorPath };
  const max = cfg.get<unknown>('maxDocumentSize');
  if (typeof max === 'number' && Number.isInteger(max) && max >= 1) {
    out.maxDocumentSize = max;
  }
  return out;
}

/** What the client sends as `initializationOptions` (and in `didChangeConfiguration`): `{settings: {mx: ...}}`. */
export function settingsPayload(settings: ServerSettings): { settings: { mx: ServerSettings } } {
  return { settings: { mx: settings } };
}

/**
 * Splits a command-line string into arguments: whitespace separates, single or double quotes
 * group, a backslash escapes the next character outside single quotes.
 */
export function splitArgs(s: string | undefined | null): string[] {
  const out: string[] = [];
  if (!s) {
    return out;
  }
  let cur = '';
  let inArg = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) {
        quote = null;
      } else if (c === '\\' && quote === '"' && i + 1 < s.length && (s[i + 1] === '"' || s[i + 1] === '\\')) {
        cur += s[++i];
      } else {
        cur += c;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      inArg = true;
    } else if (/\s/.test(c)) {
      if (inArg) {
        out.push(cur);
        cur = '';
        inArg = false;
      }
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      inArg = true;
    } else {
      cur += c;
      inArg = true;
    }
  }
  if (inArg) {
    out.push(cur);
  }
  return out;
}

/**
 * The language server's default JVM options. Measured on the server with a 7,500-line
 * devspace.yaml (2 cores): the serial collector answers as fast as G1 with a quarter of the
 * memory (about 220 MB resident against 920 MB); full tiered compilation checks an edited
 * document in about 120-140 ms once warm against 230 ms with C1 only, so it stays on for the
 * long-running server. 128 MB of heap was enough for that file; 512 MB leaves room for
 * linting a whole workspace. The JVM exits on OutOfMemoryError so the client can restart it
 * instead of talking to a broken server.
 */
export const DEFAULT_SERVER_VMARGS = ['-Xmx512m', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError', '-Xshare:auto'];

/** Short CLI runs (list, describe, dry runs) start fastest with C1 only, as the `mx` launcher does. */
export const CLI_VMARGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', '-Xmx512m'];

const GC_FLAG = /^-XX:[+-]Use\w+GC$/;

/**
 * The server's JVM options: the defaults, except those the user's `mx.server.vmargs` replaces
 * (a heap size, a collector), then the user's options.
 */
export function serverVmArgs(userVmargs: string | undefined | null): string[] {
  const user = splitArgs(userVmargs);
  const userHas = (test: (a: string) => boolean) => user.some(test);
  const defaults = DEFAULT_SERVER_VMARGS.filter((d) => {
    if (d.startsWith('-Xmx')) {
      return !userHas((a) => a.startsWith('-Xmx') || a.startsWith('-XX:MaxRAMPercentage') || a.startsWith('-XX:MaxHeapSize'));
    }
    if (GC_FLAG.test(d)) {
      return !userHas((a) => /^-XX:\+Use\w+GC$/.test(a));
    }
    if (d.startsWith('-Xshare')) {
      return !userHas((a) => a.startsWith('-Xshare'));
    }
    if (d === '-XX:+ExitOnOutOfMemoryError') {
      return !userHas((a) => a === '-XX:-ExitOnOutOfMemoryError' || a === '-XX:+CrashOnOutOfMemoryError');
    }
    return true;
  });
  return [...defaults, ...user];
}

/**
 * The environment of a CLI run: the extension host's, with MX_GENERATOR_PATH from
 * `mx.generatorPath` when that is set, so the commands see the generators the server sees.
 */
export function cliEnv(base: NodeJS.ProcessEnv, settings: ServerSettings, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (settings.generatorPath && settings.generatorPath.length > 0) {
    env.MX_GENERATOR_PATH = settings.generatorPath.join(platform === 'win32' ? ';' : ':');
  }
  return env;
}
