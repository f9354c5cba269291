// Generator parameters as `mx describe --json` reports them: the value each starts with, the
// validation of what the user types (the engine's rules: type, pattern, choices, min/max), and
// the `--set` arguments for the CLI. No `vscode` import: unit-tested under plain node.

export type ParamType = 'string' | 'int' | 'bool' | 'enum' | 'list';

/** One entry of `parameters` in `mx describe <id> --json`. */
export interface ParamSpec {
  name: string;
  type: ParamType;
  /** A literal, a list of literals, or a template such as "[=project_name]-train"; null when none. */
  default: unknown;
  required: boolean;
  scope: 'project' | 'generator';
  pattern?: string;
  choices?: string[];
  min?: number;
  max?: number;
  help?: string;
}

/** Where a parameter's starting value comes from, in the engine's order. */
export type ValueSource = 'previous' | 'answer' | 'default' | 'computed' | 'none';

export interface ParamState {
  spec: ParamSpec;
  /** The value shown and, when `edited`, passed with --set (lists comma-separated). */
  text: string;
  source: ValueSource;
  /** The user changed it: only edited values are passed, the engine resolves the rest itself. */
  edited: boolean;
  /** The starting text, to go back to. */
  original: string;
}

/** A default that is a FreeMarker expression: the engine computes it from other values. */
export function isTemplate(v: unknown): boolean {
  if (typeof v === 'string') {
    return v.includes('[=') || v.includes('[#');
  }
  return Array.isArray(v) && v.some(isTemplate);
}

/** A value as the CLI takes it with --set: lists comma-separated, the rest as text. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (Array.isArray(v)) {
    return v.map(formatValue).join(',');
  }
  return String(v);
}

/**
 * The starting value of each parameter, in the order the engine resolves one: the value this
 * generator was applied with before, then the project's shared answer of the same name, then
 * the default (a computed default is left to the engine).
 */
export function initialStates(
  specs: ParamSpec[],
  answers: Record<string, unknown> = {},
  previous: Record<string, unknown> = {},
): ParamState[] {
  return specs.map((spec) => {
    if (Object.prototype.hasOwnProperty.call(previous, spec.name)) {
      return { spec, text: formatValue(previous[spec.name]), source: 'previous', edited: false, original: formatValue(previous[spec.name]) };
    }
    if (Object.prototype.hasOwnProperty.call(answers, spec.name)) {
      return { spec, text: formatValue(answers[spec.name]), source: 'answer', edited: false, original: formatValue(answers[spec.name]) };
    }
    if (spec.default !== null && spec.default !== undefined) {
      if (isTemplate(spec.default)) {
        return { spec, text: '', source: 'computed', edited: false, original: '' };
      }
      return { spec, text: formatValue(spec.default), source: 'default', edited: false, original: formatValue(spec.default) };
    }
    return { spec, text: '', source: 'none', edited: false, original: '' };
  });
}

/** A Java regex as JavaScript would run it for a whole-string match, or undefined if JavaScript can't read it. */
function fullMatch(pattern: string): RegExp | undefined {
  // Unicode mode rejects what it cannot read (Java's \p{javaLowerCase}, possessive quantifiers)
  // instead of reading it differently; then only the engine checks the value, when planning.
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined;
  }
}

/** Splits a list value as the CLI does: commas, blanks around items ignored, empty items dropped. */
export function listItems(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Why `text` is not a valid value of the parameter, or undefined when it is. An empty value is
 * valid when the engine has something to fall back on (a default or an answer); a required
 * parameter without one must be given.
 */
export function validateValue(spec: ParamSpec, text: string, hasFallback = false): string | undefined {
  const t = text.trim();
  if (t === '') {
    if (spec.type === 'list') {
      return undefined; // an empty list
    }
    if (spec.required && !hasFallback) {
      return `${spec.name} is required`;
    }
    return undefined;
  }
  switch (spec.type) {
    case 'int': {
      if (!/^[+-]?\d+$/.test(t)) {
        return `${spec.name} must be a whole number`;
      }
      const n = Number(t);
      if (spec.min !== undefined && spec.min !== null && n < spec.min) {
        return `${spec.name} must be at least ${spec.min}`;
      }
      if (spec.max !== undefined && spec.max !== null && n > spec.max) {
        return `${spec.name} must be at most ${spec.max}`;
      }
      return undefined;
    }
    case 'bool':
      return /^(true|false)$/i.test(t) ? undefined : `${spec.name} must be true or false`;
    case 'enum': {
      const choices = spec.choices ?? [];
      return choices.includes(t) ? undefined : `${spec.name} must be one of ${choices.join(', ')}`;
    }
    case 'list': {
      if (!spec.pattern) {
        return undefined;
      }
      const re = fullMatch(spec.pattern);
      const bad = re ? listItems(t).filter((item) => !re.test(item)) : [];
      return bad.length ? `${bad.map((b) => `'${b}'`).join(', ')} ${bad.length === 1 ? 'does' : 'do'} not match ${spec.pattern}` : undefined;
    }
    default: {
      if (!spec.pattern) {
        return undefined;
      }
      const re = fullMatch(spec.pattern);
      return re && !re.test(t) ? `'${t}' does not match ${spec.pattern}` : undefined;
    }
  }
}

/** The first problem of each parameter, by name (empty when all are fine). */
export function problems(states: ParamState[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of states) {
    const why = validateValue(s.spec, s.text, s.source !== 'none');
    if (why) {
      out.set(s.spec.name, why);
    }
  }
  return out;
}

/** `--set name=value` for each edited parameter, in the generator's order. */
export function setArgs(states: ParamState[]): string[] {
  const out: string[] = [];
  for (const s of states) {
    if (s.edited) {
      const value = s.spec.type === 'list' ? listItems(s.text).join(',') : s.text.trim();
      out.push('--set', `${s.spec.name}=${value}`);
    }
  }
  return out;
}

/** A one-line description of where a value comes from, for the parameter list. */
export function describeSource(state: ParamState): string {
  if (state.edited) {
    return 'set by you';
  }
  switch (state.source) {
    case 'previous':
      return 'as applied before';
    case 'answer':
      return 'project answer';
    case 'default':
      return 'default';
    case 'computed':
      return `computed: ${formatValue(state.spec.default)}`;
    default:
      return state.spec.required ? 'required' : 'optional';
  }
}
