// The saved record (postfix-gmail-wizard.saved): the old format still read, the new lines
// (master.cf -o values, table entries) round-trip, and setup and remove keep it (issue 12).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { optionRemoval, parseSaved, planOptions } from '../../../src/flow/plan/options-plan.js';
import { emptyRecord, parseSavedRecord, recordTakenOut, sha256 } from '../../../src/postfix/saved-record.js';
import type { LocalFacts } from '../../../src/flow/types.js';
import type { TemplateName } from '../../../src/system/templates.js';
import { repoPath } from '../../support/paths.js';
import { policyMap, postfix, render, takenOut } from './saved-record-fixture.js';

const templates = Object.fromEntries(
  (['sasl_passwd', 'generic', 'saved_settings'] as TemplateName[]).map((n) => [
    n,
    readFileSync(repoPath('templates', `${n}.ejs`), 'utf8'),
  ]),
) as Record<TemplateName, string>;

function localFacts(saved?: string): LocalFacts {
  return {
    settings: { inet_interfaces: 'all', smtp_generic_maps: '', smtp_address_preference: 'any', alias_maps: '' },
    domains: { myorigin: 'vm.example.org', myhostname: 'vm.example.org', mydomain: 'example.org' },
    localDestinations: ['vm.example.org'],
    generic: { type: 'hash', path: '/etc/postfix/gmail_generic', compiled: [], compiledCurrent: false },
    saved: { path: '/etc/postfix/postfix-gmail-wizard.saved', content: saved },
  };
}

describe("the saved record's format", () => {
  it('reads a file of the first format (main.cf lines only) as before, and writes one like it byte for byte', () => {
    const old =
      '# postfix-gmail-wizard: the main.cf values it replaced; `postfix-gmail-wizard remove`\n' +
      '# puts them back. "name (not set)": main.cf did not set it, Postfix\'s default applied.\n' +
      'inet_interfaces = all\nrelayhost = \nsmtp_tls_CAfile (not set)\n';
    const record = parseSavedRecord(old);
    assert.deepEqual(
      [...record.main],
      [
        ['inet_interfaces', 'all'],
        ['relayhost', ''],
        ['smtp_tls_CAfile', undefined],
      ],
    );
    assert.deepEqual([...record.master], []);
    assert.deepEqual(record.tables, []);
    assert.equal(render(record), old, 'a record of main.cf values only is written as the first version wrote it');
  });

  it('master.cf -o values and table entries round-trip, every byte of the lines kept (tabs, trailing blanks, "=")', () => {
    const record = emptyRecord();
    record.main.set('smtp_tls_security_level', 'may');
    record.master.set('smtp/unix/smtp_tls_security_level', 'encrypt');
    record.master.set('relay/unix/smtp_tls_policy_maps', 'hash:/etc/postfix/a, hash:/etc/postfix/b');
    record.tables.push({
      map: policyMap,
      key: '[smtp.gmail.com]:587',
      written: sha256('x'),
      lines: [
        [1, '[smtp.gmail.com]:587\tencrypt = x  '],
        [2, '\tprotocols=!SSLv2'],
      ],
    });
    const text = render(record);
    assert.match(text, /^master\.cf smtp\/unix\/smtp_tls_security_level = encrypt$/m);
    assert.match(text, /^table hash:\/etc\/postfix\/tls_policy \[smtp\.gmail\.com\]:587 written [0-9a-f]{64}$/m);
    assert.match(text, /^ {2}line 2: \[smtp\.gmail\.com\]:587\tencrypt = x {2}$/m, 'line numbers count from 1');
    assert.deepEqual(parseSavedRecord(text), record);
    assert.deepEqual([...parseSaved(text)], [['smtp_tls_security_level', 'may']], 'the main.cf part alone, as before');
  });

  it("a newer take-out of the same -o or entry replaces the older record (the wizard never writes them: the latest is the person's)", () => {
    const record = emptyRecord();
    recordTakenOut(
      record,
      [['smtp/unix/smtp_tls_security_level', 'encrypt']],
      [
        {
          map: policyMap,
          key: '[smtp.gmail.com]:587',
          written: sha256('a'),
          lines: [[0, '[smtp.gmail.com]:587 encrypt']],
        },
      ],
    );
    recordTakenOut(
      record,
      [['smtp/unix/smtp_tls_security_level', 'may']],
      [{ map: policyMap, key: '[SMTP.gmail.com]:587', written: sha256('b'), lines: [[3, '[SMTP.gmail.com]:587 may']] }],
    );
    assert.deepEqual([...record.master], [['smtp/unix/smtp_tls_security_level', 'may']]);
    assert.deepEqual(
      record.tables.map((t) => t.lines),
      [[[3, '[SMTP.gmail.com]:587 may']]],
    );
  });

  it('setup records what its TLS fixes take out; a re-run with nothing taken out leaves the record as it is', () => {
    const fixes = takenOut();
    const part = planOptions(
      postfix,
      { local: localFacts() },
      'you@gmail.com',
      templates,
      { smtp_tls_security_level: 'secure' },
      {},
      fixes.takenOut,
    );
    const saved = part.files.find((f) => f.path.endsWith('.saved'));
    assert.ok(saved);
    const record = parseSavedRecord(String(saved.content));
    assert.deepEqual([...record.master], [['smtp/unix/smtp_tls_security_level', 'encrypt']]);
    assert.deepEqual(record.tables, [
      {
        map: policyMap,
        key: '[smtp.gmail.com]:587',
        written: sha256('# from an old recipe\nexample.net may\n'),
        lines: [
          [1, '[smtp.gmail.com]:587 encrypt'],
          [2, '    protocols=!SSLv2'],
        ],
      },
    ]);
    const again = planOptions(postfix, { local: localFacts(String(saved.content)) }, 'you@gmail.com', templates, {});
    assert.equal(again.files.length, 0);
  });

  it('remove deletes the whole record, master.cf and table lines included', () => {
    const fixes = takenOut();
    const saved = render(
      (() => {
        const r = emptyRecord();
        recordTakenOut(r, fixes.takenOut.master, fixes.takenOut.tables);
        return r;
      })(),
    );
    assert.deepEqual(optionRemoval(postfix, localFacts(saved), templates).deletes, [
      '/etc/postfix/postfix-gmail-wizard.saved',
    ]);
  });
});
