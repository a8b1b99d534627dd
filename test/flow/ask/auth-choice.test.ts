// The question of how Postfix signs in (flow/ask/auth-choice.ts) with a scripted UI: when it is
// open, which ways an address has, and the restart a chosen way makes (OAuth's check first).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthSwitch, chooseAuth, wayIsOpen, waysFor, withAuthChoice } from '../../../src/flow/ask/auth-choice.js';
import { parseOptions } from '../../../src/options.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const ctx = (args: string[], interactive = true) => ({
  ui: new ScriptedUi([], interactive),
  options: parseOptions(args),
});

describe('flow/ask/auth-choice', () => {
  it('open only at a terminal and when no flag decided it', () => {
    assert.equal(wayIsOpen(ctx([])), true);
    assert.equal(wayIsOpen(ctx([], false)), false);
    assert.equal(wayIsOpen(ctx(['--auth', 'app-password'])), false);
    assert.equal(wayIsOpen(ctx(['--password-stdin'])), false);
    assert.equal(wayIsOpen(ctx(['--password-file', '/root/pw'])), false);
  });

  it('Workspace relay by address for Workspace domains only', () => {
    assert.deepEqual(waysFor('a@gmail.com'), ['app-password', 'oauth']);
    assert.deepEqual(waysFor('a@GoogleMail.com'), ['app-password', 'oauth']);
    assert.deepEqual(waysFor('a@example.org'), ['app-password', 'oauth', 'none']);
  });

  it('the app password returns; another way throws the switch', async () => {
    const keep = { ui: new ScriptedUi(['App password']), options: parseOptions([]) };
    await chooseAuth(keep, 'a@example.org', 'workspace');
    const other = { ui: new ScriptedUi(['OAuth 2.0 (allow access in a browser)']), options: parseOptions([]) };
    const error = await chooseAuth(other, 'a@example.org', 'workspace').catch((e: unknown) => e);
    assert.ok(error instanceof AuthSwitch);
    assert.equal(error.auth, 'oauth');
  });

  it("a switch runs the ask again with the way and the account as flags; OAuth's check comes first", async () => {
    const c = { options: parseOptions([]) };
    const calls: string[] = [];
    const result = await withAuthChoice(
      c,
      async () => {
        calls.push(`ask ${c.options.auth ?? '-'} ${c.options.account ?? '-'}`);
        if (!c.options.auth) throw new AuthSwitch('oauth', 'a@example.org');
        return 'answers';
      },
      () => void calls.push('plugin check'),
    );
    assert.equal(result, 'answers');
    assert.deepEqual(calls, ['ask - -', 'plugin check', 'ask oauth a@example.org']);
    const none = { options: parseOptions([]) };
    let checked = false;
    await withAuthChoice(
      none,
      async () => {
        if (!none.options.auth) throw new AuthSwitch('none', 'a@example.org');
      },
      () => void (checked = true),
    );
    assert.equal(checked, false);
    assert.equal(none.options.auth, 'none');
  });
});
