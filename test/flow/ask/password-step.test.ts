// askPassword called with the narrowed context it declares (sys, ui, options): where the password
// comes from for the settled relay, and the one pre-flight login it ends with.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChosenAccount } from '../../../src/flow/ask/account-choice.js';
import { keychainState } from '../../../src/flow/keychain/keychain-state.js';
import { askPassword } from '../../../src/flow/ask/password-step.js';
import type { PostfixFacts } from '../../../src/flow/types.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { parseOptions } from '../../../src/options.js';
import { WizardError } from '../../../src/errors.js';
import { FakeSystem } from '../../support/fake-system.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const A = 'someone@gmail.com';
const STORED = 'aaaabbbbccccdddd';
const TYPED = 'eeeeffffgggghhhh';
const workspaceRelay = { ...defaultRelay, host: 'smtp-relay.gmail.com' };
const postfix = (map?: string): PostfixFacts =>
  ({
    settings: { relayhost: map ? '[smtp.gmail.com]:587' : '' },
    currentAccount: map ? A : undefined,
    passwordMap: map
      ? { type: 'hash', path: '/etc/postfix/sasl_passwd', content: map, compiledCurrent: true, compiled: [] }
      : undefined,
  }) as unknown as PostfixFacts;
const chosen = (choice: ChosenAccount['choice'], over: Partial<ChosenAccount> = {}): ChosenAccount => ({
  account: A,
  to: A,
  choice,
  ...over,
});

async function run(
  sys: FakeSystem,
  ui: ScriptedUi,
  facts: PostfixFacts,
  pick: ChosenAccount,
  argv: string[] = [],
  relay = defaultRelay,
) {
  const options = parseOptions(argv);
  const keychain = await keychainState({ sys, options });
  return askPassword({ sys, ui, options }, facts, relay, 'CA', keychain, pick);
}

describe('flow/ask/password-step: the password for the settled relay, one pre-flight', () => {
  it('a given password is used as given and logged in with once', async () => {
    const sys = new FakeSystem();
    sys.secrets.set(A, STORED);
    const ui = new ScriptedUi([]);
    const credential = await run(sys, ui, postfix(), chosen('given', { given: { password: TYPED, source: 'stdin' } }));
    assert.deepEqual(credential, { password: TYPED, source: 'stdin' });
    assert.deepEqual(
      sys.authChecks.map((c) => [c.endpoint.host, c.password]),
      [['smtp.gmail.com', TYPED]],
    );
    assert.deepEqual(ui.asked, []);
  });

  it('keep prefers the map; switch prefers the keychain', async () => {
    const map = `[smtp.gmail.com]:587 ${A}:${STORED}\n`;
    const sys = new FakeSystem();
    sys.secrets.set(A, TYPED);
    assert.deepEqual(await run(sys, new ScriptedUi([]), postfix(map), chosen('keep')), {
      password: STORED,
      source: 'map',
    });
    assert.deepEqual(await run(sys, new ScriptedUi([]), postfix(map), chosen('switch')), {
      password: TYPED,
      source: 'keychain',
    });
  });

  it('a password stored for smtp.gmail.com is not offered to smtp-relay.gmail.com: asked for, and said why', async () => {
    const sys = new FakeSystem();
    sys.secrets.set(A, STORED);
    const ui = new ScriptedUi([TYPED]);
    assert.deepEqual(await run(sys, ui, postfix(), chosen('new'), [], workspaceRelay), {
      password: TYPED,
      source: 'typed',
    });
    assert.match(ui.transcript, /belongs to another relay; type it again for smtp-relay\.gmail\.com/);
    assert.deepEqual(
      sys.authChecks.map((c) => [c.endpoint.host, c.password]),
      [['smtp-relay.gmail.com', TYPED]],
    );
  });

  it('headless without a password: every missing flag at once, and why no stored one could be used; nothing sent', async () => {
    const sys = new FakeSystem();
    const error = await run(sys, new ScriptedUi([], false), postfix(), chosen('given')).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'missing-answers');
    assert.match(error.message, /--password-stdin/);
    assert.match(error.message, /--yes/);
    assert.deepEqual(sys.authChecks, []);
  });

  it('--dry-run: no login at all', async () => {
    const sys = new FakeSystem();
    const credential = await run(sys, new ScriptedUi([TYPED]), postfix(), chosen('new'), ['--dry-run']);
    assert.deepEqual(credential, { password: TYPED, source: 'typed' });
    assert.deepEqual(sys.authChecks, []);
  });
});
