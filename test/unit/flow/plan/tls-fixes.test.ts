// The plan's TLS fixes (flow/plan/tls-fixes.ts): master.cf -o and policy entries that would
// override main.cf's level for the relay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe("the plan's TLS fixes (flow/plan/tls-fixes.ts)", async () => {
  const { planTlsFixes } = await import('../../../../src/flow/plan/tls-fixes.js');
  const postfix = { configDir: '/etc/postfix', isDefaultInstance: true } as Parameters<typeof planTlsFixes>[0];
  const base = {
    nexthop: '[smtp.gmail.com]:587',
    main: { smtp_tls_security_level: 'may', smtp_tls_CAfile: '' },
    effective: { level: 'may', source: 'main.cf' as const },
  };
  const mainCf = { smtp_tls_security_level: 'secure', smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt' };

  it('takes out every master.cf -o that differs from what main.cf will say, and only those', () => {
    const fixes = planTlsFixes(
      postfix,
      {
        ...base,
        master: [
          { service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' },
          { service: 'relay', type: 'unix', name: 'smtp_tls_CAfile', value: '/etc/ssl/certs/ca-certificates.crt' },
          { service: 'relay', type: 'unix', name: 'smtp_tls_security_level', value: 'may' },
        ],
      },
      mainCf,
    );
    assert.deepEqual(fixes.masterRemovals, ['smtp/unix/smtp_tls_security_level', 'relay/unix/smtp_tls_security_level']);
    assert.deepEqual(fixes.touches, ['/etc/postfix/master.cf']);
  });

  it('rewrites the policy entry for the relay and recompiles the table; an entry of exactly "secure" stays', () => {
    const entry = (value: string) => ({
      map: 'hash:/etc/postfix/tls_policy',
      key: '[smtp.gmail.com]:587',
      value,
      editable: {
        type: 'hash',
        path: '/etc/postfix/tls_policy',
        content: `[smtp.gmail.com]:587 ${value}\nexample.net may\n`,
        mode: 0o640,
      },
    });
    const fixes = planTlsFixes(postfix, { ...base, master: [], policy: entry('encrypt') }, mainCf);
    assert.deepEqual(
      fixes.files.map((f) => [f.path, f.content, f.mode, f.secret]),
      [['/etc/postfix/tls_policy', 'example.net may\n', 0o640, false]],
    );
    assert.deepEqual(
      fixes.commands.map((c) => [c.file, ...c.args]),
      [['postmap', 'hash:/etc/postfix/tls_policy']],
    );
    assert.deepEqual(fixes.touches, ['/etc/postfix/tls_policy', '/etc/postfix/tls_policy.db']);
    assert.deepEqual(planTlsFixes(postfix, { ...base, master: [], policy: entry('secure') }, mainCf).overrides, []);
    assert.equal(
      planTlsFixes(postfix, { ...base, master: [], policy: entry('secure match=.com') }, mainCf).overrides.length,
      1,
    );
  });

  it('refuses a table it cannot edit, naming the entry', () => {
    const policy = { map: 'pcre:/etc/postfix/tls.pcre', key: '[smtp.gmail.com]:587', value: 'may' };
    assert.throws(
      () => planTlsFixes(postfix, { ...base, master: [], policy }, mainCf),
      (e: Error & { code?: string }) =>
        e.code === 'tls-policy-override' && e.message.includes('pcre:/etc/postfix/tls.pcre'),
    );
  });
});
