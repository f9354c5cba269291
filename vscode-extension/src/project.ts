// The mx project around a file: the nearest folder with .mx/state.yaml, and the project name
// recorded there. No `vscode` import: unit-tested under plain node.

import * as fs from 'fs';
import * as path from 'path';

export const STATE_FILE = path.join('.mx', 'state.yaml');

/** File names the extension (and its language server) handle. */
export const MX_FILE_GLOBS = ['**/devspace.yaml', '**/devspace.yml', '**/MLproject', '**/.mx/state.yaml', '**/.mx/lint.yaml'];

/** Whether a file is one the mx language server handles, by name (as the engine's FileKind). */
export function isMxFile(file: string): boolean {
  const name = path.basename(file);
  const parent = path.basename(path.dirname(file));
  if (name === 'devspace.yaml' || name === 'devspace.yml' || name.toLowerCase() === 'mlproject') {
    return true;
  }
  return parent === '.mx' && (name === 'state.yaml' || name === 'lint.yaml');
}

/**
 * The nearest folder at or above `start` (a file or folder) that holds .mx/state.yaml, not
 * going above `stop` when given; undefined when there is none.
 */
export function findProjectRoot(start: string, stop?: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  let dir = start;
  try {
    if (fs.statSync(start).isFile()) {
      dir = path.dirname(start);
    }
  } catch {
    // not on disk (yet): treat as a folder
  }
  const limit = stop ? path.resolve(stop) : undefined;
  for (;;) {
    if (exists(path.join(dir, STATE_FILE))) {
      return dir;
    }
    const up = path.dirname(dir);
    if (up === dir || (limit && path.resolve(dir) === limit)) {
      return undefined;
    }
    dir = up;
  }
}

function unquote(v: string): string {
  const s = v.trim();
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) {
    const inner = s.slice(1, -1);
    return s.startsWith("'") ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return s.replace(/\s+#.*$/, '');
}

/**
 * `answers.project_name` of a state file's text (mx writes block-style YAML: a top-level
 * `answers:` map with one `key: value` a line). Undefined when it is not there.
 */
export function projectNameFromState(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  let inAnswers = false;
  let indent = -1;
  for (const line of lines) {
    if (/^\s*(#.*)?$/.test(line)) {
      continue;
    }
    const lead = line.length - line.trimStart().length;
    if (lead === 0) {
      inAnswers = /^answers\s*:\s*(#.*)?$/.test(line);
      indent = -1;
      continue;
    }
    if (!inAnswers) {
      continue;
    }
    if (indent < 0) {
      indent = lead;
    }
    if (lead !== indent) {
      continue;
    }
    const m = /^\s*(["']?)project_name\1\s*:\s*(.*)$/.exec(line);
    if (m) {
      const v = unquote(m[2]);
      return v && v !== '~' && v !== 'null' ? v : undefined;
    }
  }
  return undefined;
}

/**
 * Why `value` cannot be the folder of a new project (mx new wants a new or empty folder whose
 * parent exists), or undefined when it can.
 */
export function newProjectFolderProblem(
  value: string,
  fsx: { exists(p: string): boolean; isDirectory(p: string): boolean; isEmptyDir(p: string): boolean } = {
    exists: fs.existsSync,
    isDirectory: (p) => {
      try {
        return fs.statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    isEmptyDir: (p) => {
      try {
        return fs.readdirSync(p).length === 0;
      } catch {
        return false;
      }
    },
  },
): string | undefined {
  const v = value.trim();
  if (!v) {
    return 'Type the folder for the new project';
  }
  if (!path.isAbsolute(v)) {
    return 'Give the full path of the folder';
  }
  const dir = path.resolve(v);
  if (path.dirname(dir) === dir) {
    return 'Not the root folder';
  }
  if (fsx.exists(dir)) {
    if (!fsx.isDirectory(dir)) {
      return `${dir} is a file`;
    }
    if (!fsx.isEmptyDir(dir)) {
      return `${dir} is not empty`;
    }
    return undefined;
  }
  if (!fsx.isDirectory(path.dirname(dir))) {
    return `${path.dirname(dir)} does not exist`;
  }
  return undefined;
}
