// The sender accounts' part of the plan (flow/plan/accounts-plan.ts): a new list for an account
// replaces its entries in place; with none left, the sender relay map and its settings go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plannedSenderAccounts, planSenderRelay, senderRelayRemoval } from '../../../../src/flow/plan/accounts-plan.js';
import { defaultMap, postfixFacts, RELAY, templates } from './accounts-fixture.js';

describe('the plan with several accounts', () => {
  it('another list for the same account replaces its entries in place', () => {
    const current = [
      { account: 'a@x.example', password: 'p1', senders: ['a@x.example'] },
      { account: 'b@y.example', password: 'p2', senders: ['b@y.example'] },
    ];
    assert.deepEqual(
      plannedSenderAccounts(
        current,
        { account: 'a@x.example', credential: undefined, senders: ['@x.example'] },
        '<pw>',
      ),
      [{ account: 'a@x.example', password: 'p1', senders: ['@x.example'] }, current[1]],
    );
  });

  it("with no sender account left, the settings (when they name the wizard's map) and the relay map go", () => {
    const postfix = postfixFacts(
      defaultMap,
      {
        smtp_sender_dependent_authentication: 'yes',
        sender_dependent_relayhost_maps: 'hash:/etc/postfix/sender_relay',
      },
      ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps'],
    );
    postfix.senderRelayMap = {
      type: 'hash',
      path: '/etc/postfix/sender_relay',
      content: 'x',
      mode: 0o644,
      uid: 0,
      compiledCurrent: true,
      compiled: [{ path: '/etc/postfix/sender_relay.db', mode: 0o644, uid: 0 }],
    };
    const part = planSenderRelay(postfix, [], RELAY, templates.sender_relay);
    assert.deepEqual(part.removeSettings, ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps']);
    assert.deepEqual(part.deletes, ['/etc/postfix/sender_relay', '/etc/postfix/sender_relay.db']);
    const foreign = postfixFacts(defaultMap, { sender_dependent_relayhost_maps: 'hash:/etc/postfix/theirs' }, [
      'sender_dependent_relayhost_maps',
    ]);
    assert.deepEqual(senderRelayRemoval(foreign).removeSettings, [], 'a map the wizard did not write stays named');
  });
});
