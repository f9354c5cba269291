// The commands: Apply Generator…, New Project…, Lint Workspace, Show State, Restart Server.
//
// Generator data comes from the bundled CLI (`mx list|describe|state|generate --json`, the same
// jar as the server): the language server has no requests for the catalog or for plans, and its
// `mx.applyGenerator` command takes no parameter values. Applying therefore runs
// `mx generate <id> --set ...` too, under the engine's project lock like any other mx run; the
// server sees the written files through its file watcher and checks them again.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { CliContext, MxCliError, runCli } from './cli';
import { initialStates, ParamSpec, setArgs } from './params';
import { editParameters } from './parameterSheet';
import { findProjectRoot, newProjectFolderProblem, STATE_FILE } from './project';
import { currentServerSettings, MxServer } from './server';
import { cliEnv } from './settings';
import { PlanJson, postApplySummary, renderPlan, renderState, StateJson } from './render';
import { VirtualDocuments } from './views';

interface GeneratorInfo {
  id: string;
  version: string;
  description?: string;
  origin?: string;
  applied?: boolean;
}

interface DescribeJson {
  id: string;
  version: string;
  description?: string;
  requires?: string[];
  parameters: ParamSpec[];
}

export class Commands {
  constructor(
    private readonly server: MxServer,
    private readonly docs: VirtualDocuments,
    private readonly onApplied: () => void,
  ) {}

  register(context: vscode.ExtensionContext): void {
    const reg = (id: string, fn: () => Promise<unknown>) =>
      context.subscriptions.push(
        vscode.commands.registerCommand(id, async () => {
          try {
            await fn();
          } catch (e) {
            this.fail(e);
          }
        }),
      );
    reg('mx.command.applyGenerator', () => this.applyGenerator());
    reg('mx.command.newProject', () => this.newProject());
    reg('mx.command.lintWorkspace', () => this.lintWorkspace());
    reg('mx.command.showState', () => this.showState());
    reg('mx.command.restartServer', () => this.server.restart());
    reg('mx.command.showOutput', async () => this.server.output.show());
  }

  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.server.output.appendLine(`[error] ${message}`);
    void vscode.window.showErrorMessage(`mx: ${message}`);
  }

  private async cli(scope?: vscode.Uri): Promise<CliContext | undefined> {
    const java = this.server.javaRuntime ?? (await this.server.resolveJava(true));
    if (!java) {
      return undefined;
    }
    return {
      java: java.java,
      jar: this.server.jar,
      env: cliEnv(process.env, currentServerSettings(scope)),
      log: (line) => this.server.output.appendLine(`[cli] ${line}`),
    };
  }

  private withProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
  }

  // ---- projects ------------------------------------------------------------------------------

  /**
   * The project to work on: the one around the active editor's file, else the workspace folder
   * that is an mx project (asked when several are), else a workspace folder.
   */
  private async pickProject(purpose: string): Promise<string | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active?.scheme === 'file') {
      const folder = vscode.workspace.getWorkspaceFolder(active);
      const root = findProjectRoot(active.fsPath, folder?.uri.fsPath);
      if (root) {
        return root;
      }
    }
    const projects = folders.map((f) => f.uri.fsPath).filter((p) => fs.existsSync(path.join(p, STATE_FILE)));
    const candidates = projects.length ? projects : folders.map((f) => f.uri.fsPath);
    if (candidates.length === 0) {
      void vscode.window.showWarningMessage('mx: open a project folder first, or create one with "MX: New Project…".');
      return undefined;
    }
    if (candidates.length === 1) {
      return candidates[0];
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((p) => ({ label: path.basename(p), description: p })),
      { title: purpose, placeHolder: 'Which project?' },
    );
    return picked?.description;
  }

  // ---- Apply Generator… ------------------------------------------------------------------------

  async applyGenerator(): Promise<void> {
    const root = await this.pickProject('MX: Apply Generator');
    if (!root) {
      return;
    }
    const cli = await this.cli(vscode.Uri.file(root));
    if (!cli) {
      return;
    }
    const generators = await this.listGenerators(cli, root);
    const picked = await vscode.window.showQuickPick(
      generators.map((g) => ({
        label: g.id,
        description: [g.version, g.origin, g.applied ? 'applied' : undefined].filter(Boolean).join(' · '),
        detail: g.description,
        id: g.id,
      })),
      {
        title: `MX: Apply Generator to ${path.basename(root)}`,
        placeHolder: 'Pick a generator',
        matchOnDescription: true,
        matchOnDetail: true,
        ignoreFocusOut: true,
      },
    );
    if (!picked) {
      return;
    }
    const id = picked.id;
    const [describe, state] = await this.withProgress(`mx: reading ${id}`, () =>
      Promise.all([
        runCli(cli, ['describe', id, '-C', root], root).then((r) => r.json as DescribeJson),
        fs.existsSync(path.join(root, STATE_FILE))
          ? runCli(cli, ['state', '-C', root], root).then((r) => r.json as StateJson)
          : Promise.resolve(undefined),
      ]),
    );
    const previous = state?.generators.find((g) => g.id === id)?.parameters ?? {};
    const states = initialStates(describe.parameters ?? [], state?.answers ?? {}, previous);
    const title = `MX: Apply ${id} ${describe.version}`;
    let note: string | undefined;
    for (;;) {
      if (states.length > 0 && !(await editParameters(title, states, note))) {
        return;
      }
      note = undefined;
      const sets = setArgs(states);
      let plan: PlanJson;
      try {
        plan = await this.withProgress(`mx: planning ${id}`, async () =>
          (await runCli(cli, ['generate', id, '-C', root, '--dry-run', ...sets], root)).json as PlanJson,
        );
      } catch (e) {
        if (e instanceof MxCliError && e.kind === 'input' && states.length > 0) {
          // the engine's own checks (they see all values together): back to the parameters
          note = e.message.replace(/\s*\n\s*-?\s*/g, ' ');
          void vscode.window.showErrorMessage(`mx: ${e.message}`);
          continue;
        }
        throw e;
      }
      const decision = await this.previewPlan(plan, title, states.length > 0);
      if (decision === 'back' && states.length > 0) {
        continue;
      }
      if (decision !== 'apply' && decision !== 'force') {
        return;
      }
      if (!(await this.saveDirty(root, plan))) {
        return;
      }
      await this.apply(cli, root, id, sets, decision === 'force');
      return;
    }
  }

  private async listGenerators(cli: CliContext, dir: string): Promise<GeneratorInfo[]> {
    const res = await this.withProgress('mx: listing generators', () => runCli(cli, ['list', '-C', dir], dir));
    const problems: { message?: string }[] = res.json.problems ?? [];
    for (const p of problems) {
      this.server.output.appendLine(`[generators] ${p.message ?? JSON.stringify(p)}`);
    }
    return (res.json.generators ?? []) as GeneratorInfo[];
  }

  /** Shows the plan beside the editor and asks what to do with it. */
  private async previewPlan(plan: PlanJson, title: string, canGoBack: boolean): Promise<'apply' | 'force' | 'back' | undefined> {
    const { text, lines } = renderPlan(plan);
    const uri = vscode.Uri.from({ scheme: 'mx-plan', path: `/${plan.generator}.diff` });
    this.docs.set(uri, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'diff');
    const editor = await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Active, preserveFocus: true });
    const effective = plan.changes.filter((c) => c.action !== 'unchanged');
    type Item = vscode.QuickPickItem & { action?: 'apply' | 'force' | 'back' | 'cancel'; file?: string };
    const items: Item[] = [];
    if (effective.length === 0) {
      items.push({ label: '$(check) Nothing to do', description: `${plan.generator} is applied with these values`, action: 'cancel' });
    } else if (plan.conflicts > 0) {
      items.push({
        label: '$(warning) Apply, overwriting my changes',
        description: `${plan.conflicts} conflict${plan.conflicts === 1 ? '' : 's'}: your versions are kept as <file>.orig`,
        action: 'force',
      });
    } else {
      items.push({ label: '$(check) Apply', description: `write ${effective.length} change${effective.length === 1 ? '' : 's'}`, action: 'apply' });
    }
    if (canGoBack) {
      items.push({ label: '$(arrow-left) Back to the parameters', action: 'back' });
    }
    items.push({ label: '$(close) Cancel', action: 'cancel' });
    items.push({ label: 'Changes', kind: vscode.QuickPickItemKind.Separator });
    for (const c of effective) {
      items.push({
        label: `${c.action === 'create' ? '$(new-file)' : c.action === 'delete' ? '$(trash)' : c.action === 'conflict' ? '$(warning)' : '$(edit)'} ${c.path}`,
        description: c.action,
        detail: c.keys?.length ? c.keys.join(', ') : c.reason,
        file: c.path,
      });
    }
    const result = await new Promise<Item['action'] | undefined>((resolve) => {
      const qp = vscode.window.createQuickPick<Item>();
      qp.title = `${title}: preview`;
      qp.placeholder = 'The plan is open in the editor. Apply it?';
      qp.items = items;
      qp.ignoreFocusOut = true;
      let done = false;
      qp.onDidAccept(() => {
        const item = qp.activeItems[0];
        if (!item) {
          return;
        }
        if (item.file) {
          const line = lines.get(item.file) ?? 0;
          editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
          editor.selection = new vscode.Selection(line, 0, line, 0);
          return;
        }
        done = true;
        qp.hide();
        resolve(item.action);
      });
      qp.onDidHide(() => {
        qp.dispose();
        if (!done) {
          resolve(undefined);
        }
      });
      qp.show();
    });
    if (result !== 'back') {
      await closeEditorsOf(uri);
    }
    return result === 'cancel' ? undefined : result;
  }

  /** Files the plan writes that have unsaved changes are saved first, if the user agrees. */
  private async saveDirty(root: string, plan: PlanJson): Promise<boolean> {
    const written = new Set(
      plan.changes.filter((c) => c.action !== 'unchanged').map((c) => path.resolve(root, c.path)),
    );
    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && written.has(path.resolve(d.uri.fsPath)));
    if (dirty.length === 0) {
      return true;
    }
    const names = dirty.map((d) => path.relative(root, d.uri.fsPath)).join(', ');
    const choice = await vscode.window.showWarningMessage(
      `mx: ${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes that the generator would not see.`,
      { modal: true },
      'Save and Apply',
    );
    if (choice !== 'Save and Apply') {
      return false;
    }
    for (const d of dirty) {
      await d.save();
    }
    return true;
  }

  private async apply(cli: CliContext, root: string, id: string, sets: string[], force: boolean): Promise<void> {
    let result: PlanJson;
    try {
      result = await this.withProgress(`mx: applying ${id}`, async () =>
        (await runCli(cli, ['generate', id, '-C', root, ...sets, ...(force ? ['--force'] : [])], root)).json as PlanJson,
      );
    } catch (e) {
      if (e instanceof MxCliError && e.kind === 'conflict') {
        void vscode.window.showErrorMessage(`mx: ${id} was not applied: ${e.message}`);
        return;
      }
      throw e;
    }
    const written = result.changes.filter((c) => c.written);
    this.server.output.appendLine(`[apply] ${id}: ${written.map((c) => `${c.action} ${c.path}`).join(', ') || 'nothing changed'}`);
    if (result.nextSteps) {
      this.server.output.appendLine(`[apply] next steps for ${id}:\n${result.nextSteps}`);
    }
    this.onApplied();
    const post = postApplySummary(result);
    if (post) {
      this.server.output.appendLine(`[apply] ${id}: ${post.text}`);
      const show = post.level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(`mx: ${id}: ${post.text}`);
    }
    const summary = written.length
      ? `mx: applied ${id}: ${written.length} file${written.length === 1 ? '' : 's'} written`
      : `mx: ${id} is already applied with these values`;
    const firstManifest = written.find((c) => c.keys?.length)?.path ?? written.find((c) => c.action === 'create')?.path;
    const actions = [...(firstManifest ? [`Open ${path.basename(firstManifest)}`] : []), ...(result.nextSteps ? ['Next Steps'] : [])];
    void vscode.window.showInformationMessage(summary, ...actions).then(async (choice) => {
      if (choice === 'Next Steps') {
        this.server.output.show(true);
      } else if (choice && firstManifest) {
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(root, firstManifest)));
      }
    });
  }

  // ---- New Project… ----------------------------------------------------------------------------

  async newProject(): Promise<void> {
    const cli = await this.cli();
    if (!cli) {
      return;
    }
    const neutral = os.tmpdir(); // not inside a project: built-in and generatorPath generators only
    const generators = await this.listGenerators(cli, neutral);
    const picked = await vscode.window.showQuickPick(
      generators
        .sort((a, b) => (a.id === 'ml-project-skeleton' ? -1 : b.id === 'ml-project-skeleton' ? 1 : a.id.localeCompare(b.id)))
        .map((g) => ({ label: g.id, description: [g.version, g.origin].filter(Boolean).join(' · '), detail: g.description, id: g.id })),
      { title: 'MX: New Project', placeHolder: 'Generator to create the project with', matchOnDetail: true, ignoreFocusOut: true },
    );
    if (!picked) {
      return;
    }
    const dir = await askProjectFolder();
    if (!dir) {
      return;
    }
    const name = path.basename(dir);
    const describe = (await runCli(cli, ['describe', picked.id], neutral)).json as DescribeJson;
    const states = initialStates(describe.parameters ?? []);
    const title = `MX: New ${picked.id} project in ${name}`;
    let note: string | undefined;
    for (;;) {
      if (states.length > 0 && !(await editParameters(title, states, note))) {
        return;
      }
      note = undefined;
      const sets = setArgs(states);
      let plan: PlanJson;
      try {
        plan = await this.withProgress(`mx: planning ${name}`, async () =>
          (await runCli(cli, ['new', picked.id, dir, '--dry-run', ...sets], path.dirname(dir))).json as PlanJson,
        );
      } catch (e) {
        if (e instanceof MxCliError && e.kind === 'input' && states.length > 0) {
          note = e.message.replace(/\s*\n\s*-?\s*/g, ' ');
          void vscode.window.showErrorMessage(`mx: ${e.message}`);
          continue;
        }
        throw e;
      }
      const decision = await this.previewPlan(plan, title, states.length > 0);
      if (decision === 'back') {
        continue;
      }
      if (decision !== 'apply') {
        return;
      }
      const created = await this.withProgress(`mx: creating ${dir}`, async () =>
        (await runCli(cli, ['new', picked.id, dir, ...sets], path.dirname(dir))).json as PlanJson,
      );
      const n = created.changes.filter((c) => c.written).length;
      if (created.nextSteps) {
        this.server.output.appendLine(`[new] next steps for ${dir}:\n${created.nextSteps}`);
      }
      const choice = await vscode.window.showInformationMessage(
        `mx: created ${name} (${n} files).`,
        'Open Folder',
        'Open in New Window',
        'Add to Workspace',
      );
      const uri = vscode.Uri.file(dir);
      if (choice === 'Open Folder') {
        await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: false });
      } else if (choice === 'Open in New Window') {
        await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
      } else if (choice === 'Add to Workspace') {
        vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri });
      }
      return;
    }
  }

  // ---- Lint Workspace ----------------------------------------------------------------------------

  async lintWorkspace(): Promise<void> {
    if (!(vscode.workspace.workspaceFolders?.length)) {
      void vscode.window.showWarningMessage('mx: open a folder to lint.');
      return;
    }
    if (!(await this.server.start())) {
      return;
    }
    const client = this.server.languageClient;
    if (!client) {
      return;
    }
    const result = (await this.withProgress('mx: linting the workspace', () =>
      client.sendRequest(ExecuteCommandRequest.type, { command: 'mx.lintWorkspace', arguments: [] }),
    )) as { files?: number; problems?: number; cancelled?: boolean } | null;
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (result) {
      const files = result.files ?? 0;
      const problems = result.problems ?? 0;
      void vscode.window.showInformationMessage(
        `mx: linted ${files} file${files === 1 ? '' : 's'}${result.cancelled ? ' (stopped)' : ''}: ` +
          `${problems} problem${problems === 1 ? '' : 's'} in files that are not open (open files are checked as you type).`,
      );
    }
  }

  // ---- Show State ----------------------------------------------------------------------------------

  async showState(): Promise<void> {
    const root = await this.pickProject('MX: Show State');
    if (!root) {
      return;
    }
    if (!fs.existsSync(path.join(root, STATE_FILE))) {
      const choice = await vscode.window.showInformationMessage(
        `mx: ${path.basename(root)} is not an mx project yet (no ${STATE_FILE}).`,
        'New Project…',
        'Apply Generator…',
      );
      if (choice === 'New Project…') {
        await vscode.commands.executeCommand('mx.command.newProject');
      } else if (choice === 'Apply Generator…') {
        await vscode.commands.executeCommand('mx.command.applyGenerator');
      }
      return;
    }
    const cli = await this.cli(vscode.Uri.file(root));
    if (!cli) {
      return;
    }
    const state = (await this.withProgress('mx: reading the state', () => runCli(cli, ['state', '-C', root], root))).json as StateJson;
    const uri = vscode.Uri.from({ scheme: 'mx-state', path: `/${path.basename(root)} state.md` });
    this.docs.set(uri, renderState(state));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

/**
 * The folder for a new project: typed (prefilled with a sibling of the workspace folder, or one
 * in the home folder) or chosen with Browse…; it must not exist or be empty.
 */
async function askProjectFolder(): Promise<string | undefined> {
  const ws = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = ws?.scheme === 'file' ? path.dirname(ws.fsPath) : os.homedir();
  const initial = path.join(base, 'new-ml-project');
  const browse: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('folder-opened'), tooltip: 'Browse for the parent folder…' };
  const box = vscode.window.createInputBox();
  box.title = 'MX: New Project: folder';
  box.prompt = 'A new or empty folder; its name is the default project name';
  box.value = initial;
  box.valueSelection = [initial.length - 'new-ml-project'.length, initial.length];
  box.buttons = [browse];
  box.ignoreFocusOut = true;
  const check = () => {
    box.validationMessage = newProjectFolderProblem(box.value);
  };
  check();
  return new Promise((resolve) => {
    let done = false;
    box.onDidChangeValue(check);
    box.onDidTriggerButton(async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: 'Create the project in this folder',
        defaultUri: vscode.Uri.file(path.dirname(box.value.trim() || initial)),
      });
      if (picked?.length) {
        box.value = path.join(picked[0].fsPath, path.basename(box.value.trim()) || 'new-ml-project');
        check();
      }
      box.show();
    });
    box.onDidAccept(() => {
      check();
      if (box.validationMessage) {
        return;
      }
      done = true;
      const dir = path.resolve(box.value.trim());
      box.hide();
      resolve(dir);
    });
    box.onDidHide(() => {
      box.dispose();
      if (!done) {
        resolve(undefined);
      }
    });
    box.show();
  });
}

/** Closes every tab that shows the given document. */
async function closeEditorsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length) {
    await vscode.window.tabGroups.close(tabs);
  }
}
