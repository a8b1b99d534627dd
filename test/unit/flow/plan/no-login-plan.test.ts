// --auth none's plan (flow/plan/no-login-plan.ts through plan.ts): no SASL settings, no password
// map written, a map the wizard left earlier deleted (it holds a password), the TLS level secure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plan } from '../../../../src/flow/plan/plan.js';
import type { Answers, HostFacts, PostfixFacts } from '../../../../src/flow/types.js';
import { defaultMap, postfixFacts, relay, templates } from './accounts-fixture.js';

const facts = (postfix: PostfixFacts): HostFacts =>
  ({
    os: { id: 'debian', idLike: [], versionId: '12', name: 'Debian' },
    distro: { name: 'debian' },
    isRoot: true,
    postfix,
    saslPlugins: { plain: true, login: true },
  }) as unknown as HostFacts;
const answers: Answers = {
  account: 'ops@company.example',
  relay,
  auth: 'none',
  caFile: '/etc/ssl/certs/ca-certificates.crt',
  to: 'ops@company.example',
};

describe('the plan of --auth none', () => {
  it('a fresh machine: relayhost and the verified TLS level, no SASL setting, no file with a password', () => {
    const p = plan(facts(postfixFacts()), answers, templates);
    const settings = Object.fromEntries(p.settings.map((s) => [s.name, s.to]));
    assert.equal(settings.smtp_tls_security_level, 'secure');
    assert.equal(settings.smtp_tls_CAfile, '/etc/ssl/certs/ca-certificates.crt');
    assert.deepEqual(
      Object.keys(settings).filter((n) => n.startsWith('smtp_sasl')),
      [],
    );
    assert.deepEqual(
      p.files.filter((f) => f.secret),
      [],
    );
    assert.deepEqual(p.commands, []);
    assert.deepEqual(p.deletes, []);
  });

  it("after an app-password setup: the SASL settings go and the wizard's map (and its .db) is deleted", () => {
    const postfix = postfixFacts(
      defaultMap,
      { smtp_sasl_auth_enable: 'yes', smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd' },
      ['relayhost', 'smtp_sasl_auth_enable', 'smtp_sasl_password_maps'],
    );
    postfix.passwordMap!.compiled = [{ path: '/etc/postfix/sasl_passwd.db', mode: 0o600, uid: 0 }];
    const p = plan(facts(postfix), answers, templates);
    assert.deepEqual(p.removeSettings.sort(), ['smtp_sasl_auth_enable', 'smtp_sasl_password_maps']);
    assert.deepEqual(p.deletes.sort(), ['/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db']);
    assert.ok(p.touches.includes('/etc/postfix/sasl_passwd.db'), 'the deleted map is backed up');
    assert.equal(
      p.files.some((f) => f.path.endsWith('sasl_passwd')),
      false,
    );
  });
});
