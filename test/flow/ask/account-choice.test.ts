// askAccountChoice called with the narrowed context it declares (sys, ui, options, readStdin, warnings):
// flags first and checked before anything is read; headless, every missing flag at once; a re-run's
// menu of the current account, the keychain's accounts for this relay, and the sender accounts.
// The password is never shown, and nothing here logs in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askAccountChoice, currentCredential } from '../../../src/flow/ask/account-choice.js';
import { keychainState } from '../../../src/flow/keychain/keychain-state.js';
import type { PostfixFacts } from '../../../src/flow/types.js';
import { UsageError } from '../../../src/errors.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { t } from '../../../src/ui/messages.js';
import { A, B, PW_A, PW_B } from '../../support/credential-machine.js';
import { FakeSystem } from '../../support/fake-system.js';
import type { Answer } from '../../support/scripted-ui.js';
import { stepContext } from '../../support/step-context.js';

const C = 'third@gmail.com';
const RELAY = '[smtp.gmail.com]:587';
const postfix = (map?: string): PostfixFacts =>
  ({
    configDir: '/etc/postfix',
    isDefaultInstance: true,
    defaultMapType: 'hash',
    settings: { relayhost: map ? RELAY : '' },
    explicit: [],
    currentAccount: map ? A : undefined,
    passwordMap: map
      ? { type: 'hash', path: '/etc/postfix/sasl_passwd', content: map, compiledCurrent: true, compiled: [] }
      : undefined,
  }) as unknown as PostfixFacts;
const configured = postfix(`${RELAY} ${A}:${PW_A}\n`);

async function choose(
  argv: string[],
  facts: PostfixFacts,
  setup: { answers?: Answer[]; headless?: boolean; stdin?: string; sys?: FakeSystem } = {},
  senders?: string[],
) {
  const ctx = stepContext(argv, setup);
  const keychain = await keychainState(ctx);
  let offered: string[] = [];
  const select = ctx.ui.select.bind(ctx.ui);
  ctx.ui.select = async (q) => ((offered = q.options.map((o) => String(o.value))), select(q));
  const chosen = await askAccountChoice(ctx, facts, defaultRelay, keychain, senders);
  assert.ok(!ctx.ui.transcript.includes(PW_A) && !ctx.ui.transcript.includes(PW_B), 'no password on screen');
  assert.deepEqual(ctx.sys.authChecks, [], 'choosing an account logs in nowhere');
  return { ctx, chosen, offered };
}

const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('not refused'),
    (e: unknown) => (assert.ok(e instanceof UsageError, String(e)), e),
  );

describe('flow/ask/account-choice: flags first', () => {
  it('--account, --to and --password-stdin: used as given, nothing asked, the account returned', async () => {
    const { ctx, chosen } = await choose(
      ['--account', B, '--to', 'friend@example.com', '--password-stdin'],
      configured,
      { headless: true, stdin: `${PW_B}\n` },
      ['@ops.example'],
    );
    assert.deepEqual(chosen, {
      account: B,
      to: 'friend@example.com',
      choice: 'given',
      senders: ['@ops.example'],
      given: { password: PW_B, source: 'stdin' },
    });
    assert.deepEqual(ctx.ui.asked, []);
  });

  it('the test goes to the account itself unless --to says otherwise', async () => {
    const { chosen } = await choose(['--account', B], configured, { headless: true });
    assert.deepEqual([chosen.to, chosen.given], [B, undefined]);
  });

  it('a bad --account is refused (exit 2) before the password is read', async () => {
    const sys = new FakeSystem();
    let stdinRead = false;
    const ctx = stepContext(['--account', 'not-an-address', '--password-stdin'], { sys, headless: true });
    ctx.readStdin = async () => ((stdinRead = true), `${PW_A}\n`);
    const error = await refused(askAccountChoice(ctx, configured, defaultRelay, await keychainState(ctx)));
    assert.equal(error.code, 'invalid-account');
    assert.equal(stdinRead, false);
  });

  it('headless without --account: every missing flag named at once', async () => {
    const error = await refused(choose([], configured, { headless: true }));
    assert.equal(error.code, 'missing-answers');
    assert.equal(
      error.message,
      t('ask.missing', { flags: ['--account ADDR', t('ask.passwordFlags'), '--yes'].join(', ') }),
    );
    assert.equal(error.fix, t('ask.missingFix'));
    // At a terminal with the output piped (| tee log), "run the wizard in a terminal" alone is no help.
    assert.match(error.fix ?? '', /standard input nor standard output piped or redirected/);
  });
});

describe('flow/ask/account-choice: interactive', () => {
  it('a first run with nothing stored: the address asked, a new account', async () => {
    const { ctx, chosen, offered } = await choose([], postfix(), { answers: [` ${C} `] });
    assert.deepEqual(chosen, { account: C, to: C, choice: 'new' });
    assert.deepEqual([ctx.ui.asked, offered], [[t('ask.account')], []]);
  });

  it('a re-run with nothing to switch to: Enter keeps the current account; another address is a new one', async () => {
    const keep = await choose([], configured, { answers: [''] });
    assert.deepEqual([keep.chosen.account, keep.chosen.choice], [A, 'keep']);
    assert.ok(keep.ctx.ui.transcript.includes(t('choice.keepOrType', { account: A })), keep.ctx.ui.transcript);
    const other = await choose([], configured, { answers: [C] });
    assert.deepEqual([other.chosen.account, other.chosen.choice], [C, 'new']);
  });

  it("the menu offers the keychain's addresses for this relay only, and switches without asking for the address", async () => {
    const sys = new FakeSystem();
    for (const key of [A, B, `${C} [smtp-relay.gmail.com]:587`, 'not an address']) sys.secrets.set(key, PW_B);
    const { ctx, chosen, offered } = await choose([], configured, { sys, answers: [`switch:${B}`] });
    assert.deepEqual(offered, ['keep', `switch:${B}`, 'new', 'senders']);
    assert.deepEqual(chosen, { account: B, to: B, choice: 'switch' });
    assert.deepEqual(ctx.ui.asked, [t('choice.question')]);
    assert.ok(ctx.ui.transcript.includes(t('choice.current', { account: A })), 'the current account is named');
  });

  it('"some senders only": the address and the list asked; a bad list is shown and asked again', async () => {
    const sys = new FakeSystem();
    sys.secrets.set(B, PW_B);
    const { ctx, chosen } = await choose([], configured, {
      sys,
      answers: ['senders', C, 'a@x.example,a@x.example', 'a@x.example, @y.example'],
    });
    assert.deepEqual(chosen, { account: C, to: C, choice: 'senders', senders: ['a@x.example', '@y.example'] });
    assert.deepEqual(ctx.ui.asked, [t('choice.question'), t('ask.account'), t('accounts.askSenders')]);
    assert.match(ctx.ui.transcript, /invalid: .*a@x\.example twice/);
  });

  it('a sender account can be removed from the menu: its name returned as a removal', async () => {
    const facts = postfix(`${RELAY} ${A}:${PW_A}\nalerts@ops.example ${B}:${PW_B}\n`);
    const { chosen, offered } = await choose([], facts, { answers: [`remove:${B}`] });
    assert.deepEqual(offered, ['keep', 'new', 'senders', `remove:${B}`]);
    assert.deepEqual(chosen, { account: B, to: B, choice: 'remove' });
  });

  it('a hand-written map with no address before the colon offers no current account', async () => {
    const facts = { ...postfix(`${RELAY} cron:${PW_A}\n`), currentAccount: 'cron' };
    const { ctx, chosen } = await choose([], facts, { answers: [C] });
    assert.equal(chosen.choice, 'new');
    assert.doesNotMatch(ctx.ui.transcript, /cron/);
  });
});

describe('flow/ask/account-choice: currentCredential', () => {
  it("the map's account and password for exactly this relay, else nothing", () => {
    assert.deepEqual(currentCredential(configured, defaultRelay), { account: A, password: PW_A });
    assert.equal(currentCredential(configured, { ...defaultRelay, port: 465, implicitTls: true }), undefined);
    assert.equal(currentCredential(postfix(), defaultRelay), undefined);
    assert.equal(currentCredential(postfix(`${RELAY} cron:${PW_A}\n`), defaultRelay), undefined);
  });
});
