// plan() on the facts detect finds on the fake Debian 12 ("Local only"): the settings that send
// mail through the relay, the password map 0600 (masked where shown), postmap; a re-run that keeps
// the stored password, and a switch of account, as the plan sees them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plan as makePlan, passwordPlaceholder } from '../../../src/flow/plan/plan.js';
import { planIsEmpty } from '../../../src/transaction/plan.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { allTemplates, detected, gmailAnswers, stepPassword } from '../../support/step-context.js';

const configured = [
  'relayhost = [smtp.gmail.com]:587',
  'smtp_sasl_auth_enable = yes',
  'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd',
  'smtp_sasl_tls_security_options = noanonymous',
  'smtp_tls_security_level = secure',
  'smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt',
  'default_transport = smtp',
  'relay_transport = relay',
  'smtp_tls_mandatory_protocols = >=TLSv1.2',
  'smtp_sasl_auth_cache_name = proxy:hash:/var/lib/postfix/sasl_auth_cache',
  'smtp_sasl_auth_cache_time = 1d',
  '',
].join('\n');

async function facts(mainCf?: string, map?: string) {
  const sys = new FakeSystem();
  installFakePostfix(sys, mainCf === undefined ? {} : { mainCf });
  if (map !== undefined) {
    sys.put('/etc/postfix/sasl_passwd', map, 0o600);
    sys.clock += 1;
    sys.put('/etc/postfix/sasl_passwd.db', `compiled:${map}`, 0o600);
  }
  return detected(sys);
}

describe('plan', () => {
  it('a fresh "Local only" install: relay settings, the error transports replaced, the map 0600 masked, postmap', async () => {
    const plan = makePlan(await facts(), gmailAnswers(), await allTemplates());
    const settings = Object.fromEntries(plan.settings.map((s) => [s.name, s.to]));
    assert.equal(settings.relayhost, '[smtp.gmail.com]:587');
    assert.equal(settings.smtp_tls_security_level, 'secure');
    assert.equal(settings.smtp_sasl_password_maps, 'hash:/etc/postfix/sasl_passwd');
    assert.deepEqual([settings.default_transport, settings.relay_transport], ['smtp', 'relay']);
    const [map] = plan.files;
    assert.deepEqual(
      [plan.files.length, map?.path, map?.mode, map?.secret],
      [1, '/etc/postfix/sasl_passwd', 0o600, true],
    );
    assert.match(
      String(map?.content ?? ''),
      new RegExp(`^\\[smtp\\.gmail\\.com\\]:587 someone@gmail\\.com:${stepPassword}$`, 'm'),
    );
    assert.ok(map?.shown?.includes('someone@gmail.com:********') && !map.shown.includes(stepPassword), map?.shown);
    assert.deepEqual(
      plan.commands.map((c) => [c.file, ...c.args].join(' ')),
      ['postmap hash:/etc/postfix/sasl_passwd'],
    );
    assert.ok(plan.secretFiles?.includes('/etc/postfix/sasl_passwd.db'));
  });

  it('--dry-run without a password: the placeholder, never an empty password', async () => {
    const plan = makePlan(await facts(), gmailAnswers({ credential: undefined }), await allTemplates());
    assert.ok(
      String(plan.files[0]?.content).includes(`someone@gmail.com:${passwordPlaceholder}`),
      String(plan.files[0]?.content),
    );
  });

  it('configured already, same account, password kept from the map: an empty plan', async () => {
    const plan = makePlan(
      await facts(configured, `[smtp.gmail.com]:587 someone@gmail.com:${stepPassword}\n`),
      gmailAnswers({ credential: undefined }),
      await allTemplates(),
    );
    assert.ok(planIsEmpty(plan), JSON.stringify(plan));
  });

  it('configured, another account: only the map changes (and postmap), main.cf stays', async () => {
    const plan = makePlan(
      await facts(configured, `[smtp.gmail.com]:587 someone@gmail.com:${stepPassword}\n`),
      gmailAnswers({ account: 'other@gmail.com', credential: { password: 'ponmlkjihgfedcba', source: 'stdin' } }),
      await allTemplates(),
    );
    assert.deepEqual(plan.settings, []);
    assert.deepEqual(
      plan.files.map((f) => [f.path, f.previous?.includes('someone@gmail.com')]),
      [['/etc/postfix/sasl_passwd', true]],
    );
    assert.match(String(plan.files[0]?.content ?? ''), /other@gmail\.com:ponmlkjihgfedcba/);
    assert.deepEqual(
      plan.commands.map((c) => c.file),
      ['postmap'],
    );
  });
});
