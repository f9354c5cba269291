// Entry point: starts the mx language server once an mx file is open or the workspace holds
// one, registers the commands, and keeps the status bar item current.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from './commands';
import { findProjectRoot, isMxFile, MX_FILE_GLOBS, projectNameFromState, STATE_FILE } from './project';
import { MxServer, ServerStatus } from './server';
import { VirtualDocuments } from './views';

let server: MxServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('mx');
  context.subscriptions.push(output);
  server = new MxServer(context, output);
  context.subscriptions.push(server);

  const docs = new VirtualDocuments();
  context.subscriptions.push(
    docs,
    vscode.workspace.registerTextDocumentContentProvider('mx-plan', docs),
    vscode.workspace.registerTextDocumentContentProvider('mx-state', docs),
  );

  const status = new StatusItem(server);
  context.subscriptions.push(status);
  new Commands(server, docs, () => status.refresh()).register(context);
  context.subscriptions.push(vscode.commands.registerCommand('mx.command.statusMenu', () => statusMenu(server!)));

  // Start when an mx file is open or opens, or the workspace has one (activation may come from
  // any YAML file, so check rather than start the JVM for every YAML user).
  const s = server;
  const startFor = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme === 'file' && isMxFile(doc.uri.fsPath) && s.state === 'stopped') {
      void s.start();
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  vscode.workspace.textDocuments.forEach(startFor);
  if (s.state === 'stopped' && (await workspaceHasMxFiles())) {
    void s.start();
  }
}

export async function deactivate(): Promise<void> {
  if (server) {
    await server.stop();
  }
}

async function workspaceHasMxFiles(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) {
    return false;
  }
  for (const glob of MX_FILE_GLOBS) {
    const found = await vscode.workspace.findFiles(glob, '**/node_modules/**', 1);
    if (found.length) {
      return true;
    }
  }
  return false;
}

async function statusMenu(s: MxServer): Promise<void> {
  const items: (vscode.QuickPickItem & { command: string })[] = [
    { label: '$(list-tree) Show State', command: 'mx.command.showState' },
    { label: '$(add) Apply Generator…', command: 'mx.command.applyGenerator' },
    { label: '$(new-folder) New Project…', command: 'mx.command.newProject' },
    { label: '$(checklist) Lint Workspace', command: 'mx.command.lintWorkspace' },
    { label: '$(debug-restart) Restart Server', command: 'mx.command.restartServer' },
    { label: '$(output) Show Server Output', command: 'mx.command.showOutput' },
  ];
  const java = s.javaRuntime;
  const picked = await vscode.window.showQuickPick(items, {
    title: `mx language server: ${s.state}${java ? ` (Java ${java.versionText})` : ''}`,
  });
  if (picked) {
    await vscode.commands.executeCommand(picked.command);
  }
}

const STATUS_TEXT: Record<ServerStatus, { icon: string; label: string }> = {
  stopped: { icon: '$(circle-slash)', label: 'stopped' },
  starting: { icon: '$(sync~spin)', label: 'starting' },
  running: { icon: '$(check)', label: 'running' },
  failed: { icon: '$(error)', label: 'failed' },
  noJava: { icon: '$(error)', label: 'needs Java 17+' },
};

/** "mx: <project>" with the server's state as an icon; hidden until the server is wanted. */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mx.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: MxServer) {
    this.item.name = 'mx';
    this.item.command = 'mx.command.statusMenu';
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${STATE_FILE.split(path.sep).join('/')}`);
    this.disposables.push(
      this.item,
      watcher,
      watcher.onDidChange(() => this.refresh()),
      watcher.onDidCreate(() => this.refresh()),
      watcher.onDidDelete(() => this.refresh()),
      server.onDidChangeStatus(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
    );
    this.refresh();
  }

  /** The project of the active editor's file, else of the first workspace folder that is one. */
  private project(): { root: string; name?: string } | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    let root: string | undefined;
    if (active?.scheme === 'file') {
      root = findProjectRoot(active.fsPath, vscode.workspace.getWorkspaceFolder(active)?.uri.fsPath);
    }
    root ??= (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath).find((p) => fs.existsSync(path.join(p, STATE_FILE)));
    if (!root) {
      return undefined;
    }
    let name: string | undefined;
    try {
      name = projectNameFromState(fs.readFileSync(path.join(root, STATE_FILE), 'utf8'));
    } catch {
      name = undefined;
    }
    return { root, name: name ?? path.basename(root) };
  }

  refresh(): void {
    const state = this.server.state;
    const project = this.project();
    if (state === 'stopped' && !project) {
      this.item.hide();
      return;
    }
    const { icon, label } = STATUS_TEXT[state];
    this.item.text = `${icon} mx${project?.name ? `: ${project.name}` : ''}`;
    const java = this.server.javaRuntime;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**mx language server**: ${label}`);
    if (java) {
      tip.appendMarkdown(`  \nJava ${java.versionText} (${java.source})`);
    }
    if (project) {
      tip.appendMarkdown(`  \nProject **${project.name}** in \`${project.root}\``);
    }
    tip.appendMarkdown('  \nClick for mx commands');
    this.item.tooltip = tip;
    this.item.backgroundColor =
      state === 'failed' || state === 'noJava' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: `mx ${label}${project?.name ? `, project ${project.name}` : ''}` };
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
