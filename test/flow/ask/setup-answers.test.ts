// askSetupAnswers called by itself on a fresh Debian 12 in the recording fake: the ask phase in the
// order a person meets it — the relay's port, the account, the Workspace question, the password —
// and the one pre-flight login, at the relay those answers settled, before the relay options.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askSetupAnswers } from '../../../src/flow/ask/setup-answers.js';
import { WizardError } from '../../../src/errors.js';
import type { RelayProbe } from '../../../src/system/types.js';
import { t } from '../../../src/ui/messages.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import type { Answer } from '../../support/scripted-ui.js';
import { detected, stepContext, stepPassword } from '../../support/step-context.js';

const WORKSPACE = 'admin@example.org';
const reachable: RelayProbe = { addresses: [{ family: 4, address: '142.250.102.109', ok: true }] };
const timedOut: RelayProbe = {
  addresses: [{ family: 4, address: '142.250.102.109', ok: false, errorCode: 'ETIMEDOUT' }],
};

/** A fresh Debian whose events (each question, each login) land in one list, in the order they happen. */
function machine(blocked587: boolean) {
  const sys = new FakeSystem();
  installFakePostfix(sys);
  const events: string[] = [];
  sys.probeResult = (_host, port) => (blocked587 && port === 587 ? timedOut : reachable);
  sys.authResult = () => (events.push('login'), { ok: true });
  const answer =
    (value: string | boolean): Answer =>
    (message) => (events.push(message), value);
  return { sys, events, answer };
}

describe('flow/ask/setup-answers: the ask phase in order, one pre-flight', () => {
  it('port, account, how to sign in, Workspace question, password, then one login at smtp-relay.gmail.com:465, then the relay options', async () => {
    const { sys, events, answer } = machine(true);
    const ctx = stepContext([], {
      sys,
      answers: [
        answer(true),
        answer(WORKSPACE),
        answer('App password'),
        answer('relay'),
        answer(stepPassword),
        answer('none'),
      ],
    });
    const facts = await detected(sys);
    const settled = {};
    const result = await askSetupAnswers(ctx, facts, facts.postfix, undefined, settled);

    assert.deepEqual(events, [
      t('relay.tryOtherPort', { host: 'smtp.gmail.com', port: 465 }),
      t('ask.account'),
      t('authChoice.question'),
      t('workspace.question'),
      t('ask.password'),
      'login',
      t('senders.question', { host: 'vm' }),
    ]);
    assert.deepEqual(
      sys.authChecks.map((c) => [c.endpoint.host, c.endpoint.port, c.endpoint.implicitTls, c.user]),
      [['smtp-relay.gmail.com', 465, true, WORKSPACE]],
    );
    assert.equal(result.kind, 'answers');
    if (result.kind !== 'answers') return;
    assert.deepEqual(result.answers.relay, { host: 'smtp-relay.gmail.com', port: 465, implicitTls: true });
    assert.deepEqual(
      [result.answers.account, result.answers.to, result.answers.credential],
      [WORKSPACE, WORKSPACE, { password: stepPassword, source: 'typed' }],
    );
    assert.equal(result.answers.options?.mapSenders, false);
    assert.deepEqual(settled, { account: WORKSPACE, relay: 'smtp-relay.gmail.com:465', auth: 'app-password' });
    assert.equal(result.tls.nexthop, '[smtp-relay.gmail.com]:465', 'the TLS table is read again for the settled relay');
    assert.ok(!ctx.ui.transcript.includes(stepPassword));
    assert.deepEqual(sys.writes, []);
  });

  it('a reachable port is not asked about; a Workspace address kept on smtp.gmail.com logs in there, once', async () => {
    const { sys, events, answer } = machine(false);
    const ctx = stepContext([], {
      sys,
      answers: [answer(WORKSPACE), answer('App password'), answer('gmail'), answer(stepPassword), answer('none')],
    });
    const facts = await detected(sys);
    const settled = {};
    const result = await askSetupAnswers(ctx, facts, facts.postfix, undefined, settled);
    assert.deepEqual(events.slice(0, 5), [
      t('ask.account'),
      t('authChoice.question'),
      t('workspace.question'),
      t('ask.password'),
      'login',
    ]);
    assert.deepEqual(
      sys.authChecks.map((c) => [c.endpoint.host, c.endpoint.port]),
      [['smtp.gmail.com', 587]],
    );
    assert.equal(result.kind === 'answers' && result.tls.nexthop, '[smtp.gmail.com]:587');
    assert.deepEqual(settled, { account: WORKSPACE, relay: 'smtp.gmail.com:587', auth: 'app-password' });
  });

  it('headless with every flag: nothing asked, the given password logged in with once', async () => {
    const { sys, events } = machine(false);
    const ctx = stepContext(['--account', 'someone@gmail.com', '--password-stdin', '--yes'], {
      sys,
      headless: true,
      stdin: `${stepPassword}\n`,
    });
    const facts = await detected(sys);
    const settled = {};
    const result = await askSetupAnswers(ctx, facts, facts.postfix, undefined, settled);
    assert.deepEqual(events, ['login']);
    assert.deepEqual(ctx.ui.asked, []);
    assert.equal(result.kind === 'answers' && result.answers.credential?.source, 'stdin');
  });

  it('an unreadable --ca-file: stopped before the account or the password is asked, nothing sent', async () => {
    const { sys, events, answer } = machine(false);
    const ctx = stepContext(['--ca-file', '/nowhere/ca.pem'], { sys, answers: [answer(WORKSPACE)] });
    const facts = await detected(sys);
    const error = await askSetupAnswers(ctx, facts, facts.postfix, undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'invalid-ca-file');
    assert.deepEqual([events, sys.authChecks], [[], []]);
  });

  it('a TLS policy table the wizard cannot edit overrides the relay: stopped before the account or the password is asked', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys, {
      mainCf: 'inet_interfaces = loopback-only\nsmtp_tls_policy_maps = pcre:/etc/postfix/tls_policy.pcre\n',
    });
    const postmap = sys.handlers.get('postmap')!;
    sys.on('postmap', (args, options) =>
      args.includes('-q')
        ? args.includes('[smtp.gmail.com]:587')
          ? { exitCode: 0, stdout: 'encrypt\n', stderr: '' }
          : { exitCode: 1, stdout: '', stderr: '' }
        : postmap(args, options),
    );
    const ctx = stepContext([], { sys, answers: [] });
    const facts = await detected(sys);
    const error = await askSetupAnswers(ctx, facts, facts.postfix, undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'tls-policy-override');
    assert.match(error.message, /pcre:\/etc\/postfix\/tls_policy\.pcre/);
    assert.deepEqual([ctx.ui.asked, sys.authChecks, sys.writes], [[], [], []]);
  });
});

describe('flow/ask/setup-answers: --auth none', () => {
  it('headless: Workspace relay by default, no password asked or sent, the envelope tried once, answers say none', async () => {
    const { sys, events } = machine(false);
    const ctx = stepContext(['--account', WORKSPACE, '--auth', 'none', '--yes'], { sys, headless: true });
    const facts = await detected(sys);
    const settled = {};
    const result = await askSetupAnswers(ctx, facts, facts.postfix, undefined, settled);
    assert.deepEqual(events, [], 'no login');
    assert.deepEqual(
      sys.envelopeChecks.map((c) => [c.endpoint.host, c.endpoint.port, c.check.from, c.check.to, c.check.xoauth2]),
      [['smtp-relay.gmail.com', 587, WORKSPACE, WORKSPACE, undefined]],
    );
    assert.equal(result.kind === 'answers' && result.answers.auth, 'none');
    assert.equal(result.kind === 'answers' && result.answers.credential, undefined);
    assert.deepEqual(settled, { account: WORKSPACE, relay: 'smtp-relay.gmail.com:587', auth: 'none' });
  });

  it('refused by the relay: preflight-relay-address-refused with the address, nothing written', async () => {
    const { sys } = machine(false);
    sys.envelopeResult = () => ({
      ok: false,
      stage: 'mail',
      responseCode: 550,
      response: '550-5.7.1 Invalid credentials for relay [198.51.100.4]. The IP address\n550 5.7.1 x - gsmtp',
    });
    const ctx = stepContext(['--account', WORKSPACE, '--auth', 'none', '--yes'], { sys, headless: true });
    const facts = await detected(sys);
    const error = await askSetupAnswers(ctx, facts, facts.postfix, undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'preflight-relay-address-refused');
    assert.match(error.message, /198\.51\.100\.4/);
    assert.deepEqual(sys.writes, []);
  });
});
