// Gmail's daily limits (gmail/limits.ts): the kind by relay and domain, and each account's use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountForSender, accountUse, limitKind } from '../../../src/gmail/limits.js';

describe('limitKind', () => {
  it('smtp-relay.gmail.com first, then the address: personal for gmail.com, Workspace otherwise', () => {
    assert.equal(limitKind('a@example.com', { host: 'smtp-relay.gmail.com' }), 'workspaceRelay');
    assert.equal(limitKind('a@gmail.com', { host: 'smtp.gmail.com' }), 'personal');
    assert.equal(limitKind('a@GoogleMail.com', { host: 'smtp.gmail.com' }), 'personal');
    assert.equal(limitKind('a@example.com', { host: 'smtp.gmail.com' }), 'workspace');
  });
});

describe('accountUse', () => {
  const accounts = [
    { account: 'main@gmail.com', senders: [] },
    { account: 'shop@example.com', senders: ['@shop.example', 'orders@example.org'] },
  ];
  it('gives each sender to the account smtp(8) signs in as: address, then @domain, else the default', () => {
    assert.equal(accountForSender('orders@example.org', accounts), 'shop@example.com');
    assert.equal(accountForSender('Sales@Shop.Example', accounts), 'shop@example.com');
    assert.equal(accountForSender('root@vm', accounts), 'main@gmail.com');
    assert.equal(accountForSender(undefined, accounts), 'main@gmail.com');
  });
  it('counts recipients per account against its limit, with the newest time', () => {
    const sent = [
      { queueId: 'A', to: 'x@e', sender: 'root@vm', time: 100 },
      { queueId: 'A', to: 'y@e', sender: 'root@vm', time: 100 },
      { queueId: 'B', to: 'z@e', sender: 'a@shop.example', time: 200 },
    ];
    assert.deepEqual(accountUse(sent, accounts, { host: 'smtp.gmail.com' }), [
      { account: 'main@gmail.com', sent: 2, limit: 500, kind: 'personal', lastSent: 100 },
      { account: 'shop@example.com', sent: 1, limit: 2000, kind: 'workspace', lastSent: 200 },
    ]);
    assert.equal(accountUse(sent, accounts, undefined, 3)[0]!.limit, 3);
  });
});
