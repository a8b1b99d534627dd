// readLocalFacts and readPutBackFacts called by themselves on the fake Debian 12: the domains local
// senders carry (Debian's /etc/mailname), mydestination expanded, the wizard's files as they are,
// the aliases file a private instance may not edit, and what `remove` compares its record with.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLocalFacts, readPutBackFacts } from '../../../src/flow/detect/local-facts.js';
import { postaliasArgs } from '../../../src/postfix/aliases.js';
import { parseSavedRecord } from '../../../src/postfix/saved-record.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { detected } from '../../support/step-context.js';

describe('readLocalFacts', () => {
  it('Debian 12: myorigin from /etc/mailname, mydestination with $myhostname expanded, /etc/aliases, no wizard files yet', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys);
    sys.put('/etc/mailname', 'Mail.Example.ORG\n');
    sys.put('/etc/aliases', 'postmaster: root\n');
    sys.put('/etc/aliases.db', 'compiled');
    const { postfix } = await detected(sys);
    const local = await readLocalFacts(sys, postfix);
    assert.deepEqual(local.domains, { myorigin: 'mail.example.org', myhostname: 'vm', mydomain: 'localdomain' });
    assert.deepEqual(local.localDestinations, ['testhost.example', 'vm', 'vm', 'localhost.localdomain', 'localhost']);
    assert.equal(local.generic.path, '/etc/postfix/gmail_generic');
    assert.equal(local.generic.content, undefined);
    assert.deepEqual(local.saved, { path: '/etc/postfix/postfix-gmail-wizard.saved', content: undefined });
    assert.equal(local.aliases?.path, '/etc/aliases');
    assert.equal(local.aliases?.content, 'postmaster: root\n');
    assert.deepEqual(local.aliases?.compiled, ['/etc/aliases.db']);
    assert.equal(local.aliases?.compiledCurrent, true);
    assert.deepEqual(postaliasArgs(postfix, local.aliases!), ['hash:/etc/aliases']);
    assert.deepEqual(sys.writes, []);
  });

  it('no /etc/mailname: myorigin falls back to myhostname', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys);
    const local = await readLocalFacts(sys, (await detected(sys)).postfix);
    assert.equal(local.domains.myorigin, 'vm');
  });

  it("a private instance may not edit the machine's /etc/aliases; its postalias gets -c", async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys, { configDir: '/etc/postfix-out' });
    const { postfix } = await detected(sys, '/etc/postfix-out');
    assert.equal((await readLocalFacts(sys, postfix)).aliases, undefined);
    assert.deepEqual(postaliasArgs(postfix, { type: 'hash', path: '/etc/postfix-out/aliases' }), [
      '-c',
      '/etc/postfix-out',
      'hash:/etc/postfix-out/aliases',
    ]);
  });
});

describe('readPutBackFacts', () => {
  it("reads master.cf only when the record holds a master.cf line, and each recorded table's source", async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys);
    sys.put('/etc/postfix/tls_policy', '[smtp.example.net]:25 may\n', 0o640);
    const { postfix } = await detected(sys);
    const tableOnly = parseSavedRecord(
      `table hash:/etc/postfix/tls_policy [smtp.gmail.com]:587 written ${'0'.repeat(64)}\n  line 1: [smtp.gmail.com]:587 encrypt\n`,
    );
    const before = sys.calls.length;
    const facts = await readPutBackFacts(sys, postfix, tableOnly);
    assert.equal(sys.calls.length, before, 'no postconf -M/-P without a master.cf line');
    assert.deepEqual(facts.tables, {
      '/etc/postfix/tls_policy': { content: '[smtp.example.net]:25 may\n', mode: 0o640 },
    });
    const withMaster = parseSavedRecord('master.cf smtp/unix/smtp_tls_security_level = may\n');
    const master = await readPutBackFacts(sys, postfix, withMaster);
    assert.ok(
      master.services.includes('smtp/inet') && master.services.includes('smtp/unix'),
      master.services.join(' '),
    );
    assert.deepEqual(
      sys.calls.slice(before).map((c) => c.args.join(' ')),
      ['-M', '-P'],
    );
  });
});
