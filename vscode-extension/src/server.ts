// The mx language server: finding Java, starting `java -jar server/mx.jar lsp` over stdio, the
// settings it gets, and its state for the status bar.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { findJava, JavaLookup, JavaRuntime, noJavaMessage } from './java';
import { MX_FILE_GLOBS } from './project';
import { cliEnv, serverSettings, ServerSettings, serverVmArgs, settingsPayload } from './settings';

export type ServerStatus = 'stopped' | 'starting' | 'running' | 'failed' | 'noJava';

export const JAVA_DOWNLOAD_URL = 'https://adoptium.net/temurin/releases/?version=17';

/** The `mx` section for the server, for one workspace folder (the first when none is given). */
export function currentServerSettings(scope?: vscode.Uri): ServerSettings {
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
  const cfg = vscode.workspace.getConfiguration('mx', folder?.uri ?? scope);
  const trusted = vscode.workspace.isTrusted;
  return serverSettings(
    {
      get: <T>(key: string): T | undefined => {
        if (key === 'generatorPath' && !trusted) {
          // untrusted workspace: only the user's own (global) value counts
          return cfg.inspect<T>(key)?.globalValue;
        }
        return cfg.get<T>(key);
      },
    },
    { workspaceFolder: folder?.uri.fsPath, homedir: os.homedir() },
  );
}

export class MxServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private java: JavaRuntime | undefined;
  private status: ServerStatus = 'stopped';
  private readonly statusEmitter = new vscode.EventEmitter<ServerStatus>();
  readonly onDidChangeStatus = this.statusEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private starting: Promise<boolean> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      this.statusEmitter,
    );
  }

  /** The bundled jar: the mx CLI, which also serves LSP (`mx lsp`). */
  get jar(): string {
    return this.context.asAbsolutePath(path.join('server', 'mx.jar'));
  }

  get state(): ServerStatus {
    return this.status;
  }

  get javaRuntime(): JavaRuntime | undefined {
    return this.java;
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  private setStatus(s: ServerStatus): void {
    this.status = s;
    this.statusEmitter.fire(s);
  }

  /** Java for the server and the CLI; tells the user what to do when there is none. */
  async resolveJava(interactive: boolean): Promise<JavaRuntime | undefined> {
    const setting = vscode.workspace.getConfiguration('mx').get<string | null>('java.home');
    const lookup: JavaLookup = await findJava(setting);
    for (const a of lookup.attempts) {
      this.output.appendLine(`[java] ${a.source}: ${a.problem ?? `using ${a.location}`}`);
    }
    if (lookup.runtime) {
      this.java = lookup.runtime;
      this.output.appendLine(`[java] Java ${lookup.runtime.versionText} from ${lookup.runtime.source} (${lookup.runtime.java})`);
      return lookup.runtime;
    }
    this.java = undefined;
    const message = noJavaMessage(lookup);
    this.output.appendLine(`[java] ${message}`);
    if (interactive) {
      void vscode.window.showErrorMessage(message, 'Open Settings', 'Get Java 17', 'Retry').then((choice) => {
        if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'mx.java.home');
        } else if (choice === 'Get Java 17') {
          void vscode.env.openExternal(vscode.Uri.parse(JAVA_DOWNLOAD_URL));
        } else if (choice === 'Retry') {
          void vscode.commands.executeCommand('mx.command.restartServer');
        }
      });
    }
    return undefined;
  }

  /** Starts the server unless it runs already; false when it could not start. */
  start(): Promise<boolean> {
    if (this.client && (this.status === 'running' || this.status === 'starting')) {
      return this.starting ?? Promise.resolve(true);
    }
    this.starting = this.doStart().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async doStart(): Promise<boolean> {
    this.setStatus('starting');
    const java = await this.resolveJava(true);
    if (!java) {
      this.setStatus('noJava');
      return false;
    }
    if (!fs.existsSync(this.jar)) {
      const message = `mx: the server jar is missing from the extension (${this.jar}); reinstall the extension.`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
      this.setStatus('failed');
      return false;
    }
    const vmargs = serverVmArgs(vscode.workspace.getConfiguration('mx').get<string>('server.vmargs'));
    const logFile = path.join(this.context.logUri.fsPath, 'mx-lsp.log');
    fs.mkdirSync(this.context.logUri.fsPath, { recursive: true });
    const env = { ...cliEnv(process.env, currentServerSettings()), MX_LSP_LOG: logFile };
    const serverOptions: ServerOptions = {
      command: java.java,
      args: [...vmargs, '-jar', this.jar, 'lsp'],
      options: { env },
    };
    this.output.appendLine(`[server] ${java.java} ${serverOptions.args!.join(' ')}`);
    const clientOptions: LanguageClientOptions = {
      documentSelector: MX_FILE_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
      initializationOptions: settingsPayload(currentServerSettings()),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      progressOnInitialization: true,
      middleware: {
        workspace: {
          // The server pulls section `mx`: answer with the keys it knows only, per folder.
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) {
              return answers;
            }
            return params.items.map((item, i) =>
              item.section === 'mx'
                ? currentServerSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
                : answers[i],
            );
          },
        },
      },
    };
    const client = new LanguageClient('mx', 'mx', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) {
        return;
      }
      if (e.newState === State.Running) {
        this.setStatus('running');
      } else if (e.newState === State.Starting) {
        this.setStatus('starting');
      } else if (this.status !== 'failed') {
        this.setStatus('stopped');
      }
    });
    try {
      await client.start();
      this.setStatus('running');
      return true;
    } catch (e) {
      this.output.appendLine(`[server] failed to start: ${e instanceof Error ? e.message : String(e)}`);
      this.setStatus('failed');
      void vscode.window.showErrorMessage('mx: the language server failed to start. See the "mx" output for details.', 'Show Output').then(
        (c) => c && this.output.show(),
      );
      return false;
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (e) {
        this.output.appendLine(`[server] stop: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.setStatus('stopped');
  }

  async restart(): Promise<boolean> {
    await this.stop();
    return this.start();
  }

  /** Settings the server reads go to it at once; Java and JVM settings need a restart. */
  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('mx')) {
      return;
    }
    if (e.affectsConfiguration('mx.java.home') || e.affectsConfiguration('mx.server.vmargs')) {
      void vscode.window
        .showInformationMessage('mx: restart the language server to use the new Java settings?', 'Restart')
        .then((c) => c === 'Restart' && this.restart());
    }
    const client = this.client;
    if (
      client &&
      this.status === 'running' &&
      (e.affectsConfiguration('mx.lint') || e.affectsConfiguration('mx.generatorPath') || e.affectsConfiguration('mx.maxDocumentSize'))
    ) {
      void client.sendNotification(DidChangeConfigurationNotification.type, settingsPayload(currentServerSettings()));
    }
  }

  dispose(): void {
    void this.stop();
    this.disposables.forEach((d) => d.dispose());
  }
}
