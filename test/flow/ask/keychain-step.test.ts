// keychain-step.ts called with the narrowed contexts it declares (sys, options; ui): an entry
// belongs to one relay, the keychain is optional (every failure said, the run goes on), whose
// keychain it is under sudo, and the words for --json and status. No password is ever shown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountsFor,
  keychainKey,
  keychainReasonText,
  keychainState,
  keychainStatus,
  keychainStatusText,
  rememberPassword,
} from '../../../src/flow/ask/keychain-step.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { parseOptions } from '../../../src/options.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const A = 'someone@gmail.com';
const B = 'other@gmail.com';
const PW = 'abcdefghijklmnop';
const OLD = 'qrstuvwxyzabcdef';
const workspace = { host: 'smtp-relay.gmail.com', port: 587, implicitTls: false };
const port465 = { ...defaultRelay, port: 465, implicitTls: true };
const state = (sys: FakeSystem, ...argv: string[]) => keychainState({ sys, options: parseOptions(argv) });

describe('flow/ask/keychain-step: an entry belongs to one relay', () => {
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

describe('flow/ask/keychain-step: optional, and honest about why not', () => {
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

  it('every reason has its own words; an unknown one is "an error"', () => {
    for (const [reason, key] of [
      ['module-missing', 'keychain.reason.module'],
      ['kernel-keyring-only', 'keychain.reason.kernelOnly'],
      ['disabled', 'keychain.reason.disabled'],
      ['what-is-this', 'keychain.reason.error'],
    ] as const) {
      assert.equal(keychainReasonText({ reason }), t(key));
    }
  });
});

describe('flow/ask/keychain-step: remembering the password after the setup', () => {
  it("stored under the relay's key and said so; the same password again: unchanged", async () => {
    const sys = new FakeSystem();
    const keychain = await state(sys);
    const ui = new ScriptedUi([]);
    assert.equal(await rememberPassword({ ui }, keychain, A, workspace, { password: PW, source: 'typed' }), 'stored');
    assert.deepEqual([...sys.secrets], [[`${A} [smtp-relay.gmail.com]:587`, PW]]);
    assert.equal(
      await rememberPassword({ ui }, keychain, A, workspace, { password: PW, source: 'stdin' }),
      'unchanged',
    );
    assert.deepEqual(ui.shown, [
      `success: ${t('keychain.storedIn', { account: A, where: t('keychain.own') })}`,
      `info: ${t('keychain.alreadyStored', { account: A, where: t('keychain.own') })}`,
    ]);
    assert.ok(!ui.transcript.includes(PW));
  });

  it('a password that came from the keychain or the map is not stored (again); --no-keychain says nothing', async () => {
    const sys = new FakeSystem();
    const ui = new ScriptedUi([]);
    assert.equal(
      await rememberPassword({ ui }, await state(sys), A, defaultRelay, { password: PW, source: 'keychain' }),
      'used',
    );
    assert.equal(
      await rememberPassword({ ui }, await state(sys), A, defaultRelay, { password: PW, source: 'map' }),
      'not-stored:from-map',
    );
    assert.equal(
      await rememberPassword({ ui }, await state(sys, '--no-keychain'), A, defaultRelay, {
        password: PW,
        source: 'typed',
      }),
      'not-stored:disabled',
    );
    assert.deepEqual([ui.shown, sys.secrets.size], [[], 0]);
  });

  it('unavailable: said why, and the run goes on; a failing write: warned, with the reason', async () => {
    const sys = new FakeSystem();
    sys.keychainMissing = 'module-missing';
    const ui = new ScriptedUi([]);
    assert.equal(
      await rememberPassword({ ui }, await state(sys), A, defaultRelay, { password: PW, source: 'typed' }),
      'not-stored:module-missing',
    );
    assert.deepEqual(ui.shown, [`info: ${t('keychain.unavailable', { reason: t('keychain.reason.module') })}`]);

    const locked = new FakeSystem();
    const keychain = await state(locked);
    locked.keychainFailure = 'locked';
    const warned = new ScriptedUi([]);
    assert.equal(
      await rememberPassword({ ui: warned }, keychain, A, defaultRelay, { password: PW, source: 'typed' }),
      'not-stored:locked',
    );
    assert.deepEqual(warned.shown, [
      `warn: ${t('keychain.notStored', { account: A, reason: t('keychain.reason.locked') })}`,
    ]);
    assert.equal(locked.secrets.size, 0);
  });
});

describe('flow/ask/keychain-step: the status words', () => {
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

  it('in words, naming whose keychain', () => {
    assert.equal(
      keychainStatusText('stored', A, 'alice'),
      t('status.keychainStored', { account: A, where: t('keychain.ofUser', { user: 'alice' }) }),
    );
    assert.equal(
      keychainStatusText('not-stored', A, undefined),
      t('status.keychainNotStored', { account: A, where: t('keychain.own') }),
    );
    assert.equal(
      keychainStatusText('not-stored', undefined, undefined),
      t('status.keychainEmpty', { where: t('keychain.own') }),
    );
    assert.equal(
      keychainStatusText('unavailable:locked', A, undefined),
      t('status.keychainUnavailable', { reason: t('keychain.reason.locked') }),
    );
  });
});
