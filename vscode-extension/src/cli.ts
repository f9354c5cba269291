// Runs the bundled mx CLI (`java -jar server/mx.jar <command> --json`) and reads its JSON. The
// commands use it for what the language server does not offer: the generator catalog
// (`list`, `describe`), the state (`state`), plans (`generate --dry-run`) and applying a
// generator with parameter values (`generate --set`), which `mx.applyGenerator` cannot take.

import { execFile } from 'child_process';
import { CLI_VMARGS } from './settings';

export interface CliContext {
  java: string;
  jar: string;
  env: NodeJS.ProcessEnv;
  /** Called with each command line before it runs, for the output channel. */
  log?: (line: string) => void;
}

/** The CLI's `{"error": {"kind", "message"}}` answer, or a run that failed otherwise. */
export class MxCliError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly exitCode: number | null,
    /** The JSON it printed, when it printed any (a plan stopped by conflicts has one). */
    readonly json?: any,
  ) {
    super(message);
  }
}

export interface CliResult {
  code: number;
  json: any;
}

/**
 * Runs `mx <args> --json` in `cwd`. Resolves with the parsed JSON when the CLI exited 0, or 1
 * with JSON and no error (lint findings); rejects with MxCliError otherwise.
 */
export function runCli(ctx: CliContext, args: string[], cwd: string, signal?: AbortSignal): Promise<CliResult> {
  const argv = [...CLI_VMARGS, '-jar', ctx.jar, ...args, '--json'];
  ctx.log?.(`$ mx ${args.join(' ')}  (in ${cwd})`);
  return new Promise((resolve, reject) => {
    execFile(
      ctx.java,
      argv,
      { cwd, env: ctx.env, maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60 * 1000, windowsHide: true, signal },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : null) : 0;
        let json: any;
        try {
          json = stdout.trim() ? JSON.parse(stdout) : undefined;
        } catch {
          json = undefined;
        }
        if (json && json.error) {
          reject(new MxCliError(String(json.error.message ?? 'mx failed'), String(json.error.kind ?? 'error'), code, json));
          return;
        }
        if (json !== undefined && (code === 0 || code === 1)) {
          resolve({ code, json });
          return;
        }
        const why = (stderr || '').trim() || (err ? err.message : 'no output');
        reject(new MxCliError(`mx ${args[0]} failed: ${why}`, 'failure', code, json));
      },
    );
  });
}
