// The TLS-override rules of src/postfix/tls-policy.ts, as smtp(8) applies them
// (src/smtp/smtp_tls_policy.c): lookup keys, the global level, master.cf -o, table edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectiveTls, editableMap, globalLevel, mapList, parseMasterParameters, perSiteLookupKeys, policyLookupKeys,
  relayServices, withoutEntry,
} from '../../../src/postfix/tls-policy.js';

describe('smtp_tls_policy_maps lookup keys', () => {
  it('looks up a bracketed next-hop with its port once, verbatim (no parent domains, no port-less form)', () => {
    assert.deepEqual(policyLookupKeys('[smtp.gmail.com]:587'), ['[smtp.gmail.com]:587']);
    assert.deepEqual(policyLookupKeys('[localhost]:2525'), ['[localhost]:2525']);
    assert.deepEqual(policyLookupKeys('[smtp.gmail.com]'), ['[smtp.gmail.com]']);
    assert.deepEqual(policyLookupKeys('smtp.gmail.com:587'), ['smtp.gmail.com:587']);
  });

  it('looks up a bare domain, then each parent domain with a leading dot', () => {
    assert.deepEqual(policyLookupKeys('smtp.gmail.com'), ['smtp.gmail.com', '.gmail.com', '.com']);
    assert.deepEqual(policyLookupKeys('localhost'), ['localhost']);
  });

  it('folds case as the tables do, and has no key for an empty relayhost', () => {
    assert.deepEqual(policyLookupKeys('[SMTP.Gmail.com]:587'), ['[smtp.gmail.com]:587']);
    assert.deepEqual(policyLookupKeys(''), []);
  });

  it('smtp_tls_per_site: the next-hop as written, then the server host name', () => {
    assert.deepEqual(perSiteLookupKeys('[smtp.gmail.com]:587'), ['[smtp.gmail.com]:587', 'smtp.gmail.com']);
    assert.deepEqual(perSiteLookupKeys('smtp.gmail.com'), ['smtp.gmail.com']);
  });
});

describe('the level smtp(8) uses', () => {
  it('smtp_tls_security_level wins; the obsolete switches count only without it', () => {
    assert.equal(globalLevel({ smtp_tls_security_level: 'secure', smtp_use_tls: 'yes' }), 'secure');
    assert.equal(globalLevel({ smtp_tls_security_level: '', smtp_enforce_tls: 'yes', smtp_tls_enforce_peername: 'no' }), 'encrypt');
    assert.equal(globalLevel({ smtp_tls_security_level: '', smtp_enforce_tls: 'yes' }), 'verify');
    assert.equal(globalLevel({ smtp_tls_security_level: '', smtp_use_tls: 'yes' }), 'may');
    assert.equal(globalLevel({}), 'none');
  });

  it('a policy entry beats master.cf, which beats main.cf; a per-site MAY does not lower a stronger level', () => {
    const master = { service: 'smtp', type: 'unix', level: 'may' };
    const policy = { map: 'hash:/etc/postfix/tls_policy', key: '[smtp.gmail.com]:587', value: 'encrypt protocols=>=TLSv1.2' };
    assert.deepEqual(effectiveTls('secure', master, policy, undefined), { level: 'encrypt', source: 'policy-map', where: 'hash:/etc/postfix/tls_policy [smtp.gmail.com]:587' });
    assert.deepEqual(effectiveTls('secure', master, undefined, undefined), { level: 'may', source: 'master.cf', where: 'smtp/unix' });
    assert.deepEqual(effectiveTls('secure', undefined, undefined, undefined), { level: 'secure', source: 'main.cf' });
    const site = (value: string) => ({ map: 'hash:/etc/postfix/tls_per_site', key: 'smtp.gmail.com', value });
    assert.equal(effectiveTls('secure', undefined, undefined, site('MAY')).source, 'main.cf');
    assert.deepEqual(effectiveTls('secure', undefined, undefined, site('NONE')), { level: 'none', source: 'per-site', where: 'hash:/etc/postfix/tls_per_site smtp.gmail.com' });
    assert.equal(effectiveTls('secure', undefined, undefined, site('MUST_NOPEERMATCH')).level, 'encrypt');
  });
});

describe('master.cf and map lists', () => {
  it('reads `postconf -P` as Postfix 3.7 prints it', () => {
    const out = 'smtp/unix/smtp_tls_security_level = encrypt\nrelay/unix/syslog_name = postfix/$service_name\nsubmission/inet/smtpd_tls_security_level = encrypt\nx/unix/empty =\n';
    assert.deepEqual(parseMasterParameters(out), [
      { service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' },
      { service: 'relay', type: 'unix', name: 'syslog_name', value: 'postfix/$service_name' },
      { service: 'submission', type: 'inet', name: 'smtpd_tls_security_level', value: 'encrypt' },
      { service: 'x', type: 'unix', name: 'empty', value: '' },
    ]);
  });

  it('the relaying services are default_transport\'s and relay_transport\'s; an error transport stands for its replacement', () => {
    assert.deepEqual(relayServices({ default_transport: 'smtp', relay_transport: 'relay' }), ['smtp', 'relay']);
    assert.deepEqual(relayServices({ default_transport: 'error', relay_transport: 'error:local only' }), ['smtp', 'relay']);
    assert.deepEqual(relayServices({ default_transport: 'gmail:[smtp.gmail.com]:587', relay_transport: '$default_transport' }), ['gmail', 'relay']);
  });

  it('splits map lists on commas and spaces, keeping braces whole', () => {
    assert.deepEqual(mapList('hash:/etc/postfix/a, texthash:/b  lmdb:/c'), ['hash:/etc/postfix/a', 'texthash:/b', 'lmdb:/c']);
    assert.deepEqual(mapList('inline:{ [x]:587=encrypt, y=may } hash:/d'), ['inline:{ [x]:587=encrypt, y=may }', 'hash:/d']);
    assert.deepEqual(mapList(''), []);
  });

  it('edits only file tables it can rewrite', () => {
    assert.deepEqual(editableMap('hash:/etc/postfix/tls_policy'), { type: 'hash', path: '/etc/postfix/tls_policy' });
    assert.deepEqual(editableMap('texthash:/etc/postfix/tls_policy'), { type: 'texthash', path: '/etc/postfix/tls_policy' });
    for (const map of ['pcre:/etc/postfix/tls.pcre', 'regexp:/x', 'proxy:hash:/x', 'inline:{a=b}', 'hash:relative']) assert.equal(editableMap(map), undefined, map);
  });
});

describe('taking one entry out of a table source', () => {
  it('drops the entry and its continuation lines, keeps comments and other entries', () => {
    const source = '# old recipe\n[smtp.gmail.com]:587 encrypt\n    protocols=>=TLSv1\nexample.com secure\n#[smtp.gmail.com]:587 none\n';
    assert.equal(withoutEntry(source, '[smtp.gmail.com]:587'), '# old recipe\nexample.com secure\n#[smtp.gmail.com]:587 none\n');
  });

  it('matches the key without regard to case, and leaves a text without it unchanged', () => {
    assert.equal(withoutEntry('[SMTP.GMAIL.COM]:587 may\n', '[smtp.gmail.com]:587'), '');
    assert.equal(withoutEntry('other.example encrypt\n', '[smtp.gmail.com]:587'), 'other.example encrypt\n');
  });
});

describe('the plan\'s TLS fixes (flow/plan/tls-fixes.ts)', async () => {
  const { planTlsFixes } = await import('../../../src/flow/plan/tls-fixes.js');
  const postfix = { configDir: '/etc/postfix', isDefaultInstance: true } as Parameters<typeof planTlsFixes>[0];
  const base = { nexthop: '[smtp.gmail.com]:587', main: { smtp_tls_security_level: 'may', smtp_tls_CAfile: '' }, effective: { level: 'may', source: 'main.cf' as const } };
  const mainCf = { smtp_tls_security_level: 'secure', smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt' };

  it('takes out every master.cf -o that differs from what main.cf will say, and only those', () => {
    const fixes = planTlsFixes(postfix, { ...base, master: [
      { service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' },
      { service: 'relay', type: 'unix', name: 'smtp_tls_CAfile', value: '/etc/ssl/certs/ca-certificates.crt' },
      { service: 'relay', type: 'unix', name: 'smtp_tls_security_level', value: 'may' },
    ] }, mainCf);
    assert.deepEqual(fixes.masterRemovals, ['smtp/unix/smtp_tls_security_level', 'relay/unix/smtp_tls_security_level']);
    assert.deepEqual(fixes.touches, ['/etc/postfix/master.cf']);
  });

  it('rewrites the policy entry for the relay and recompiles the table; an entry of exactly "secure" stays', () => {
    const entry = (value: string) => ({ map: 'hash:/etc/postfix/tls_policy', key: '[smtp.gmail.com]:587', value,
      editable: { type: 'hash', path: '/etc/postfix/tls_policy', content: `[smtp.gmail.com]:587 ${value}\nexample.net may\n`, mode: 0o640 } });
    const fixes = planTlsFixes(postfix, { ...base, master: [], policy: entry('encrypt') }, mainCf);
    assert.deepEqual(fixes.files.map((f) => [f.path, f.content, f.mode, f.secret]), [['/etc/postfix/tls_policy', 'example.net may\n', 0o640, false]]);
    assert.deepEqual(fixes.commands.map((c) => [c.file, ...c.args]), [['postmap', 'hash:/etc/postfix/tls_policy']]);
    assert.deepEqual(fixes.touches, ['/etc/postfix/tls_policy', '/etc/postfix/tls_policy.db']);
    assert.deepEqual(planTlsFixes(postfix, { ...base, master: [], policy: entry('secure') }, mainCf).overrides, []);
    assert.equal(planTlsFixes(postfix, { ...base, master: [], policy: entry('secure match=.com') }, mainCf).overrides.length, 1);
  });

  it('refuses a table it cannot edit, naming the entry', () => {
    const policy = { map: 'pcre:/etc/postfix/tls.pcre', key: '[smtp.gmail.com]:587', value: 'may' };
    assert.throws(() => planTlsFixes(postfix, { ...base, master: [], policy }, mainCf), (e: Error & { code?: string }) => e.code === 'tls-policy-override' && e.message.includes('pcre:/etc/postfix/tls.pcre'));
  });
});
