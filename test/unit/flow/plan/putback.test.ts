// What remove puts back from the saved record (flow/plan/putback.ts): a master.cf -o and a table
// entry go back only where nobody changed them since (issue 12).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planPutBack } from '../../../../src/flow/plan/putback.js';
import type { PutBackFacts } from '../../../../src/flow/types.js';
import { emptyRecord, parseSavedRecord, recordTakenOut, sha256 } from '../../../../src/postfix/saved-record.js';
import { takeOutEntry } from '../../../../src/postfix/table-entries.js';
import { policyMap, policyPath, policySource, postfix, render, takenOut } from '../../postfix/saved-record-fixture.js';

const masterCf = (over: Partial<PutBackFacts> = {}): PutBackFacts => ({
  services: ['smtp/inet', 'smtp/unix', 'relay/unix'],
  master: [],
  tables: {},
  ...over,
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
    const back = planPutBack(
      postfix,
      record(),
      masterCf({ tables: { [policyPath]: { content: asSetupLeftIt, mode: 0o640 } } }),
    );
    assert.deepEqual(back.masterSettings, ['smtp/unix/smtp_tls_security_level=encrypt']);
    assert.deepEqual(
      back.files.map((f) => [f.path, f.content, f.mode, f.previous]),
      [[policyPath, policySource, 0o640, asSetupLeftIt]],
    );
    assert.deepEqual(
      back.commands.map((c) => [c.file, ...c.args]),
      [['postmap', policyMap]],
    );
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
    assert.deepEqual(
      kept.skipped.filter((s) => s.code.startsWith('table')),
      [
        {
          code: 'table-changed',
          where: policyMap,
          key: '[smtp.gmail.com]:587',
          value: '[smtp.gmail.com]:587 encrypt protocols=!SSLv2',
          now: '[smtp.gmail.com]:587 secure',
        },
      ],
    );
    const already = planPutBack(postfix, record(), masterCf({ tables: { [policyPath]: { content: policySource } } }));
    assert.deepEqual(
      [already.files, already.skipped.filter((s) => s.code.startsWith('table'))],
      [[], []],
      'already back: nothing to do or say',
    );
    const gone = planPutBack(postfix, record(), masterCf());
    assert.deepEqual(
      gone.skipped.map((s) => s.code),
      ['table-gone'],
    );
  });

  it('a -o set to another value since, or a service gone, stays as it is and is said; one already back is left alone', () => {
    const changed = planPutBack(
      postfix,
      record(),
      masterCf({ master: [{ service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'verify' }] }),
    );
    assert.deepEqual(changed.masterSettings, []);
    assert.deepEqual(changed.skipped[0], {
      code: 'master-changed',
      where: 'smtp/unix/smtp_tls_security_level',
      key: '',
      value: 'encrypt',
      now: 'verify',
    });
    const gone = planPutBack(postfix, record(), masterCf({ services: ['smtp/inet'] }));
    assert.deepEqual(gone.skipped[0]?.code, 'master-service-gone');
    assert.deepEqual(
      gone.touches.filter((p) => p.endsWith('master.cf')),
      [],
    );
    const back = planPutBack(
      postfix,
      record(),
      masterCf({ master: [{ service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' }] }),
    );
    assert.deepEqual([back.masterSettings, back.skipped.filter((s) => s.code.startsWith('master'))], [[], []]);
  });

  it('two entries taken out of one file in turn go back in turn, last first, to the first file', () => {
    const first = takeOutEntry(policySource, '[smtp.gmail.com]:587');
    const second = takeOutEntry(first.content, 'example.net');
    const r = emptyRecord();
    recordTakenOut(
      r,
      [],
      [{ map: policyMap, key: '[smtp.gmail.com]:587', written: sha256(first.content), lines: first.removed }],
    );
    recordTakenOut(
      r,
      [],
      [{ map: policyMap, key: 'example.net', written: sha256(second.content), lines: second.removed }],
    );
    const back = planPutBack(
      postfix,
      parseSavedRecord(render(r)),
      masterCf({ tables: { [policyPath]: { content: second.content } } }),
    );
    assert.equal(back.files[0]?.content, policySource);
  });
});
