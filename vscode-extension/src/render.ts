// What the extension shows of a plan (`mx generate --dry-run --json`) and of the project state
// (`mx state --json`). No `vscode` import: unit-tested under plain node.

export interface PlanChange {
  path: string;
  action: 'create' | 'update' | 'unchanged' | 'delete' | 'conflict' | string;
  keys?: string[];
  reason?: string;
  diff?: string;
  written?: boolean;
}

/** A generator's commands to run after an apply (mx runs them only for trusted generators). */
export interface PostApplyJson {
  trusted: boolean;
  reason?: string;
  commands: { argv: string[]; description?: string; status?: string; exitCode?: number; detail?: string }[];
}

export interface PlanJson {
  generator: string;
  version: string;
  project: string;
  dryRun: boolean;
  applied: boolean;
  conflicts: number;
  parameters: Record<string, unknown>;
  changes: PlanChange[];
  nextSteps?: string;
  postApply?: PostApplyJson;
}

/** The plan as a unified diff with a header, and the line where each file's section starts. */
export function renderPlan(plan: PlanJson): { text: string; lines: Map<string, number> } {
  const out: string[] = [];
  const lines = new Map<string, number>();
  const params = Object.entries(plan.parameters ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(', ');
  const effective = plan.changes.filter((c) => c.action !== 'unchanged');
  out.push(`# Plan: ${plan.generator} ${plan.version} in ${plan.project}`);
  out.push(`# Dry run: nothing is written until you choose Apply.`);
  out.push(`# Parameters: ${params || '(none)'}`);
  out.push(
    `# ${effective.length} change${effective.length === 1 ? '' : 's'}` +
      (plan.conflicts ? `, ${plan.conflicts} conflict${plan.conflicts === 1 ? '' : 's'} (files you changed; not overwritten)` : ''),
  );
  for (const c of plan.changes) {
    if (c.action === 'unchanged') {
      continue;
    }
    out.push('');
    lines.set(c.path, out.length);
    out.push(`# ${c.action.toUpperCase()} ${c.path}${c.keys && c.keys.length ? `  (${c.keys.join(', ')})` : ''}`);
    if (c.reason) {
      out.push(`# ${c.reason}`);
    }
    if (c.diff) {
      out.push(...c.diff.replace(/\n$/, '').split('\n'));
    }
  }
  const post = plan.postApply;
  if (post && post.commands?.length) {
    out.push('', `# Post-apply commands: ${post.trusted ? 'run after the apply' : 'NOT run'}${post.reason ? ` (${post.reason})` : ''}`);
    for (const c of post.commands) {
      out.push(`#   $ ${c.argv.join(' ')}${c.description ? `    # ${c.description}` : ''}`);
    }
  }
  const unchanged = plan.changes.filter((c) => c.action === 'unchanged');
  if (unchanged.length) {
    out.push('', `# Unchanged: ${unchanged.map((c) => c.path).join(', ')}`);
  }
  return { text: out.join('\n') + '\n', lines };
}

export interface StateJson {
  project: string;
  formatVersion?: number;
  answers: Record<string, unknown>;
  generators: { id: string; version: string; parameters?: Record<string, unknown>; files?: Record<string, string>; manifests?: Record<string, Record<string, string>> }[];
}

function yamlish(v: unknown): string {
  if (Array.isArray(v)) {
    return `[${v.map((x) => String(x)).join(', ')}]`;
  }
  return String(v);
}

/** The project state as Markdown: the answers, then each applied generator with its parameters and files. */
export function renderState(state: StateJson): string {
  const out: string[] = [];
  const name = state.answers?.project_name;
  out.push(`# mx project ${name ? `\`${String(name)}\`` : ''}`.trimEnd(), '', `Folder: \`${state.project}\``, '');
  out.push('## Answers', '', 'Shared by all generators (`.mx/state.yaml`, `answers`).', '');
  const answers = Object.entries(state.answers ?? {});
  if (answers.length === 0) {
    out.push('(none)');
  }
  for (const [k, v] of answers) {
    out.push(`- \`${k}\`: ${yamlish(v)}`);
  }
  out.push('', '## Applied generators', '');
  if (!state.generators?.length) {
    out.push('(none yet: run "MX: Apply Generator…")');
  }
  for (const g of state.generators ?? []) {
    const files = Object.keys(g.files ?? {});
    const keys = Object.entries(g.manifests ?? {}).flatMap(([file, ks]) => Object.keys(ks ?? {}).map((k) => `${file}: ${k}`));
    out.push(`### ${g.id} ${g.version}`, '');
    const params = Object.entries(g.parameters ?? {});
    if (params.length) {
      out.push('Parameters: ' + params.map(([k, v]) => `\`${k}\`=${yamlish(v)}`).join(', '), '');
    }
    out.push(`Files (${files.length}): ${files.map((f) => `\`${f}\``).join(', ') || '(none)'}`, '');
    if (keys.length) {
      out.push(`Manifest keys (${keys.length}): ${keys.map((k) => `\`${k}\``).join(', ')}`, '');
    }
  }
  return out.join('\n') + '\n';
}

/** What to tell the user about post-apply commands after an apply, or undefined when there is nothing to say. */
export function postApplySummary(result: PlanJson): { level: 'warning' | 'info'; text: string } | undefined {
  const post = result.postApply;
  if (!post || !post.commands?.length) {
    return undefined;
  }
  // statuses as mx reports them: succeeded, failed, timed_out, not_started, skipped_untrusted, skipped_after_failure
  const failed = post.commands.find((c) => c.status === 'failed' || c.status === 'timed_out' || c.status === 'not_started');
  if (failed && post.trusted) {
    return {
      level: 'warning',
      text: `post-apply command failed (${failed.detail ?? failed.status}): ${failed.argv.join(' ')}; the files are applied`,
    };
  }
  if (!post.trusted) {
    const n = post.commands.length;
    return {
      level: 'info',
      text: `${n === 1 ? 'a post-apply command was' : `${n} post-apply commands were`} not run (${post.reason ?? 'not trusted'}): ` +
        post.commands.map((c) => c.argv.join(' ')).join('; '),
    };
  }
  return undefined;
}
