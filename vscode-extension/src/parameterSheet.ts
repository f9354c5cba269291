// The parameter step of "Apply Generator…" and "New Project…": one quick pick lists every
// parameter with the value it will get; picking one edits it (a pick list for enum and bool,
// an input box checked as the engine checks it otherwise); "Preview" goes on.

import * as vscode from 'vscode';
import { describeSource, ParamState, problems, validateValue } from './params';

const PREVIEW_LABEL = '$(play) Preview the plan';

interface SheetItem extends vscode.QuickPickItem {
  param?: ParamState;
}

function firstLine(text: string | undefined, max = 160): string | undefined {
  if (!text) {
    return undefined;
  }
  const line = text.trim().split(/\r?\n/)[0];
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** Shows the sheet until the user picks Preview (true) or cancels (false). `states` is updated in place. */
export async function editParameters(title: string, states: ParamState[], note?: string): Promise<boolean> {
  let message = note;
  for (;;) {
    const issues = problems(states);
    const picked = await pickFromSheet(title, states, issues, message);
    message = undefined;
    if (picked === undefined) {
      return false;
    }
    if (picked === 'preview') {
      if (issues.size === 0) {
        return true;
      }
      message = `Fix first: ${[...issues.values()].join('; ')}`;
      continue;
    }
    await editOne(title, picked);
  }
}

function pickFromSheet(
  title: string,
  states: ParamState[],
  issues: Map<string, string>,
  message: string | undefined,
): Promise<ParamState | 'preview' | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<SheetItem>();
    qp.title = title;
    qp.placeholder = message ?? 'Pick a parameter to change it, or Preview to see what the generator will write';
    qp.matchOnDescription = true;
    qp.matchOnDetail = false;
    qp.ignoreFocusOut = true;
    const items: SheetItem[] = [
      {
        label: PREVIEW_LABEL,
        description: issues.size ? `${issues.size} parameter${issues.size === 1 ? ' needs' : 's need'} a value` : 'nothing is written yet',
        alwaysShow: true,
      },
      { label: 'Parameters', kind: vscode.QuickPickItemKind.Separator },
    ];
    for (const s of states) {
      const why = issues.get(s.spec.name);
      const value = s.text === '' ? (s.source === 'computed' ? '(computed)' : '(empty)') : s.text;
      items.push({
        label: `${why ? '$(warning) ' : s.edited ? '$(edit) ' : ''}${s.spec.name}`,
        description: `${value}  ·  ${describeSource(s)}`,
        detail: why ?? firstLine(s.spec.help),
        param: s,
      });
    }
    qp.items = items;
    qp.activeItems = [items[0]];
    let done = false;
    qp.onDidAccept(() => {
      const item = qp.activeItems[0] ?? qp.selectedItems[0];
      if (!item) {
        return;
      }
      done = true;
      qp.hide();
      resolve(item.param ?? 'preview');
    });
    qp.onDidHide(() => {
      qp.dispose();
      if (!done) {
        resolve(undefined);
      }
    });
    qp.show();
  });
}

async function editOne(title: string, s: ParamState): Promise<void> {
  const spec = s.spec;
  const initial = s.text;
  if (spec.type === 'enum' || spec.type === 'bool') {
    const choices = spec.type === 'bool' ? ['true', 'false'] : spec.choices ?? [];
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: c, description: c === s.text ? 'current' : undefined })),
      { title: `${title}: ${spec.name}`, placeHolder: firstLine(spec.help, 300) ?? spec.name, ignoreFocusOut: true },
    );
    if (picked && picked.label !== s.text) {
      s.text = picked.label;
      s.edited = picked.label !== s.original || s.source === 'none';
    }
    return;
  }
  const value = await vscode.window.showInputBox({
    title: `${title}: ${spec.name} (${spec.type}${spec.type === 'list' ? ', comma-separated' : ''})`,
    prompt: firstLine(spec.help, 400),
    value: s.text,
    placeHolder: s.source === 'computed' ? `computed by the generator: ${String(spec.default)}` : undefined,
    ignoreFocusOut: true,
    validateInput: (text) => validateValue(spec, text, s.source !== 'none'),
  });
  if (value === undefined || value === initial) {
    return;
  }
  if (value.trim() === '' && s.source !== 'none' && spec.type !== 'list') {
    // emptied: back to what the engine would use anyway
    s.text = s.original;
    s.edited = false;
    return;
  }
  s.text = value;
  s.edited = value !== s.original || s.source === 'none';
}
