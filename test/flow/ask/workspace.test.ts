// settleWorkspaceRelay called with the narrowed context it declares (ui, options): when the
// Workspace question is asked, what each answer returns, and that the password is not involved.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settleWorkspaceRelay } from '../../../src/flow/ask/workspace.js';
import { defaultRelay } from '../../../src/gmail/relay.js';
import { parseOptions } from '../../../src/options.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const workspace = 'admin@example.org';
const step = (ui: ScriptedUi, argv: string[] = [], currentAccount?: string, relay = defaultRelay) =>
  settleWorkspaceRelay({ ui, options: parseOptions(argv) }, { currentAccount }, workspace, relay);

describe('flow/ask/workspace: the relay settled with the account', () => {
  it('a Workspace address is asked, and "relay" moves the host to smtp-relay.gmail.com (port kept)', async () => {
    const ui = new ScriptedUi(['relay']);
    assert.deepEqual(await step(ui, [], undefined, { ...defaultRelay, port: 465, implicitTls: true }), {
      host: 'smtp-relay.gmail.com',
      port: 465,
      implicitTls: true,
    });
    assert.equal(ui.asked.length, 1);
    assert.match(ui.transcript, /example\.org is a Google Workspace domain/);
  });

  it('"gmail" keeps smtp.gmail.com', async () => {
    const ui = new ScriptedUi(['gmail']);
    assert.deepEqual(await step(ui), defaultRelay);
  });

  it('not asked for a @gmail.com address, with --relay, headless, or on a re-run of the same account', async () => {
    const gmail = new ScriptedUi([]);
    assert.deepEqual(
      await settleWorkspaceRelay({ ui: gmail, options: parseOptions([]) }, {}, 'someone@gmail.com', defaultRelay),
      defaultRelay,
    );
    for (const [ui, argv, current] of [
      [new ScriptedUi([]), ['--relay', 'smtp.gmail.com:587'], undefined],
      [new ScriptedUi([], false), [], undefined],
      [new ScriptedUi([]), [], workspace],
    ] as const) {
      assert.deepEqual(await step(ui, [...argv], current), defaultRelay);
      assert.deepEqual(ui.asked, [], ui.transcript);
    }
    assert.deepEqual(gmail.asked, []);
  });

  it('a relay that already is smtp-relay.gmail.com is kept, with the Admin console rule it needs said', async () => {
    const ui = new ScriptedUi([], false);
    const relay = { ...defaultRelay, host: 'smtp-relay.gmail.com' };
    assert.deepEqual(await step(ui, ['--relay', 'smtp-relay.gmail.com:587'], undefined, relay), relay);
    assert.match(ui.transcript, /Google Workspace's SMTP relay service/);
  });
});
