// rememberPassword (flow/ask/keychain-step.ts) called with the narrowed context it declares (ui), after
// the configuration is in place: stored under the relay's key and said so, never stored again when it came
// from the keychain or the map, and every failure said while the run goes on. No password is ever shown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rememberPassword } from '../../../src/flow/ask/keychain-step.js';
import { keychainState } from '../../../src/flow/keychain/keychain-state.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { parseOptions } from '../../../src/options.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const A = 'someone@gmail.com';
const PW = 'abcdefghijklmnop';
const workspace = { host: 'smtp-relay.gmail.com', port: 587, implicitTls: false };
const state = (sys: FakeSystem, ...argv: string[]) => keychainState({ sys, options: parseOptions(argv) });

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
