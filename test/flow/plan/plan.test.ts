// plan() on the facts detect finds on the fake Debian 12 ("Local only"): the settings that send
// mail through the relay, the password map 0600 (masked where shown), postmap; a re-run that keeps
// the stored password, and a switch of account, as the plan sees them.
// The setup plan (flow/plan/plan.ts) with several accounts: the password map, the sender relay map
// and their settings; the password map template without sender accounts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plan as makePlan, passwordPlaceholder } from '../../../src/flow/plan/plan.js';
import { planIsEmpty } from '../../../src/transaction/plan.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { allTemplates, detected, gmailAnswers, stepPassword } from '../../support/step-context.js';
import { plan, renderPasswordMap } from '../../../src/flow/plan/plan.js';
import type { Answers, HostFacts, PostfixFacts } from '../../../src/flow/types.js';
import { defaultMap, postfixFacts, RELAY, relay, templates } from '../../unit/flow/plan/accounts-fixture.js';

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
    const shown = plan.views['/etc/postfix/sasl_passwd']?.shown;
    assert.ok(shown?.includes('someone@gmail.com:********') && !shown.includes(stepPassword), shown);
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
      plan.files.map((f) => [f.path, plan.views[f.path]?.previous?.includes('someone@gmail.com')]),
      [['/etc/postfix/sasl_passwd', true]],
    );
    assert.match(String(plan.files[0]?.content ?? ''), /other@gmail\.com:ponmlkjihgfedcba/);
    assert.deepEqual(
      plan.commands.map((c) => c.file),
      ['postmap'],
    );
  });
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  describe('the plan with several accounts', () => {
    const answers = (over: Partial<Answers> = {}): Answers => ({
      account: 'billing@company.example',
      credential: { password: 'eeeeffffgggghhhh', source: 'stdin' },
      relay,
      caFile: '/etc/ssl/certs/ca-certificates.crt',
      to: 'billing@company.example',
      senders: ['billing@company.example', '@invoices.example'],
      ...over,
    });
    const facts = (postfix: PostfixFacts): HostFacts =>
      ({
        os: { id: 'debian', idLike: [], versionId: '12', name: 'Debian' },
        distro: { name: 'debian' },
        isRoot: true,
        postfix,
        saslPlugins: { plain: true, login: true },
      }) as unknown as HostFacts;

    it('--senders keeps the default entry, adds one line per sender, the relay map and the two settings; the diff hides every password', () => {
      const postfix = postfixFacts(defaultMap, { smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd' });
      const p = plan(facts(postfix), answers(), templates);
      const map = p.files.find((f) => f.path === '/etc/postfix/sasl_passwd');
      assert.ok(map?.secret);
      assert.equal(map.mode, 0o600);
      const lines = String(map.content)
        .split('\n')
        .filter((l) => l && !l.startsWith('#'));
      assert.deepEqual(lines, [
        `${RELAY} me@gmail.com:aaaabbbbccccdddd`,
        'billing@company.example billing@company.example:eeeeffffgggghhhh',
        '@invoices.example billing@company.example:eeeeffffgggghhhh',
      ]);
      const shown = p.views[map.path]?.shown;
      assert.ok(shown && !shown.includes('aaaabbbb') && !shown.includes('eeeeffff'), shown);
      const relayMap = p.files.find((f) => f.path === '/etc/postfix/sender_relay');
      assert.equal(relayMap?.secret, false);
      assert.deepEqual(
        String(relayMap?.content)
          .split('\n')
          .filter((l) => l && !l.startsWith('#')),
        [`billing@company.example ${RELAY}`, `@invoices.example ${RELAY}`],
      );
      const settings = Object.fromEntries(p.settings.map((s) => [s.name, s.to]));
      assert.equal(settings.smtp_sender_dependent_authentication, 'yes');
      assert.equal(settings.sender_dependent_relayhost_maps, 'hash:/etc/postfix/sender_relay');
      assert.deepEqual(p.commands.map((c) => c.args.at(-1)).sort(), [
        'hash:/etc/postfix/sasl_passwd',
        'hash:/etc/postfix/sender_relay',
      ]);
      assert.ok(p.touches.includes('/etc/postfix/sender_relay.db'));
    });

    it('the same --senders on what it wrote plans nothing for the maps', () => {
      const first = plan(
        facts(postfixFacts(defaultMap, { smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd' })),
        answers(),
        templates,
      );
      const content = String(first.files[0]!.content);
      const relayContent = String(first.files.find((f) => f.path.endsWith('sender_relay'))!.content);
      const after = postfixFacts(
        content,
        {
          smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd',
          smtp_sender_dependent_authentication: 'yes',
          sender_dependent_relayhost_maps: 'hash:/etc/postfix/sender_relay',
        },
        ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps'],
      );
      after.senderRelayMap = {
        type: 'hash',
        path: '/etc/postfix/sender_relay',
        content: relayContent,
        mode: 0o644,
        uid: 0,
        compiledCurrent: true,
        compiled: [],
      };
      const again = plan(facts(after), answers(), templates);
      assert.deepEqual(
        again.files.map((f) => f.path).filter((p) => /sasl_passwd|sender_relay/.test(p)),
        [],
      );
      assert.deepEqual(
        again.settings.filter((s) => s.name.includes('sender')),
        [],
      );
      // A run for the default account (no --senders) keeps the sender entries.
      const rerun = plan(
        facts(after),
        answers({
          account: 'me@gmail.com',
          credential: { password: 'mmmmnnnnoooopppp', source: 'stdin' },
          senders: undefined,
        }),
        templates,
      );
      assert.match(String(rerun.files[0]!.content), /^@invoices\.example billing@company\.example:eeeeffffgggghhhh$/m);
      assert.match(String(rerun.files[0]!.content), /^\[smtp\.gmail\.com\]:587 me@gmail\.com:mmmmnnnnoooopppp$/m);
    });

    it('the password map template without sender accounts is what it always was', () => {
      const text = renderPasswordMap(templates.sasl_passwd, postfixFacts(), {
        account: 'me@gmail.com',
        password: 'pw',
        relay,
      });
      assert.deepEqual(
        text.split('\n').filter((l) => l && !l.startsWith('#')),
        [`${RELAY} me@gmail.com:pw`],
      );
      assert.ok(!text.includes('Sender-dependent'));
    });
  });
});
