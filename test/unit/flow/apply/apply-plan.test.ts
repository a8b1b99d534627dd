// outcome.changed, read from the plan alone (flow/apply/apply-plan.ts): the one derivation setup,
// remove, remove --account, restore and doctor --fix report in --json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedBy } from '../../../../src/flow/apply/apply-plan.js';
import { buildPlan } from '../../../../src/transaction/plan.js';

const dir = '/etc/postfix';

describe('changedBy', () => {
  it('an empty plan changed nothing', () => {
    assert.deepEqual(changedBy(buildPlan(dir)), { settings: [], files: [], commands: [] });
  });

  it('every setting set or taken out, main.cf and master.cf, by name', () => {
    const plan = buildPlan(dir, {
      settings: [{ name: 'relayhost', from: '', to: '[smtp.gmail.com]:587' }],
      removeSettings: ['smtp_sasl_security_options'],
      masterSettings: ['smtp/unix/smtp_tls_security_level=encrypt'],
      masterRemovals: ['relay/unix/smtp_tls_security_level'],
    });
    assert.deepEqual(changedBy(plan).settings, [
      'smtp_sasl_security_options',
      'relayhost',
      'smtp/unix/smtp_tls_security_level',
      'relay/unix/smtp_tls_security_level',
    ]);
    assert.deepEqual(changedBy(plan).commands, ['postconf -e', 'postconf -X', 'postconf -PX', 'postconf -P']);
  });

  it('files written, deleted and made root-only, each once; commands in the order they run', () => {
    const plan = buildPlan(dir, {
      files: [{ path: `${dir}/sasl_passwd`, content: 'x', mode: 0o600, secret: true }],
      deletes: [`${dir}/sender_relay`, `${dir}/sender_relay.db`],
      secretFixes: [
        { path: `${dir}/sasl_passwd`, mode: 0o644, action: 'chmod' },
        { path: `${dir}/sasl_passwd.db`, mode: 0o644, action: 'remove' },
      ],
      commands: [
        { file: 'postmap', args: ['hash:/etc/postfix/sasl_passwd'], purpose: 'hash:/etc/postfix/sasl_passwd' },
        { file: 'newaliases', args: [], purpose: 'aliases' },
      ],
    });
    const changed = changedBy(plan);
    assert.deepEqual(changed.files, [
      `${dir}/sasl_passwd`,
      `${dir}/sender_relay`,
      `${dir}/sender_relay.db`,
      `${dir}/sasl_passwd.db`,
    ]);
    assert.deepEqual(changed.commands, ['postmap', 'newaliases']);
    assert.deepEqual(changed.settings, []);
  });
});
