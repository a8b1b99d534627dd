// The plan parts for a hand-made relay (src/flow/plan/legacy-plan.ts) and status's reading of its
// queue (src/flow/status-legacy.ts): pure functions, fed with the seed recipe's values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planLegacy, retiredMapFiles } from '../../../../src/flow/plan/legacy-plan.js';
import { deferredReasons, levelFromObsolete } from '../../../../src/commands/status-legacy.js';
import type { PasswordMapFacts } from '../../../../src/flow/types.js';
import { legacySettings } from '../../../../src/postfix/legacy-settings.js';
import { parseQueueJson } from '../../../../src/postfix/queue.js';

const seed = legacySettings({ smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', disable_dns_lookups: 'yes' }, { pathKinds: { '/etc/ssl/certs/ca-certificates.crt': 'file' } });

describe('planLegacy', () => {
  it('the plan\'s own values win; the rest of the replacements are set; the old values are kept for remove', () => {
    const part = planLegacy(seed, { smtp_tls_security_level: 'secure', smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt' });
    assert.deepEqual(part.settings, { smtp_dns_support_level: 'disabled' });
    assert.deepEqual(part.removeSettings.sort(), ['disable_dns_lookups', 'smtp_tls_CApath', 'smtp_use_tls']);
    assert.deepEqual(part.removed, { smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', disable_dns_lookups: 'yes' });
    assert.equal(part.shown.length, 3);
  });

  it('nothing to do on a clean main.cf', () => {
    assert.deepEqual(planLegacy([], { smtp_tls_security_level: 'secure' }), { settings: {}, removeSettings: [], removed: {}, shown: [] });
    assert.deepEqual(planLegacy(undefined, {}).removeSettings, []);
  });
});

describe('retiredMapFiles', () => {
  const map = (over: Partial<PasswordMapFacts>): PasswordMapFacts => ({
    type: 'hash', path: '/etc/postfix/saslpass', mode: 0o644, uid: 0, compiledCurrent: true,
    compiled: [{ path: '/etc/postfix/saslpass.db', mode: 0o644, uid: 0 }], ...over,
  });
  it('the source and its compiled files, when only smtp_sasl_password_maps named them', () => {
    assert.deepEqual(retiredMapFiles(map({}), '/etc/postfix/'), ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db']);
  });
  it('none while something else names it, or outside the config directory (restore does not write there)', () => {
    assert.deepEqual(retiredMapFiles(map({ namedElsewhere: true }), '/etc/postfix'), []);
    assert.deepEqual(retiredMapFiles(map({ path: '/root/saslpass', compiled: [] }), '/etc/postfix'), []);
    assert.deepEqual(retiredMapFiles(undefined, '/etc/postfix'), []);
  });
  it('only the compiled file when the source is already gone', () => {
    assert.deepEqual(retiredMapFiles(map({ mode: undefined }), '/etc/postfix'), ['/etc/postfix/saslpass.db']);
  });
});

describe('status on a hand-made relay', () => {
  const line = (id: string, queue: string, reason: string) => JSON.stringify({ queue_name: queue, queue_id: id, arrival_time: 1, sender: 'root@vm', recipients: [{ address: 'a@b', delay_reason: reason }] });
  it('groups the deferred messages by the diagnosis the test send uses', () => {
    const queue = parseQueueJson([
      line('A1', 'deferred', 'SASL authentication failed; server x[1.2.3.4] said: 535-5.7.8 Username and Password not accepted.'),
      line('A2', 'deferred', 'SASL authentication failed; server x[1.2.3.4] said: 535-5.7.8 Username and Password not accepted.'),
      line('A3', 'deferred', 'connect to x[1.2.3.4]:587: Connection refused'),
      line('A4', 'active', 'whatever'),
    ].join('\n'));
    assert.deepEqual(deferredReasons(queue).map((r) => [r.code, r.count]), [['auth-bad-credentials', 2], ['connect-refused', 1]]);
  });
  it('names the obsolete switch that gives main.cf\'s level, only while smtp_tls_security_level is unset', () => {
    assert.equal(levelFromObsolete({ legacy: seed, settings: { smtp_tls_security_level: '' } }), 'smtp_use_tls = yes');
    assert.equal(levelFromObsolete({ legacy: seed, settings: { smtp_tls_security_level: 'may' } }), undefined);
    assert.equal(levelFromObsolete({ legacy: [], settings: {} }), undefined);
  });
});

describe('the plan on screen', () => {
  it('the summary and the full plan name the superseded settings and the retired map (once)', async () => {
    const { renderSummary } = await import('../../../../src/ui/plan-summary.js');
    const { renderPlan } = await import('../../../../src/ui/plan-view.js');
    const plan = {
      configDir: '/etc/postfix', settings: [{ name: 'smtp_tls_security_level', from: '', to: 'secure' }], removeSettings: ['smtp_use_tls'], files: [],
      deletes: ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db'], commands: [], touches: [],
      legacy: seed.slice(0, 1), retiredMap: { path: '/etc/postfix/saslpass', files: ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db'] },
    };
    const summary = renderSummary(plan);
    assert.match(summary, /Superseded by this setup \(hand-made settings\): smtp_use_tls/);
    assert.match(summary, /old password map \/etc\/postfix\/saslpass is replaced and deleted/);
    const full = renderPlan(plan);
    assert.match(full, /smtp_use_tls = yes: obsolete .*; instead: smtp_tls_security_level = secure/);
    assert.equal(full.split('- /etc/postfix/saslpass.db').length - 1, 1, full);
  });
});
