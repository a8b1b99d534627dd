// Several accounts (issue 15), postfix/sender-maps.ts: the --senders parser, reading the sender-keyed
// entries of a password map, and Postfix's lookup order for a sender.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountForSender,
  parseSenderList,
  senderAccounts,
  sendersTaken,
  signingAccount,
  testSender,
} from '../../../src/postfix/sender-maps.js';
import { passwordMapCredential } from '../../../src/postfix/password-map.js';

const RELAY = '[smtp.gmail.com]:587';

describe('--senders LIST', () => {
  it('takes addresses and @domain entries, lower-cased, in order', () => {
    assert.deepEqual(parseSenderList(' Billing@Company.example ,@invoices.example'), {
      ok: true,
      value: ['billing@company.example', '@invoices.example'],
    });
    assert.deepEqual(
      parseSenderList('alerts@vm'),
      { ok: true, value: ['alerts@vm'] },
      'a local sender of a one-label host name',
    );
  });
  it('refuses an empty list, a sender listed twice (case does not make it another), and what is no address', () => {
    assert.deepEqual(parseSenderList(' , '), { ok: false, problem: 'empty', entry: '' });
    assert.deepEqual(parseSenderList('a@b.example,A@B.example'), {
      ok: false,
      problem: 'duplicate',
      entry: 'a@b.example',
    });
    for (const bad of [
      'billing',
      '@',
      'a@b.',
      '@.example',
      'a b@c.example',
      '#x@c.example',
      '[smtp.gmail.com]:587',
      'a@b.example:pw',
      'a@b.example,',
      'a@-b.example',
    ]) {
      const result = parseSenderList(bad);
      assert.equal(result.ok, false, bad);
    }
  });
  it('the test sender: the first address, or postmaster@ a domain', () => {
    assert.equal(testSender(['x@a.example', 'y@a.example']), 'x@a.example');
    assert.equal(testSender(['@a.example']), 'postmaster@a.example');
  });
});

describe('sender-keyed entries of the password map', () => {
  const map = `# comment\n${RELAY} me@gmail.com:aaaabbbbccccdddd\nbilling@company.example billing@company.example:eeeeffffgggghhhh\n@invoices.example billing@company.example:eeeeffffgggghhhh\nops@host.example ops@gmail.com:iiiijjjjkkkkllll\n`;
  it('groups them by account in file order; the relay entry is not one of them', () => {
    assert.deepEqual(senderAccounts(map), [
      {
        account: 'billing@company.example',
        password: 'eeeeffffgggghhhh',
        senders: ['billing@company.example', '@invoices.example'],
      },
      { account: 'ops@gmail.com', password: 'iiiijjjjkkkkllll', senders: ['ops@host.example'] },
    ]);
    assert.equal(passwordMapCredential(map, RELAY)?.account, 'me@gmail.com');
  });
  it('finds the account as Postfix does: the address, then @domain, else the default (undefined)', () => {
    const accounts = senderAccounts(map);
    assert.equal(accountForSender(accounts, 'Billing@Company.example'), 'billing@company.example');
    assert.equal(accountForSender(accounts, 'clerk@invoices.example'), 'billing@company.example');
    assert.equal(accountForSender(accounts, 'root@host.example'), undefined);
  });
  it('a sender belongs to one account: another account listing it is caught, the same account is not', () => {
    const accounts = senderAccounts(map);
    assert.deepEqual(sendersTaken(accounts, 'new@gmail.com', ['x@y.example', '@invoices.example']), {
      sender: '@invoices.example',
      account: 'billing@company.example',
    });
    assert.equal(sendersTaken(accounts, 'billing@company.example', ['@invoices.example']), undefined);
  });
});

describe('signingAccount: whose login a message uses (doctor ties a refused OAuth refresh to it)', () => {
  const map = `${RELAY} ops@gmail.com:/sasl-xoauth2/ops@gmail.com.json
@example.org other@gmail.com:/sasl-xoauth2/other@gmail.com.json
`;
  it("sender-dependent authentication on: the sender-keyed entry, else the relay's", () => {
    assert.equal(signingAccount(map, RELAY, true, 'Alice@Example.org'), 'other@gmail.com');
    assert.equal(signingAccount(map, RELAY, true, 'cron@vm'), 'ops@gmail.com');
    assert.equal(signingAccount(map, RELAY, true, undefined), 'ops@gmail.com');
  });
  it("off: the relay's entry for every sender; no map or no entry for the relay: unknown", () => {
    assert.equal(signingAccount(map, RELAY, false, 'alice@example.org'), 'ops@gmail.com');
    assert.equal(signingAccount(undefined, RELAY, true, 'cron@vm'), undefined);
    assert.equal(signingAccount(map, '[smtp-relay.gmail.com]:587', false, 'cron@vm'), undefined);
  });
});
