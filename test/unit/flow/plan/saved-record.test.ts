// The saved record (postfix-gmail-wizard.saved) and what remove puts back from
// it: the old format still read, the new lines round-trip, and a table entry or
// master.cf -o goes back only where nobody changed it since (issue 12).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ejs from 'ejs';
import { optionRemoval, parseSaved, planOptions } from '../../../../src/flow/plan/options-plan.js';
import { planPutBack, type PutBackFacts } from '../../../../src/flow/plan/putback.js';
import { emptyRecord, parseSavedRecord, recordTakenOut, savedTemplateData, sha256, type SavedRecord } from '../../../../src/flow/plan/saved-record.js';
import { planTlsFixes } from '../../../../src/flow/plan/tls-fixes.js';
import { putBackLines, takeOutEntry } from '../../../../src/postfix/table-entries.js';
import type { LocalFacts, PostfixFacts } from '../../../../src/flow/types.js';
import type { TemplateName } from '../../../../src/system/templates.js';
import { repoPath } from '../../../support/paths.js';

const template = readFileSync(repoPath('templates', 'saved_settings.ejs'), 'utf8');
const templates = Object.fromEntries((['sasl_passwd', 'generic', 'saved_settings'] as TemplateName[]).map((n) => [n, readFileSync(repoPath('templates', `${n}.ejs`), 'utf8')])) as Record<TemplateName, string>;
const render = (record: SavedRecord) => ejs.render(template, savedTemplateData(record));
const policyPath = '/etc/postfix/tls_policy';
const policyMap = `hash:${policyPath}`;
const policySource = '# from an old recipe\n[smtp.gmail.com]:587 encrypt\n    protocols=!SSLv2\nexample.net may\n';

const postfix = {
  version: '3.7.11', configDir: '/etc/postfix', isDefaultInstance: true, running: true, saslClientTypes: ['cyrus'], mapTypes: ['hash'],
  defaultMapType: 'hash', settings: {}, explicit: [], serviceManager: 'sysv', log: { kind: 'none' },
} as PostfixFacts;

function localFacts(saved?: string): LocalFacts {
  return {
    settings: { inet_interfaces: 'all', smtp_generic_maps: '', smtp_address_preference: 'any', alias_maps: '' },
    domains: { myorigin: 'vm.example.org', myhostname: 'vm.example.org', mydomain: 'example.org' },
    localDestinations: ['vm.example.org'],
    generic: { type: 'hash', path: '/etc/postfix/gmail_generic', compiled: [], compiledCurrent: false },
    saved: { path: '/etc/postfix/postfix-gmail-wizard.saved', content: saved },
  };
}

/** What setup's TLS fixes take out of policySource, as the saved record has it. */
function takenOut() {
  return planTlsFixes(postfix, {
    nexthop: '[smtp.gmail.com]:587', main: { smtp_tls_security_level: 'may' }, effective: { level: 'encrypt', source: 'policy-map' },
    master: [{ service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' }],
    policy: { map: policyMap, key: '[smtp.gmail.com]:587', value: 'encrypt', editable: { type: 'hash', path: policyPath, content: policySource, mode: 0o640 } },
  }, { smtp_tls_security_level: 'secure' });
}

const masterCf = (over: Partial<PutBackFacts> = {}): PutBackFacts => ({ services: ['smtp/inet', 'smtp/unix', 'relay/unix'], master: [], tables: {}, ...over });

describe('the saved record\'s format', () => {
  it('reads a file of the first format (main.cf lines only) as before, and writes one like it byte for byte', () => {
    const old = '# postfix-gmail-wizard: the main.cf values it replaced; `postfix-gmail-wizard remove`\n'
      + '# puts them back. "name (not set)": main.cf did not set it, Postfix\'s default applied.\n'
      + 'inet_interfaces = all\nrelayhost = \nsmtp_tls_CAfile (not set)\n';
    const record = parseSavedRecord(old);
    assert.deepEqual([...record.main], [['inet_interfaces', 'all'], ['relayhost', ''], ['smtp_tls_CAfile', undefined]]);
    assert.deepEqual([...record.master], []);
    assert.deepEqual(record.tables, []);
    assert.equal(render(record), old, 'a record of main.cf values only is written as the first version wrote it');
  });

  it('master.cf -o values and table entries round-trip, every byte of the lines kept (tabs, trailing blanks, "=")', () => {
    const record = emptyRecord();
    record.main.set('smtp_tls_security_level', 'may');
    record.master.set('smtp/unix/smtp_tls_security_level', 'encrypt');
    record.master.set('relay/unix/smtp_tls_policy_maps', 'hash:/etc/postfix/a, hash:/etc/postfix/b');
    record.tables.push({ map: policyMap, key: '[smtp.gmail.com]:587', written: sha256('x'), lines: [[1, '[smtp.gmail.com]:587\tencrypt = x  '], [2, '\tprotocols=!SSLv2']] });
    const text = render(record);
    assert.match(text, /^master\.cf smtp\/unix\/smtp_tls_security_level = encrypt$/m);
    assert.match(text, /^table hash:\/etc\/postfix\/tls_policy \[smtp\.gmail\.com\]:587 written [0-9a-f]{64}$/m);
    assert.match(text, /^ {2}line 2: \[smtp\.gmail\.com\]:587\tencrypt = x {2}$/m, 'line numbers count from 1');
    assert.deepEqual(parseSavedRecord(text), record);
    assert.deepEqual([...parseSaved(text)], [['smtp_tls_security_level', 'may']], 'the main.cf part alone, as before');
  });

  it('a newer take-out of the same -o or entry replaces the older record (the wizard never writes them: the latest is the person\'s)', () => {
    const record = emptyRecord();
    recordTakenOut(record, [['smtp/unix/smtp_tls_security_level', 'encrypt']], [{ map: policyMap, key: '[smtp.gmail.com]:587', written: sha256('a'), lines: [[0, '[smtp.gmail.com]:587 encrypt']] }]);
    recordTakenOut(record, [['smtp/unix/smtp_tls_security_level', 'may']], [{ map: policyMap, key: '[SMTP.gmail.com]:587', written: sha256('b'), lines: [[3, '[SMTP.gmail.com]:587 may']] }]);
    assert.deepEqual([...record.master], [['smtp/unix/smtp_tls_security_level', 'may']]);
    assert.deepEqual(record.tables.map((t) => t.lines), [[[3, '[SMTP.gmail.com]:587 may']]]);
  });

  it('setup records what its TLS fixes take out; a re-run with nothing taken out leaves the record as it is', () => {
    const fixes = takenOut();
    const part = planOptions(postfix, { local: localFacts() }, 'you@gmail.com', templates, { smtp_tls_security_level: 'secure' }, {}, fixes.takenOut);
    const saved = part.files.find((f) => f.path.endsWith('.saved'));
    assert.ok(saved);
    const record = parseSavedRecord(String(saved.content));
    assert.deepEqual([...record.master], [['smtp/unix/smtp_tls_security_level', 'encrypt']]);
    assert.deepEqual(record.tables, [{ map: policyMap, key: '[smtp.gmail.com]:587', written: sha256('# from an old recipe\nexample.net may\n'), lines: [[1, '[smtp.gmail.com]:587 encrypt'], [2, '    protocols=!SSLv2']] }]);
    const again = planOptions(postfix, { local: localFacts(String(saved.content)) }, 'you@gmail.com', templates, {});
    assert.equal(again.files.length, 0);
  });

  it('remove deletes the whole record, master.cf and table lines included', () => {
    const fixes = takenOut();
    const saved = render((() => { const r = emptyRecord(); recordTakenOut(r, fixes.takenOut.master, fixes.takenOut.tables); return r; })());
    assert.deepEqual(optionRemoval(postfix, localFacts(saved), templates).deletes, ['/etc/postfix/postfix-gmail-wizard.saved']);
  });
});

describe('a table entry out and back', () => {
  it('goes back at its old lines: the file nobody touched since is the old one byte for byte', () => {
    const { content, removed } = takeOutEntry(policySource, '[smtp.gmail.com]:587');
    assert.equal(content, '# from an old recipe\nexample.net may\n');
    assert.equal(putBackLines(content, removed, true), policySource);
    const two = 'a x\nb y\na z\n  more\nc w';
    const out = takeOutEntry(two, 'A');
    assert.equal(out.content, 'b y\nc w');
    assert.equal(putBackLines(out.content, out.removed, true), two);
    assert.equal(putBackLines('b y\nc w', out.removed, false), 'b y\nc w\na x\na z\n  more\n', 'appended after a last line without newline');
  });
});

describe('what remove puts back (plan/putback.ts)', () => {
  const record = () => {
    const r = emptyRecord();
    const fixes = takenOut();
    recordTakenOut(r, fixes.takenOut.master, fixes.takenOut.tables);
    return parseSavedRecord(render(r));
  };
  const asSetupLeftIt = '# from an old recipe\nexample.net may\n';

  it('the -o through postconf -P, the entry at its place and postmap, when nothing changed since', () => {
    const back = planPutBack(postfix, record(), masterCf({ tables: { [policyPath]: { content: asSetupLeftIt, mode: 0o640 } } }));
    assert.deepEqual(back.masterSettings, ['smtp/unix/smtp_tls_security_level=encrypt']);
    assert.deepEqual(back.files.map((f) => [f.path, f.content, f.mode, f.previous]), [[policyPath, policySource, 0o640, asSetupLeftIt]]);
    assert.deepEqual(back.commands.map((c) => [c.file, ...c.args]), [['postmap', policyMap]]);
    assert.deepEqual(back.touches, ['/etc/postfix/master.cf', policyPath, `${policyPath}.db`]);
    assert.deepEqual(back.skipped, []);
  });

  it('a table edited elsewhere since: the entry is appended; one that has an entry for the key again keeps it, and that is said', () => {
    const edited = `${asSetupLeftIt}other.example encrypt\n`;
    const appended = planPutBack(postfix, record(), masterCf({ tables: { [policyPath]: { content: edited } } }));
    assert.equal(appended.files[0]?.content, `${edited}[smtp.gmail.com]:587 encrypt\n    protocols=!SSLv2\n`);
    const newer = `${asSetupLeftIt}[smtp.gmail.com]:587 secure\n`;
    const kept = planPutBack(postfix, record(), masterCf({ tables: { [policyPath]: { content: newer } } }));
    assert.deepEqual(kept.files, []);
    assert.deepEqual(kept.commands, []);
    assert.deepEqual(kept.skipped.filter((s) => s.code.startsWith('table')), [{ code: 'table-changed', where: policyMap, key: '[smtp.gmail.com]:587', value: '[smtp.gmail.com]:587 encrypt protocols=!SSLv2', now: '[smtp.gmail.com]:587 secure' }]);
    const already = planPutBack(postfix, record(), masterCf({ tables: { [policyPath]: { content: policySource } } }));
    assert.deepEqual([already.files, already.skipped.filter((s) => s.code.startsWith('table'))], [[], []], 'already back: nothing to do or say');
    const gone = planPutBack(postfix, record(), masterCf());
    assert.deepEqual(gone.skipped.map((s) => s.code), ['table-gone']);
  });

  it('a -o set to another value since, or a service gone, stays as it is and is said; one already back is left alone', () => {
    const changed = planPutBack(postfix, record(), masterCf({ master: [{ service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'verify' }] }));
    assert.deepEqual(changed.masterSettings, []);
    assert.deepEqual(changed.skipped[0], { code: 'master-changed', where: 'smtp/unix/smtp_tls_security_level', key: '', value: 'encrypt', now: 'verify' });
    const gone = planPutBack(postfix, record(), masterCf({ services: ['smtp/inet'] }));
    assert.deepEqual(gone.skipped[0]?.code, 'master-service-gone');
    assert.deepEqual(gone.touches.filter((p) => p.endsWith('master.cf')), []);
    const back = planPutBack(postfix, record(), masterCf({ master: [{ service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' }] }));
    assert.deepEqual([back.masterSettings, back.skipped.filter((s) => s.code.startsWith('master'))], [[], []]);
  });

  it('two entries taken out of one file in turn go back in turn, last first, to the first file', () => {
    const first = takeOutEntry(policySource, '[smtp.gmail.com]:587');
    const second = takeOutEntry(first.content, 'example.net');
    const r = emptyRecord();
    recordTakenOut(r, [], [{ map: policyMap, key: '[smtp.gmail.com]:587', written: sha256(first.content), lines: first.removed }]);
    recordTakenOut(r, [], [{ map: policyMap, key: 'example.net', written: sha256(second.content), lines: second.removed }]);
    const back = planPutBack(postfix, parseSavedRecord(render(r)), masterCf({ tables: { [policyPath]: { content: second.content } } }));
    assert.equal(back.files[0]?.content, policySource);
  });
});
