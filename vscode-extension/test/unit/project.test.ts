import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findProjectRoot, isMxFile, newProjectFolderProblem, projectNameFromState } from '../../src/project';
import { postApplySummary, renderPlan } from '../../src/render';

describe('project', () => {
  it('reads answers.project_name from a state file as mx writes it', () => {
    const state = [
      '# mx project state',
      'format_version: 1',
      'answers:',
      '  cloud: gcp',
      '  project_name: "demo-1"  ',
      'generators:',
      '  - id: ml-project-skeleton',
      '    parameters:',
      '      project_name: other',
    ].join('\n');
    assert.equal(projectNameFromState(state), 'demo-1');
    assert.equal(projectNameFromState('answers:\n  cloud: gcp\ngenerators: []\n'), undefined);
    assert.equal(projectNameFromState("answers: {}\nproject_name: x\n"), undefined);
    assert.equal(projectNameFromState("answers:\n  project_name: 'it''s'\n"), "it's");
  });

  it('knows mx files by name', () => {
    for (const f of ['/p/devspace.yaml', '/p/sub/devspace.yml', '/p/MLproject', '/p/mlproject', '/p/.mx/state.yaml', '/p/.mx/lint.yaml']) {
      assert.ok(isMxFile(f), f);
    }
    for (const f of ['/p/state.yaml', '/p/values.yaml', '/p/.mx/other.yaml']) {
      assert.ok(!isMxFile(f), f);
    }
  });

  it('finds the nearest project folder above a file, not above the stop folder', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mx-project-test-'));
    try {
      fs.mkdirSync(path.join(tmp, 'proj', '.mx'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'proj', '.mx', 'state.yaml'), 'answers: {}\n');
      fs.mkdirSync(path.join(tmp, 'proj', 'k8s', 'app'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'proj', 'k8s', 'app', 'x.yaml'), '');
      assert.equal(findProjectRoot(path.join(tmp, 'proj', 'k8s', 'app', 'x.yaml')), path.join(tmp, 'proj'));
      assert.equal(findProjectRoot(path.join(tmp, 'proj', 'k8s'), path.join(tmp, 'proj', 'k8s')), undefined);
      assert.equal(findProjectRoot(tmp, tmp), undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('accepts a new or empty folder for a new project, in a folder that exists', () => {
    const fake = {
      exists: (p: string) => ['/w', '/w/full', '/w/empty', '/w/file'].includes(p),
      isDirectory: (p: string) => ['/', '/w', '/w/full', '/w/empty'].includes(p),
      isEmptyDir: (p: string) => p === '/w/empty',
    };
    assert.equal(newProjectFolderProblem('/w/new', fake), undefined);
    assert.equal(newProjectFolderProblem(' /w/empty ', fake), undefined);
    assert.match(newProjectFolderProblem('/w/full', fake) ?? '', /is not empty/);
    assert.match(newProjectFolderProblem('/w/file', fake) ?? '', /is a file/);
    assert.match(newProjectFolderProblem('/nowhere/new', fake) ?? '', /\/nowhere does not exist/);
    assert.match(newProjectFolderProblem('relative/x', fake) ?? '', /full path/);
    assert.match(newProjectFolderProblem('', fake) ?? '', /Type the folder/);
  });

  it('renders a plan with a header and one section per changed file', () => {
    const { text, lines } = renderPlan({
      generator: 'hello-service',
      version: '1.0.0',
      project: '/ws/demo',
      dryRun: true,
      applied: false,
      conflicts: 0,
      parameters: { service_name: 'echo', tags: ['a', 'b'] },
      changes: [
        { path: 'k8s/hello/deployment.yaml', action: 'create', diff: '--- /dev/null\n+++ b/k8s/hello/deployment.yaml\n+x\n' },
        { path: 'devspace.yaml', action: 'update', keys: ['+ deployments.echo'], diff: '+  echo:\n' },
        { path: 'README.md', action: 'unchanged' },
      ],
    });
    assert.match(text, /^# Plan: hello-service 1\.0\.0 in \/ws\/demo$/m);
    assert.match(text, /^# Parameters: service_name=echo, tags=a,b$/m);
    assert.match(text, /^# 2 changes$/m);
    assert.match(text, /^# UPDATE devspace\.yaml {2}\(\+ deployments\.echo\)$/m);
    assert.match(text, /^# Unchanged: README\.md$/m);
    assert.equal(text.split('\n')[lines.get('devspace.yaml')!], '# UPDATE devspace.yaml  (+ deployments.echo)');
  });

  it('lists post-apply commands in the plan and reports the ones that failed or did not run', () => {
    const base = { generator: 'g', version: '1', project: '/p', dryRun: false, applied: true, conflicts: 0, parameters: {}, changes: [] };
    const notTrusted = {
      ...base,
      postApply: { trusted: false, reason: 'not a built-in', commands: [{ argv: ['terraform', 'fmt'], description: 'format' }] },
    };
    assert.match(renderPlan(notTrusted).text, /^# Post-apply commands: NOT run \(not a built-in\)\n# {3}\$ terraform fmt {4}# format$/m);
    assert.deepEqual(postApplySummary(notTrusted), {
      level: 'info',
      text: 'a post-apply command was not run (not a built-in): terraform fmt',
    });
    const failed = {
      ...base,
      postApply: { trusted: true, commands: [{ argv: ['make', 'x'], status: 'failed', exitCode: 2, detail: 'exit code 2' }] },
    };
    assert.equal(postApplySummary(failed)?.level, 'warning');
    assert.match(postApplySummary(failed)?.text ?? '', /exit code 2\): make x; the files are applied/);
    assert.equal(postApplySummary({ ...base, postApply: { trusted: true, commands: [{ argv: ['ok'], status: 'succeeded' }] } }), undefined);
    assert.equal(postApplySummary(base), undefined);
  });
});
