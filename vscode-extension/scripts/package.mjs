// Writes mx-<version>.vsix with @vscode/vsce: bundles the extension (vscode:prepublish runs
// esbuild), takes server/mx.jar (scripts/build-server.mjs puts it there) and the screenshot
// from docs/images. The vsix needs no node_modules: vscode-languageclient is in the bundle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docsImages = resolve(extension, '..', 'docs', 'images');

if (!existsSync(join(extension, 'server', 'mx.jar'))) {
  console.error('package: server/mx.jar is missing; run `npm run build:server` first (or `npm run package`)');
  process.exit(1);
}
// README.md shows images/vscode-mx.png: the screenshot the e2e test took, kept once in docs/images.
mkdirSync(join(extension, 'images'), { recursive: true });
if (existsSync(docsImages)) {
  for (const f of readdirSync(docsImages).filter((n) => /^vscode-.*\.png$/.test(n))) {
    copyFileSync(join(docsImages, f), join(extension, 'images', f));
  }
}
const vsce = join(extension, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
const args = [
  'package',
  '--no-dependencies', // bundled by esbuild
  '--skip-license', // no license chosen for the project yet
  '--allow-missing-repository', // no public repository URL yet
  '--no-rewrite-relative-links', // README images ship inside the vsix
  ...process.argv.slice(2),
];
const r = spawnSync(vsce, args, { cwd: extension, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
