// Builds the mx jar with Maven and copies it into server/mx.jar, where the extension runs it
// from: `java -jar server/mx.jar lsp` is the language server, the same jar is the CLI the
// commands run. The jar is the CLI's self-contained jar (mx-cli-thin/target/mx.jar), which holds
// the engine and the language server too, so the extension ships one jar.
//
//   node scripts/build-server.mjs            Maven build (offline first, then online), then copy
//   MX_JAR=<file> node scripts/build-server.mjs   copy a jar you built already (no Maven)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const extension = resolve(here, '..');
const repo = resolve(extension, '..');
const target = join(extension, 'server', 'mx.jar');

let jar = process.env.MX_JAR;
if (!jar) {
  jar = join(repo, 'mx-cli-thin', 'target', 'mx.jar');
  const args = ['-B', '-q', '-Dstyle.color=never', '-DskipTests', 'package', '-pl', 'mx-cli-thin', '-am'];
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  console.log(`build-server: mvn ${args.join(' ')} (in the repository root)`);
  const started = Date.now();
  // Offline first: quick and needs no network once Maven has the dependencies.
  let r = spawnSync(mvn, ['-o', ...args], { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.log('build-server: offline build failed; trying again online');
    r = spawnSync(mvn, args, { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' });
  }
  if (r.error || r.status !== 0) {
    console.error(`build-server: Maven failed (${r.error ? r.error.message : `exit ${r.status}`})`);
    process.exit(1);
  }
  console.log(`build-server: Maven done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
if (!existsSync(jar)) {
  console.error(`build-server: ${jar} does not exist`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(jar, target);
console.log(`build-server: server/mx.jar (${(statSync(target).size / 1e6).toFixed(1)} MB)`);
