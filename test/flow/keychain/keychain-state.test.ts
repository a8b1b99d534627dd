// keychain-state.ts called with the narrowed context it declares (sys, options): an entry belongs
// to one relay, the keychain is optional (every failure recorded, the run goes on), whose keychain it
// is under sudo, and the word status shows. No password is ever shown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountsFor, keychainKey, keychainState, keychainStatus } from '../../../src/flow/keychain/keychain-state.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { parseOptions } from '../../../src/options.js';
import { keychainReasonText } from '../../../src/ui/keychain-text.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';

const A = 'someone@gmail.com';
const B = 'other@gmail.com';
const PW = 'abcdefghijklmnop';
const OLD = 'qrstuvwxyzabcdef';
const workspace = { host: 'smtp-relay.gmail.com', port: 587, implicitTls: false };
const port465 = { ...defaultRelay, port: 465, implicitTls: true };
const state = (sys: FakeSystem, ...argv: string[]) => keychainState({ sys, options: parseOptions(argv) });

describe('flow/keychain/keychain-state: an entry belongs to one relay', () => {
  it('the default relay keeps the bare account as key (what earlier versions wrote); any other relay adds [host]:port', () => {
    assert.equal(keychainKey(A, defaultRelay), A);
    assert.equal(keychainKey(A, { host: 'SMTP.Gmail.com', port: 587 }), A);
    assert.equal(keychainKey(A, port465), `${A} [smtp.gmail.com]:465`);
    assert.equal(keychainKey(A, workspace), `${A} [smtp-relay.gmail.com]:587`);
  });

  it('accountsFor: the keys of this relay only, each once, sorted', () => {
    const keys = [
      B,
      A,
      `${A} [smtp.gmail.com]:587`,
      `${A} [smtp.gmail.com]:465`,
      `${B} [smtp-relay.gmail.com]:587`,
      `${A} [smtp-relay.gmail.com]:587`,
    ];
    assert.deepEqual(accountsFor(keys, defaultRelay), [B, A]);
    assert.deepEqual(accountsFor(keys, workspace), [B, A]);
    assert.deepEqual(accountsFor(keys, port465), [A]);
    assert.deepEqual(accountsFor(keys, { host: 'smtp.gmail.com', port: 2525 }), []);
  });

  it('get and accounts through the state use those keys', async () => {
    const sys = new FakeSystem();
    sys.secrets.set(A, OLD);
    sys.secrets.set(`${A} [smtp-relay.gmail.com]:587`, PW);
    const keychain = await state(sys);
    assert.equal(keychain.available, true);
    assert.equal(await keychain.get(A, defaultRelay), OLD);
    assert.equal(await keychain.get(A, workspace), PW);
    assert.equal(await keychain.get(A, port465), undefined);
    assert.deepEqual(await keychain.accounts(workspace), [A]);
  });
});

describe('flow/keychain/keychain-state: optional, and honest about why not', () => {
  it('--no-keychain: disabled, the system keychain never asked', async () => {
    const sys = new FakeSystem();
    sys.keychain = () => assert.fail('the keychain was opened');
    const keychain = await state(sys, '--no-keychain');
    assert.deepEqual([keychain.available, keychain.reason], [false, 'disabled']);
    assert.equal(await keychain.get(A, defaultRelay), undefined);
    assert.deepEqual(await keychain.accounts(defaultRelay), []);
  });

  it('no session bus: unavailable with that reason, said in words', async () => {
    const sys = new FakeSystem();
    sys.keychainMissing = 'no-session-bus';
    const keychain = await state(sys);
    assert.deepEqual([keychain.available, keychain.reason], [false, 'no-session-bus']);
    assert.equal(keychainReasonText(keychain), t('keychain.reason.bus'));
  });

  it("under sudo the keychain is the sudo user's, and the words name them; not for SUDO_USER=root", async () => {
    const sys = new FakeSystem();
    sys.environment = { ...sys.environment, SUDO_USER: 'alice', SUDO_UID: '1000' };
    sys.keychainMissing = 'no-session-bus';
    const keychain = await state(sys);
    assert.equal(keychain.owner, 'alice');
    assert.equal(keychainReasonText(keychain), t('keychain.reason.busOf', { user: 'alice' }));
    sys.environment = { ...sys.environment, SUDO_USER: 'root', SUDO_UID: '0' };
    assert.equal((await state(sys)).owner, undefined);
    sys.root = false;
    sys.environment = { ...sys.environment, SUDO_USER: 'alice', SUDO_UID: '1000' };
    assert.equal((await state(sys)).owner, undefined, "not root: one's own keychain");
  });

  it('a keyring locked after the probe: get answers nothing, and the state says locked from then on', async () => {
    const sys = new FakeSystem();
    sys.secrets.set(A, PW);
    const keychain = await state(sys);
    sys.keychainFailure = 'locked';
    assert.equal(await keychain.get(A, defaultRelay), undefined);
    assert.deepEqual([keychain.available, keychain.reason], [false, 'locked']);
    assert.equal(keychainReasonText(keychain), t('keychain.reason.locked'));
  });
});

describe('flow/keychain/keychain-state: the status words', () => {
  it('stored / not-stored for this relay, unavailable:<reason>', async () => {
    const sys = new FakeSystem();
    sys.secrets.set(A, PW);
    const keychain = await state(sys);
    assert.equal(await keychainStatus(keychain, A, defaultRelay), 'stored');
    assert.equal(await keychainStatus(keychain, A, workspace), 'not-stored');
    assert.equal(await keychainStatus(keychain, undefined, undefined), 'not-stored');
    sys.keychainMissing = 'no-session-bus';
    assert.equal(await keychainStatus(await state(sys), A, defaultRelay), 'unavailable:no-session-bus');
    sys.keychainMissing = undefined;
    const failing = await state(sys);
    sys.keychainFailure = 'locked';
    assert.equal(await keychainStatus(failing, A, defaultRelay), 'unavailable:locked');
  });
});
