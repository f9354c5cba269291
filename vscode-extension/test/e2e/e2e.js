// Drives the workbench of code-server (VS Code 1.100) in Debian's Chromium with the mx extension
// installed from its .vsix, on a workspace that run.sh prepared:
//   1. devspace.yaml has a mistake: our diagnostic is in the editor and in the Problems panel,
//      as a warning because the user settings say mx.lint.rules {devspace/unknown-key: warning};
//   2. changing that setting reaches the server: the diagnostic turns into an error;
//   3. completion at the top level of devspace.yaml offers `pipelines`;
//   4. the status bar shows the server running and the project name from .mx/state.yaml;
//   5. "MX: Apply Generator…" applies the workspace's hello-service generator with
//      service_name=echo after a preview: the files are on disk and devspace.yaml has
//      deployments.echo;
//   6. "MX: Show State" lists hello-service; 7. "MX: Lint Workspace" reports a file that is
//      not open; 8. "MX: Restart Server" starts a new server; 9. "MX: New Project…" creates a
//      project in a new folder; 10. a wrong mx.java.home gives a message that says what to fix.
// Screenshots go to OUT_DIR (vscode-mx.png is the one docs/editors.md shows).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const URL_BASE = process.env.CS_URL;
const WS = process.env.WS_DIR;
const OUT = process.env.OUT_DIR || '.';
const PROJECT = path.basename(WS);
const DIAGNOSTIC = "unknown key 'bogusKey' at the top level";
const SETTINGS_FILE = process.env.SETTINGS_FILE;
const MACHINE_SETTINGS_FILE = path.join(path.dirname(path.dirname(SETTINGS_FILE)), 'Machine', 'settings.json');
const NEW_PARENT = process.env.NEW_PARENT;
const LOG_ROOT = process.env.LOG_ROOT;
const STEPS = 10;

/** How many times the language server started: its log (MX_LSP_LOG, set by the extension) says so once per start. */
function serverStarts() {
  const logs = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'mx-lsp.log') logs.push(p);
    }
  };
  if (LOG_ROOT && fs.existsSync(LOG_ROOT)) walk(LOG_ROOT);
  return logs.reduce((n, f) => n + (fs.readFileSync(f, 'utf8').match(/INFO mx language server .* for /g) || []).length, 0);
}

const t0 = Date.now();
const lap = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const results = [];

async function step(name, fn) {
  const start = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    lap(`ok   ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    lap(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    throw e;
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitFor(what, predicate, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await predicate();
      if (last) {
        return last;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mx-e2e-chromium-'));
  let context;
  let page;
  try {
    // Playwright refuses --user-data-dir in args: a persistent context on a fresh folder is the same.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(30000);
    page.on('pageerror', (e) => console.log('pageerror:', e.message));

    const quickInput = page.locator('.quick-input-widget');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const editorLines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();

    /** A row of the Problems panel with this message and severity icon. */
    function problem(message, severity) {
      return page.locator('.markers-panel .monaco-list-row', { hasText: message })
        .filter({ has: page.locator(`.codicon-${severity}`) }).first();
    }

    async function notification(text, timeout = 60000) {
      await page.locator('.notifications-toasts', { hasText: text }).first().waitFor({ timeout });
    }

    async function clearNotifications() {
      await runCommand('Notifications: Clear All Notifications');
    }

    /**
     * As a person would: opens a settings.json, replaces it with these changes, saves. The user
     * settings by default; the remote (machine) settings for machine-scoped settings such as
     * mx.java.home, which VS Code takes only from there when the extension runs remotely, as in
     * code-server.
     */
    async function editUserSettings(changes, machine = false) {
      const file = machine ? MACHINE_SETTINGS_FILE : SETTINGS_FILE;
      const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
      const settings = { ...(old ? JSON.parse(old) : {}), ...changes };
      await runCommand(machine ? 'Preferences: Open Remote Settings (JSON)' : 'Preferences: Open User Settings (JSON)');
      await page.locator('.tab.active', { hasText: 'settings.json' }).first().waitFor();
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(JSON.stringify(settings)); // one line: nothing to auto-indent
      await page.keyboard.press('Shift+Control+End'); // and no auto-closed leftovers after it
      await page.keyboard.press('Delete');
      await page.keyboard.press('Control+S');
      await waitFor('settings.json saved', async () => {
        const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
        return Object.entries(changes).every(([k, v]) => JSON.stringify(saved[k]) === JSON.stringify(v));
      }, 10000);
    }

    /** Runs a command from the palette: the row whose label is `title` (and maybe a "(...)" note). */
    async function runCommand(title) {
      await page.keyboard.press('F1');
      await quickInput.locator('input').waitFor({ state: 'visible' });
      await page.keyboard.type(title); // F1 opens the palette with '>' already typed
      const row = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}(\\s*\\(.*\\))?$`) }) }).first();
      await row.waitFor();
      await row.click();
    }

    await page.goto(`${URL_BASE}/?folder=${encodeURIComponent(WS)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    lap('workbench shown');

    await step('diagnostic for the mistake in devspace.yaml, in the editor and the Problems panel', async () => {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^devspace\.yaml$/ });
      await row.first().waitFor({ timeout: 60000 });
      await row.first().click();
      await editorLines.waitFor();
      await editorLines.click();
      await page.keyboard.press('Control+End'); // the mistake is on the last lines
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 90000 });
      await runCommand('View: Focus Problems');
      await problem(DIAGNOSTIC, 'warning').waitFor();
      const text = await page.locator('.markers-panel').first().innerText();
      if (!/devspace\/unknown-key/.test(text)) {
        throw new Error(`the Problems panel shows no rule id devspace/unknown-key: ${text.slice(0, 300)}`);
      }
    });

    await step('a changed mx.lint.rules setting reaches the server: the warning becomes an error', async () => {
      await editUserSettings({ 'mx.lint.rules': { 'devspace/unknown-key': 'error' } });
      await page.locator('.tab', { hasText: 'devspace.yaml' }).first().click();
      await problem(DIAGNOSTIC, 'error').waitFor();
      await editorLines.click();
      await page.keyboard.press('Control+End');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    });

    await step('completion offers `pipelines` at the top level of devspace.yaml', async () => {
      await editorLines.click();
      await page.keyboard.press('Control+End'); // the empty last line, below the mistake
      await page.keyboard.type('pipe');
      await page.keyboard.press('Control+Space');
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: /^pipelines/ });
      await item.first().waitFor();
      await page.screenshot({ path: path.join(OUT, 'vscode-completion.png') });
      await page.keyboard.press('Escape');
      // Leave devspace.yaml as it is on disk for the generator.
      await runCommand('File: Revert File');
      await waitFor('devspace.yaml to be clean again', async () =>
        !(await page.locator('.tab.active.dirty').count()), 10000);
    });

    await step(`status bar shows the running server and project "${PROJECT}"`, async () => {
      const item = page.locator('.statusbar-item', { hasText: `mx: ${PROJECT}` });
      await item.first().waitFor();
      await waitFor('the running icon', async () => (await item.first().locator('.codicon-check').count()) > 0, 30000);
    });

    await step('MX: Apply Generator… applies hello-service with service_name=echo after a preview', async () => {
      await runCommand('MX: Apply Generator…');
      await quickInput.locator('.quick-input-title', { hasText: 'Apply Generator' }).waitFor({ timeout: 60000 });
      await rows.first().waitFor();
      await page.keyboard.type('hello-service');
      await rows.filter({ hasText: 'project .mx/generators' }).first().waitFor();
      await page.keyboard.press('Enter');

      // The parameter sheet: change service_name, keep replicas' default.
      await quickInput.locator('.quick-input-title', { hasText: 'MX: Apply hello-service' }).waitFor({ timeout: 60000 });
      await rows.filter({ hasText: 'service_name' }).first().click();
      await quickInput.locator('.quick-input-title', { hasText: 'service_name' }).waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Bad_Name');
      await quickInput.locator('.quick-input-message', { hasText: 'does not match' }).waitFor(); // the pattern, checked as you type
      await page.keyboard.press('Control+A');
      await page.keyboard.type('echo');
      await page.keyboard.press('Enter');
      await rows.filter({ hasText: 'echo' }).filter({ hasText: 'service_name' }).first().waitFor();
      await rows.filter({ hasText: 'Preview the plan' }).first().click();

      // The preview: the plan in an editor, Apply / Back / Cancel in the quick pick.
      await quickInput.locator('.quick-input-title', { hasText: 'preview' }).waitFor({ timeout: 60000 });
      await page.locator('.monaco-editor .view-lines', { hasText: '+  name: echo' }).first().waitFor();
      await rows.filter({ hasText: 'deployments.echo' }).first().waitFor();
      await page.screenshot({ path: path.join(OUT, 'vscode-mx.png') });
      await rows.filter({ hasText: 'write 3 changes' }).first().waitFor();
      await page.keyboard.press('Enter');

      await notification('applied hello-service');
      const manifest = path.join(WS, 'k8s', 'hello', 'deployment.yaml');
      await waitFor(`${manifest} on disk`, async () => fs.existsSync(manifest), 10000);
      const m = fs.readFileSync(manifest, 'utf8');
      if (!/^  name: echo$/m.test(m) || !/^  namespace: demo$/m.test(m)) {
        throw new Error(`unexpected k8s/hello/deployment.yaml:\n${m}`);
      }
      const devspace = fs.readFileSync(path.join(WS, 'devspace.yaml'), 'utf8');
      const deployments = /^deployments:\n((?:(?: .*)?\n)*)/m.exec(devspace);
      if (!deployments || !/^  echo:\n(?:    .*\n)*?    kubectl:\n      manifests:\n        - k8s\/hello\/\n/m.test(deployments[1])) {
        throw new Error(`devspace.yaml has no deployments.echo with k8s/hello/:\n${devspace}`);
      }
      if (!/^bogusKey: 1$/m.test(devspace)) {
        throw new Error('devspace.yaml lost the rest of its content');
      }
      const state = fs.readFileSync(path.join(WS, '.mx', 'state.yaml'), 'utf8');
      if (!/- id: hello-service\n/.test(state) || !/service_name: echo/.test(state)) {
        throw new Error('.mx/state.yaml does not record hello-service with service_name echo');
      }
      await page.screenshot({ path: path.join(OUT, 'vscode-applied.png') });
      await clearNotifications();
    });

    await step('MX: Show State lists the answers and hello-service', async () => {
      await runCommand('MX: Show State');
      const doc = page.locator('.editor-group-container.active .monaco-editor .view-lines');
      await doc.filter({ hasText: 'mx project `demo`' }).first().waitFor();
      await page.keyboard.press('Control+End');
      await doc.filter({ hasText: '### hello-service 1.0.0' }).first().waitFor();
      await doc.filter({ hasText: '`service_name`=echo' }).first().waitFor();
    });

    await step('MX: Lint Workspace reports a devspace.yaml that is not open', async () => {
      await runCommand('MX: Lint Workspace');
      await notification('mx: linted');
      await problem("unknown key 'unknownThing' at the top level", 'error').waitFor();
      await clearNotifications();
    });

    await step('MX: Restart Server: a new server starts and publishes diagnostics again', async () => {
      const before = serverStarts();
      if (before < 1) {
        throw new Error(`no server start in the server log under ${LOG_ROOT}`);
      }
      await runCommand('MX: Restart Server');
      await waitFor('a second server start in the server log', async () => serverStarts() > before, 60000);
      const item = page.locator('.statusbar-item', { hasText: `mx: ${PROJECT}` }).first();
      await waitFor('the running icon after the restart', async () => (await item.locator('.codicon-check').count()) > 0, 60000);
      await problem(DIAGNOSTIC, 'error').waitFor({ timeout: 60000 });
    });

    await step('MX: New Project… creates a project from ml-project-skeleton in a new folder', async () => {
      fs.mkdirSync(NEW_PARENT, { recursive: true });
      await runCommand('MX: New Project…');
      await quickInput.locator('.quick-input-title', { hasText: 'MX: New Project' }).waitFor({ timeout: 60000 });
      await rows.filter({ hasText: 'ml-project-skeleton' }).first().waitFor();
      await page.keyboard.press('Enter'); // ml-project-skeleton comes first
      // The folder: typed in full (the Browse… button opens the folder dialog instead).
      await quickInput.locator('.quick-input-title', { hasText: 'MX: New Project: folder' }).waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(path.join(WS, 'README.md'));
      await quickInput.locator('.quick-input-message', { hasText: 'is a file' }).waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(path.join(NEW_PARENT, 'churn-model'));
      await page.keyboard.press('Enter');
      await quickInput.locator('.quick-input-title', { hasText: 'MX: New ml-project-skeleton project in churn-model' }).waitFor({ timeout: 60000 });
      await rows.filter({ hasText: 'project_name' }).filter({ hasText: 'computed' }).first().waitFor();
      await rows.filter({ hasText: 'Preview the plan' }).first().click();
      await quickInput.locator('.quick-input-title', { hasText: 'preview' }).waitFor({ timeout: 60000 });
      await rows.filter({ hasText: /write \d+ changes/ }).first().waitFor();
      await rows.filter({ hasText: '.dockerignore' }).first().waitFor();
      await page.keyboard.press('Enter');
      await notification('mx: created churn-model');
      const state = path.join(NEW_PARENT, 'churn-model', '.mx', 'state.yaml');
      await waitFor(`${state} on disk`, async () => fs.existsSync(state), 10000);
      if (!/project_name: churn-model/.test(fs.readFileSync(state, 'utf8'))) {
        throw new Error(`${state} does not record project_name churn-model`);
      }
      await clearNotifications();
    });

    await step('a wrong mx.java.home: after the restart it asks for, a message says what to fix', async () => {
      await editUserSettings({ 'mx.java.home': '/nonexistent/jdk' }, true);
      await notification('restart the language server to use the new Java settings');
      await page.locator('.notifications-toasts .monaco-button', { hasText: /^Restart$/ }).first().click();
      await notification('The setting mx.java.home (/nonexistent/jdk) is not usable: no bin/java in /nonexistent/jdk');
      await page.locator('.notifications-toasts .monaco-button', { hasText: 'Open Settings' }).first().waitFor();
      const item = page.locator('.statusbar-item', { hasText: `mx: ${PROJECT}` }).first();
      await waitFor('the error icon in the status bar', async () => (await item.locator('.codicon-error').count()) > 0, 30000);
      await page.screenshot({ path: path.join(OUT, 'vscode-no-java.png') });
    });
  } catch (e) {
    if (page) {
      await page.screenshot({ path: path.join(OUT, 'vscode-failure.png') }).catch(() => {});
      console.log(`screenshot of the failure: ${path.join(OUT, 'vscode-failure.png')}`);
    }
    if (!results.some((r) => !r.ok)) {
      results.push({ name: 'setup', ok: false, error: e });
      console.log('FAIL:', e.message);
    }
  } finally {
    if (context) {
      await context.close().catch(() => {});
    }
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  if (failed === 0 && passed < STEPS) {
    console.log(`e2e: only ${passed} of ${STEPS} steps ran`);
  }
  return failed === 0 && passed === STEPS;
}

main().then((ok) => process.exit(ok ? 0 : 1));
