// doctor's findings in words (ui/doctor-view.ts): each code's title and fix from the catalogue, the
// diagnosis behind it first where there is one, "--fix does this" only when it does; the --json form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROBLEM_CODES, type Problem } from '../../../src/postfix/problems/types.js';
import { problemFix, problemsJson, problemTitle, renderProblems } from '../../../src/ui/doctor-view.js';
import { inLanguage, wordsFor } from '../../../src/ui/messages.js';

const problem = (over: Partial<Problem> = {}): Problem => ({
  code: 'map-not-compiled',
  severity: 'error',
  evidence: ['smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd: /etc/postfix/sasl_passwd.db missing'],
  fixable: true,
  repair: { postmap: [{ type: 'hash', path: '/etc/postfix/sasl_passwd' }] },
  vars: { maps: 'hash:/etc/postfix/sasl_passwd' },
  ...over,
});

describe('problemTitle and problemFix', () => {
  it('every code has its own title and fix, placeholders filled from vars', () => {
    const titles = new Set<string>();
    for (const code of PROBLEM_CODES) {
      const p = problem({
        code,
        fixable: false,
        vars: {
          count: 2,
          host: 'smtp.gmail.com',
          port: 587,
          path: '/var/lib/postfix',
          owner: 'postfix',
          level: 'may',
          where: 'main.cf',
          names: 'smtp_use_tls',
          networks: '10.0.0.0/8',
          paths: '/etc/postfix/sasl_passwd',
          maps: 'hash:/x',
          want: 'yes',
          relayhost: '[smtp.gmail.com]:587',
          account: 'you@gmail.com',
          sent: 400,
          limit: 500,
          percent: 80,
          types: 'hash lmdb',
          type: 'btree',
          ends: '2026-12-15T01:00:00.000Z',
          hours: 20,
          from: '/etc/ssl/certs/ca-certificates.crt',
          to: '/var/spool/postfix/etc/ssl/certs/ca-certificates.crt',
          file: '/var/log/postfix.log',
        },
      });
      const title = problemTitle(p);
      titles.add(title);
      for (const text of [title, problemFix(p)]) assert.doesNotMatch(text, /\{\w+\}/, `${code}: ${text}`);
    }
    assert.equal(titles.size, PROBLEM_CODES.length);
    assert.equal(problemFix(problem()), 'Compile it: postmap hash:/etc/postfix/sasl_passwd (doctor --fix does this.)');
  });

  it('says --fix does it only when the problem is fixable', () => {
    assert.match(problemFix(problem()), /doctor --fix does this/);
    assert.doesNotMatch(problemFix(problem({ fixable: false })), /doctor --fix/);
  });

  it("a diagnosis puts its cause and fix before the code's own fix, naming the relay it failed for", () => {
    const fix = problemFix(
      problem({
        code: 'login-refused',
        fixable: false,
        vars: { diagnosis: 'auth-bad-credentials', host: 'smtp-relay.gmail.com' },
      }),
    );
    assert.match(
      fix,
      /^Gmail rejected the account name or app password \(535 5\.7\.8\)\. .* Run postfix-gmail-wizard setup with a new app password\.$/,
    );
    const dns = problemFix(problem({ code: 'dns-failure', fixable: false, vars: { host: 'smtp-relay.gmail.com' } }));
    assert.match(dns, /getent hosts smtp-relay\.gmail\.com/);
  });

  it('in Japanese with --lang ja', async () => {
    const [title, fix] = inLanguage(await wordsFor('ja'), () => [
      problemTitle(problem({ code: 'postfix-not-running', vars: {} })),
      problemFix(problem()),
    ]);
    assert.equal(title, 'Postfix が起動していません');
    assert.match(fix ?? '', /postmap hash:\/etc\/postfix\/sasl_passwd （doctor --fix で修復できます。）$/);
  });
});

describe('renderProblems', () => {
  it('a mark by severity, the title with the code, the evidence indented, then the fix', () => {
    const text = renderProblems([
      problem(),
      problem({
        code: 'open-relay',
        severity: 'warning',
        fixable: false,
        evidence: ['mynetworks: 10.0.0.0/8'],
        vars: { networks: '10.0.0.0/8' },
      }),
    ]);
    const [first, second] = text.split('\n\n');
    const lines = first!.split('\n');
    // The .db is missing here: no "old copy" for Postfix to read, and nothing to compile "again".
    assert.match(
      lines[0]!,
      /^✗ A lookup table is not compiled as it stands: Postfix reads an older copy, or none.* \[map-not-compiled\]$/,
    );
    assert.equal(
      lines[1],
      '    smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd: /etc/postfix/sasl_passwd.db missing',
    );
    assert.match(lines[2]!, /^ {2}→ Compile it: postmap /);
    assert.match(
      second!,
      /^! Other hosts may send mail through this machine.*\(10\.0\.0\.0\/8\) \[open-relay\]\n {4}mynetworks: 10\.0\.0\.0\/8\n {2}→ /,
    );
    assert.equal(renderProblems([]), '');
  });
});

describe('problemsJson', () => {
  it('code, severity, evidence, the worded fix and fixable — not the repair or the vars', () => {
    const [json] = problemsJson([problem()]);
    assert.deepEqual(Object.keys(json!).sort(), ['code', 'evidence', 'fix', 'fixable', 'severity']);
    assert.deepEqual(json, {
      code: 'map-not-compiled',
      severity: 'error',
      evidence: problem().evidence,
      fix: problemFix(problem()),
      fixable: true,
    });
  });
});
