// accounts.ts by itself: the --senders list and whether it fits what is configured, the default
// account read from the wizard's map, and a sender account's password only for its own relay.
// Every refusal is a usage error (exit 2) naming the entry and the fix, and none carries a password.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkGivenSenders,
  checkSendersFit,
  configuredSenderAccounts,
  defaultAccount,
  parseSendersOrThrow,
  sendersProblem,
  storedSenderPassword,
} from '../../../src/flow/ask/accounts.js';
import type { PostfixFacts } from '../../../src/flow/types.js';
import { ExitCode, UsageError } from '../../../src/errors.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { t } from '../../../src/ui/messages.js';

const A = 'someone@gmail.com';
const B = 'other@gmail.com';
const PW_A = 'abcdefghijklmnop';
const PW_B = 'qrstuvwxyzabcdef';
const RELAY = '[smtp.gmail.com]:587';

function postfix(map: string | undefined, path = '/etc/postfix/sasl_passwd', relayhost = RELAY): PostfixFacts {
  return {
    configDir: '/etc/postfix',
    isDefaultInstance: true,
    defaultMapType: 'hash',
    settings: { relayhost },
    explicit: [],
    ...(map === undefined
      ? {}
      : { passwordMap: { type: 'hash', path, content: map, compiledCurrent: true, compiled: [] } }),
  } as unknown as PostfixFacts;
}
const withB = postfix(`${RELAY} ${A}:${PW_A}\nalerts@ops.example ${B}:${PW_B}\n@shop.example ${B}:${PW_B}\n`);

function refusal(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    assert.equal(error.exitCode, ExitCode.usage);
    assert.ok(!`${error.message} ${error.fix}`.includes(PW_A) && !`${error.message} ${error.fix}`.includes(PW_B));
    return error;
  }
  assert.fail('not refused');
}

describe('flow/ask/accounts: the --senders list', () => {
  it('addresses and @domains, trimmed and lower-cased, in the order given', () => {
    assert.deepEqual(parseSendersOrThrow(' Billing@Company.example , @shop.example'), [
      'billing@company.example',
      '@shop.example',
    ]);
    assert.equal(sendersProblem('a@x.example,@y.example'), undefined);
  });

  it('an empty list, a bad entry, a sender twice: each refused with its own code, naming the entry', () => {
    assert.equal(refusal(() => parseSendersOrThrow(' , ')).code, 'invalid-senders');
    const bad = refusal(() => parseSendersOrThrow('a@x.example,not an address'));
    assert.equal(bad.code, 'invalid-senders');
    assert.equal(bad.message, t('accounts.sendersInvalid', { entry: 'not an address' }));
    assert.equal(bad.fix, t('accounts.sendersFix'));
    const twice = refusal(() => parseSendersOrThrow('a@x.example,A@x.example'));
    assert.equal(twice.code, 'duplicate-sender');
    assert.equal(twice.message, t('accounts.sendersDuplicate', { entry: 'a@x.example' }));
  });

  it("the prompt's validate says the same problem, and nothing for a good list", () => {
    assert.equal(
      sendersProblem('[smtp.gmail.com]:587'),
      t('accounts.sendersInvalid', { entry: '[smtp.gmail.com]:587' }),
    );
    assert.equal(sendersProblem(''), t('accounts.sendersEmpty', { entry: '' }));
  });

  it('checkGivenSenders: undefined without --senders, the parsed list with it, a refusal for a bad one', () => {
    assert.equal(checkGivenSenders({ options: {} }), undefined);
    assert.deepEqual(checkGivenSenders({ options: { senders: '@ops.example' } }), ['@ops.example']);
    assert.equal(refusal(() => checkGivenSenders({ options: { senders: '' } })).code, 'invalid-senders');
  });
});

describe('flow/ask/accounts: what is configured', () => {
  it("the default account is the relay's entry of the wizard's own map; the sender accounts are the rest", () => {
    assert.equal(defaultAccount(withB), A);
    assert.deepEqual(
      configuredSenderAccounts(withB).map((a) => [a.account, a.senders]),
      [[B, ['alerts@ops.example', '@shop.example']]],
    );
  });

  it('no default: no map, a hand-made map elsewhere, an entry for another relay, or no address before the colon', () => {
    assert.equal(defaultAccount(postfix(undefined)), undefined);
    assert.equal(defaultAccount(postfix(`${RELAY} ${A}:${PW_A}\n`, '/etc/postfix/saslpass')), undefined);
    assert.deepEqual(
      configuredSenderAccounts(postfix(`alerts@ops.example ${B}:${PW_B}\n`, '/etc/postfix/saslpass')),
      [],
    );
    assert.equal(defaultAccount(postfix(`[smtp.example.net]:587 ${A}:${PW_A}\n`)), undefined);
    assert.equal(defaultAccount(postfix(`${RELAY} cron:${PW_A}\n`)), undefined);
  });

  it("a sender account's password is given only for the relay it is configured with", () => {
    assert.equal(storedSenderPassword(withB, defaultRelay, B), PW_B);
    assert.equal(storedSenderPassword(withB, defaultRelay, 'nobody@gmail.com'), undefined);
    assert.equal(storedSenderPassword(withB, { ...defaultRelay, port: 465, implicitTls: true }, B), undefined);
    assert.equal(storedSenderPassword(withB, { ...defaultRelay, host: 'smtp-relay.gmail.com' }, B), undefined);
  });
});

describe('flow/ask/accounts: --senders fits what is configured', () => {
  it('a new account for free senders at the same relay fits', () => {
    assert.doesNotThrow(() => checkSendersFit(withB, defaultRelay, 'third@gmail.com', ['billing@company.example']));
    assert.doesNotThrow(
      () => checkSendersFit(withB, defaultRelay, B, ['alerts@ops.example']),
      'an account may keep its own senders',
    );
  });

  it('no default account yet, the default itself, another relay, a sender another account has: each its own refusal', () => {
    assert.equal(
      refusal(() => checkSendersFit(postfix(undefined), defaultRelay, B, ['@ops.example'])).code,
      'no-default-account',
    );
    assert.equal(
      refusal(() => checkSendersFit(withB, defaultRelay, A, ['@ops.example'])).code,
      'senders-default-account',
    );
    const other = refusal(() =>
      checkSendersFit(withB, { ...defaultRelay, port: 465, implicitTls: true }, 'third@gmail.com', ['@ops.example']),
    );
    assert.equal(other.code, 'senders-other-relay');
    assert.equal(other.message, t('accounts.otherRelay', { current: RELAY, relay: '[smtp.gmail.com]:465' }));
    const taken = refusal(() =>
      checkSendersFit(withB, defaultRelay, 'third@gmail.com', ['new@ops.example', '@shop.example']),
    );
    assert.equal(taken.code, 'sender-taken');
    assert.equal(taken.message, t('accounts.senderTaken', { sender: '@shop.example', account: B }));
    assert.equal(taken.fix, t('accounts.senderTakenFix', { account: B }));
  });
});
