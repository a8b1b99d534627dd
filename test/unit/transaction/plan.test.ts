// The one builder of a Plan (transaction/plan.ts): pieces joined in order, and every path a plan
// changes in `touches`, so that nothing it changes is missing from the backup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan, planIsEmpty, type PlannedFile } from '../../../src/transaction/plan.js';

const file = (path: string): PlannedFile => ({ path, content: 'x\n', mode: 0o644, secret: false });

describe('buildPlan', () => {
  it('no piece: an empty plan for the config dir, without the optional fields', () => {
    assert.deepEqual(buildPlan('/etc/postfix'), {
      configDir: '/etc/postfix',
      settings: [],
      removeSettings: [],
      files: [],
      deletes: [],
      commands: [],
      touches: [],
    });
    assert.deepEqual(buildPlan('/etc/postfix', undefined, {}), buildPlan('/etc/postfix'));
  });

  it('joins the pieces in their order', () => {
    const plan = buildPlan(
      '/etc/postfix',
      {
        settings: [{ name: 'relayhost', from: '', to: '[smtp.gmail.com]:587' }],
        files: [file('/etc/postfix/sasl_passwd')],
        commands: [{ file: 'postmap', args: ['a'] }],
      },
      undefined,
      {
        settings: [{ name: 'smtp_sasl_auth_enable', from: 'no', to: 'yes' }],
        files: [file('/etc/postfix/generic')],
        commands: [{ file: 'postmap', args: ['b'] }],
        removeSettings: ['smtp_use_tls'],
      },
    );
    assert.deepEqual(
      plan.settings.map((s) => s.name),
      ['relayhost', 'smtp_sasl_auth_enable'],
    );
    assert.deepEqual(
      plan.files.map((f) => f.path),
      ['/etc/postfix/sasl_passwd', '/etc/postfix/generic'],
    );
    assert.deepEqual(
      plan.commands.map((c) => c.args[0]),
      ['a', 'b'],
    );
    assert.deepEqual(plan.removeSettings, ['smtp_use_tls']);
  });

  it('touches main.cf first when a setting changes or goes, master.cf for its -o edits, and every file written or deleted, once', () => {
    const plan = buildPlan('/etc/postfix/', {
      settings: [{ name: 'relayhost', from: '', to: 'x' }],
      files: [file('/etc/postfix/sasl_passwd')],
      deletes: ['/etc/postfix/old', '/etc/postfix/sasl_passwd'],
      touches: ['/etc/postfix/sasl_passwd.db'],
      masterRemovals: ['smtp/unix/smtp_tls_security_level'],
    });
    assert.deepEqual(plan.touches, [
      '/etc/postfix/main.cf',
      '/etc/postfix/sasl_passwd.db',
      '/etc/postfix/master.cf',
      '/etc/postfix/sasl_passwd',
      '/etc/postfix/old',
    ]);
    assert.deepEqual(buildPlan('/etc/postfix', { removeSettings: ['smtp_use_tls'] }).touches, ['/etc/postfix/main.cf']);
    assert.deepEqual(buildPlan('/etc/postfix', { masterSettings: ['smtp/unix/x=y'] }).touches, [
      '/etc/postfix/master.cf',
    ]);
    assert.deepEqual(
      buildPlan('/etc/postfix', { files: [file('/etc/aliases')] }).touches,
      ['/etc/aliases'],
      'no setting: main.cf is not touched',
    );
  });

  it('optional lists are joined only where a piece has one; restart from any piece', () => {
    const plan = buildPlan(
      '/etc/postfix',
      { secretFiles: ['/etc/postfix/sasl_passwd'] },
      { secretFiles: ['/etc/postfix/sasl_passwd.db'], restart: true },
      { restart: false },
    );
    assert.deepEqual(plan.secretFiles, ['/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db']);
    assert.equal(plan.restart, true);
    assert.ok(!('secretFixes' in plan) && !('masterRemovals' in plan));
    // Only what the transaction executes: the notes for the reader are flow/plan's (PlanNotes).
    assert.deepEqual(Object.keys(plan).sort(), [
      'commands',
      'configDir',
      'deletes',
      'files',
      'removeSettings',
      'restart',
      'secretFiles',
      'settings',
      'touches',
    ]);
  });
});

describe('buildPlan: a parameter or file named by two pieces', () => {
  it('is taken out once (postconf -X with a name twice crashes Postfix 3.7, and remove rolled back)', () => {
    const plan = buildPlan(
      '/etc/postfix',
      { removeSettings: ['sender_dependent_relayhost_maps', 'relayhost'], deletes: ['/etc/postfix/sender_relay'] },
      { removeSettings: ['sender_dependent_relayhost_maps'], deletes: ['/etc/postfix/sender_relay'] },
    );
    assert.deepEqual(plan.removeSettings, ['sender_dependent_relayhost_maps', 'relayhost']);
    assert.deepEqual(plan.deletes, ['/etc/postfix/sender_relay']);
  });
});

describe('planIsEmpty', () => {
  it('a plan that only names paths (touches) changes nothing', () => {
    assert.equal(planIsEmpty(buildPlan('/etc/postfix')), true);
    assert.equal(
      planIsEmpty(
        buildPlan('/etc/postfix', { touches: ['/etc/postfix/main.cf'], secretFiles: ['/x'], masterRemovals: [] }),
      ),
      true,
    );
  });
  it('any setting, file, delete, command, secret fix or master.cf edit is a change', () => {
    const pieces = [
      { settings: [{ name: 'a', from: '', to: 'b' }] },
      { removeSettings: ['a'] },
      { files: [file('/x')] },
      { deletes: ['/x'] },
      { commands: [{ file: 'postmap', args: [] }] },
      { secretFixes: [{ path: '/x', mode: 0o644, action: 'chmod' as const }] },
      { masterRemovals: ['smtp/unix/a'] },
      { masterSettings: ['smtp/unix/a=b'] },
    ];
    for (const piece of pieces)
      assert.equal(planIsEmpty(buildPlan('/etc/postfix', piece)), false, JSON.stringify(piece));
  });
});
