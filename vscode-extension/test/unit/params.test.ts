import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { initialStates, isTemplate, ParamSpec, problems, setArgs, validateValue } from '../../src/params';

const p = (over: Partial<ParamSpec> & { name: string }): ParamSpec => ({
  type: 'string',
  default: null,
  required: false,
  scope: 'generator',
  ...over,
});

describe('generator parameters', () => {
  const specs = [
    p({ name: 'project_name', required: true, scope: 'project', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' }),
    p({ name: 'replicas', type: 'int', default: 1, min: 1, max: 5 }),
    p({ name: 'cloud', type: 'enum', default: 'gcp', choices: ['gcp', 'none'] }),
    p({ name: 'dns_zone', default: '[=domain?replace(".", "-")]' }),
    p({ name: 'subdomains', type: 'list', default: ['cvat', 'streamlit'], pattern: '^[a-z0-9]+$' }),
    p({ name: 'domain', required: true }),
  ];

  it('starts from the previous run, then the shared answers, then literal defaults', () => {
    const states = initialStates(specs, { project_name: 'demo', replicas: 3 }, { replicas: 2 });
    const by = Object.fromEntries(states.map((s) => [s.spec.name, s]));
    assert.equal(by.project_name.text, 'demo');
    assert.equal(by.project_name.source, 'answer');
    assert.equal(by.replicas.text, '2');
    assert.equal(by.replicas.source, 'previous');
    assert.equal(by.cloud.source, 'default');
    assert.equal(by.dns_zone.source, 'computed');
    assert.equal(by.dns_zone.text, '');
    assert.equal(by.subdomains.text, 'cvat,streamlit');
    assert.equal(by.domain.source, 'none');
    assert.ok(isTemplate(specs[3].default));
  });

  it('flags a required parameter nobody answered, and passes only what the user changed', () => {
    const states = initialStates(specs, { project_name: 'demo' });
    assert.deepEqual([...problems(states).keys()], ['domain']);
    const domain = states.find((s) => s.spec.name === 'domain')!;
    domain.text = 'ml.example.com';
    domain.edited = true;
    assert.equal(problems(states).size, 0);
    assert.deepEqual(setArgs(states), ['--set', 'domain=ml.example.com']);
  });

  it('checks values as the engine does', () => {
    assert.match(validateValue(specs[0], 'Demo') ?? '', /does not match/);
    assert.equal(validateValue(specs[0], 'demo-1'), undefined);
    assert.match(validateValue(specs[1], 'x') ?? '', /whole number/);
    assert.match(validateValue(specs[1], '0') ?? '', /at least 1/);
    assert.match(validateValue(specs[1], '6') ?? '', /at most 5/);
    assert.equal(validateValue(specs[1], '5'), undefined);
    assert.match(validateValue(specs[2], 'aws') ?? '', /one of gcp, none/);
    assert.match(validateValue(specs[4], 'cvat, Bad') ?? '', /'Bad' does not match/);
    assert.equal(validateValue(specs[4], ''), undefined);
    assert.match(validateValue(p({ name: 'b', type: 'bool' }), 'yes') ?? '', /true or false/);
  });

  it('matches a pattern against the whole value, as Java does', () => {
    assert.match(validateValue(p({ name: 'x', pattern: '[a-z]+' }), 'abc1') ?? '', /does not match/);
  });

  it('lets the engine judge a pattern JavaScript cannot read', () => {
    assert.equal(validateValue(p({ name: 'x', pattern: '(?<!a)b\\p{javaLowerCase}' }), 'anything'), undefined);
  });

  it('joins list items without blanks', () => {
    const states = initialStates([specs[4]]);
    states[0].text = ' a , b,, c ';
    states[0].edited = true;
    assert.deepEqual(setArgs(states), ['--set', 'subdomains=a,b,c']);
  });
});
