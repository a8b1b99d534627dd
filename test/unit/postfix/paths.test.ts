// The pure parts of keeping secrets: which paths Postfix reads literally, how
// a password file appears in the plan, and which password files need fixing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalPathProblem } from '../../../src/postfix/paths.js';
import { exposedSecretFiles, secretFileFixes } from '../../../src/flow/plan/secret-files.js';
import type { PasswordMapFacts } from '../../../src/flow/types.js';
import type { Plan } from '../../../src/transaction/plan.js';
import { renderPlan } from '../../../src/ui/plan-view.js';

describe('literalPathProblem', () => {
  const table: [string, ReturnType<typeof literalPathProblem>][] = [
    ['/etc/ssl/certs/ca-certificates.crt', undefined],
    ['/etc/postfix/', undefined],
    ['rel/ca.pem', 'relative'],
    ['./ca.pem', 'relative'],
    ['~/ca.pem', 'relative'],
    ['/tmp/a b.pem', 'whitespace'],
    ['/tmp/a\tb.pem', 'control'],
    ['/tmp/a\nb.pem', 'control'],
    ['/tmp/a,b.pem', 'comma'],
    ['/tmp/$x.pem', 'dollar'],
    ['/tmp/${config_directory}/x', 'dollar'],
    ['/tmp/{a}.pem', 'brace'],
  ];
  for (const [path, problem] of table) it(`${JSON.stringify(path)} → ${problem ?? 'fine'}`, () => assert.equal(literalPathProblem(path), problem));
});

describe('a password file in the plan', () => {
  const handMade = '# old: [smtp.gmail.com]:587 a@gmail.com:canaryone\n[smtp.gmail.com]:587\n    a@gmail.com:canarytwo\n';
  const plan = (file: Partial<Plan['files'][number]>): Plan => ({
    configDir: '/etc/postfix', settings: [], removeSettings: [], deletes: [], commands: [], touches: [],
    files: [{ path: '/etc/postfix/sasl_passwd', content: handMade, mode: 0o600, secret: true, ...file }],
  });

  it('shows only the line counts of the old and new text, never a line', () => {
    const text = renderPlan(plan({ previous: handMade, content: `${handMade}x y:canarythree\n` }));
    assert.match(text, /- \(3 lines, hidden/);
    assert.match(text, /\+ \(4 lines, hidden/);
    for (const canary of ['canaryone', 'canarytwo', 'canarythree', 'a@gmail.com']) assert.ok(!text.includes(canary), canary);
  });

  it('shows the wizard\'s own rendering, password masked, in place of the new text', () => {
    const text = renderPlan(plan({ previous: handMade, content: '[x]:587 a@gmail.com:secretsecret\n', shown: '[x]:587 a@gmail.com:********\n' }));
    assert.match(text, /^\+ \[x\]:587 a@gmail\.com:\*{8}$/m);
    assert.ok(!text.includes('secretsecret') && !text.includes('canary'));
  });

  it('an unchanged file (a mode fix) is one hidden line', () => {
    assert.match(renderPlan(plan({ previous: handMade })), /^ {2}\(3 lines, hidden/m);
  });
});

describe('secret file fixes', () => {
  const facts = (path: string, mode: number, compiledMode: number, uid = 0): PasswordMapFacts => ({
    type: 'hash', path, mode, uid, compiledCurrent: true, compiled: [{ path: `${path}.db`, mode: compiledMode, uid }],
  });

  it('our loose compiled map is removed (postmap rebuilds it); a superseded map is made 0600', () => {
    assert.deepEqual(secretFileFixes(facts('/p/sasl_passwd', 0o600, 0o644), facts('/p/saslpass', 0o644, 0o640)), [
      { path: '/p/sasl_passwd.db', mode: 0o644, action: 'remove' },
      { path: '/p/saslpass', mode: 0o644, action: 'chmod' },
      { path: '/p/saslpass.db', mode: 0o640, action: 'chmod' },
    ]);
  });

  it('a compiled map owned by another user counts as exposed; tight files need nothing', () => {
    assert.deepEqual(exposedSecretFiles(facts('/p/sasl_passwd', 0o600, 0o600, 1000)).map((f) => f.path), ['/p/sasl_passwd', '/p/sasl_passwd.db']);
    assert.deepEqual(secretFileFixes(facts('/p/sasl_passwd', 0o600, 0o600), undefined), []);
    assert.deepEqual(secretFileFixes(undefined, facts('/p/saslpass', 0o600, 0o600, 1000)), [], 'no chmod that cannot help');
  });
});
