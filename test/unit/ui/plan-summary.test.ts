// The plan's summary on screen (ui/plan-summary.ts, with the full plan beside it): superseded
// settings and a retired password map.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legacySettings } from '../../../src/postfix/legacy-settings.js';

const seed = legacySettings(
  { smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', disable_dns_lookups: 'yes' },
  { pathKinds: { '/etc/ssl/certs/ca-certificates.crt': 'file' } },
);

describe('the plan on screen', () => {
  it('the summary and the full plan name the superseded settings and the retired map (once)', async () => {
    const { renderSummary } = await import('../../../src/ui/plan-summary.js');
    const { renderPlan } = await import('../../../src/ui/plan-view.js');
    const plan = {
      configDir: '/etc/postfix',
      settings: [{ name: 'smtp_tls_security_level', from: '', to: 'secure' }],
      removeSettings: ['smtp_use_tls'],
      files: [],
      deletes: ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db'],
      commands: [],
      touches: [],
      views: {},
      notes: {
        legacy: seed.slice(0, 1),
        retiredMap: { path: '/etc/postfix/saslpass', files: ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db'] },
      },
    };
    const summary = renderSummary(plan);
    assert.match(summary, /Superseded by this setup \(hand-made settings\): smtp_use_tls/);
    assert.match(summary, /old password map \/etc\/postfix\/saslpass is replaced and deleted/);
    const full = renderPlan(plan);
    assert.match(full, /smtp_use_tls = yes: obsolete .*; instead: smtp_tls_security_level = secure/);
    assert.equal(full.split('- /etc/postfix/saslpass.db').length - 1, 1, full);
  });
});
