// The plan parts for a hand-made relay (src/flow/plan/legacy-plan.ts): pure functions, fed with the
// seed recipe's values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planLegacy, retiredMapFiles } from '../../../../src/flow/plan/legacy-plan.js';
import type { PasswordMapFacts } from '../../../../src/flow/types.js';
import { legacySettings } from '../../../../src/postfix/legacy-settings.js';

const seed = legacySettings(
  { smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', disable_dns_lookups: 'yes' },
  { pathKinds: { '/etc/ssl/certs/ca-certificates.crt': 'file' } },
);

describe('planLegacy', () => {
  it("the plan's own values win; the rest of the replacements are set; the old values are kept for remove", () => {
    const part = planLegacy(seed, {
      smtp_tls_security_level: 'secure',
      smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
    });
    assert.deepEqual(part.settings, { smtp_dns_support_level: 'disabled' });
    assert.deepEqual(part.removeSettings.sort(), ['disable_dns_lookups', 'smtp_tls_CApath', 'smtp_use_tls']);
    assert.deepEqual(part.removed, {
      smtp_use_tls: 'yes',
      smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt',
      disable_dns_lookups: 'yes',
    });
    assert.equal(part.shown.length, 3);
  });

  it('nothing to do on a clean main.cf', () => {
    assert.deepEqual(planLegacy([], { smtp_tls_security_level: 'secure' }), {
      settings: {},
      removeSettings: [],
      removed: {},
      shown: [],
    });
    assert.deepEqual(planLegacy(undefined, {}).removeSettings, []);
  });
});

describe('retiredMapFiles', () => {
  const map = (over: Partial<PasswordMapFacts>): PasswordMapFacts => ({
    type: 'hash',
    path: '/etc/postfix/saslpass',
    mode: 0o644,
    uid: 0,
    compiledCurrent: true,
    compiled: [{ path: '/etc/postfix/saslpass.db', mode: 0o644, uid: 0 }],
    ...over,
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
