// confirmOrYes called with the narrowed context it declares (ui, options): --yes answers it without a
// question, the person at the terminal answers it, and without either the run is refused (exit 2)
// with the flag that would have answered — or with the caller's own refusal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmOrYes } from '../../../src/flow/ask/confirm.js';
import { CancelledError, ExitCode, UsageError } from '../../../src/errors.js';
import { parseOptions } from '../../../src/options.js';
import { t } from '../../../src/ui/messages.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const ask = (ui: ScriptedUi, argv: string[] = [], whenHeadless?: UsageError) =>
  confirmOrYes({ ui, options: parseOptions(argv) }, 'ask.confirm', true, whenHeadless);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('went ahead'),
    (e: unknown) => e,
  );

describe('flow/ask/confirm: "go ahead?"', () => {
  it('--yes: no question, at a terminal or without one', async () => {
    for (const ui of [new ScriptedUi([]), new ScriptedUi([], false)]) {
      await ask(ui, ['--yes']);
      assert.deepEqual(ui.asked, []);
    }
  });

  it('yes at the terminal goes ahead; no is a cancel (exit 130) that changed nothing', async () => {
    const yes = new ScriptedUi([true]);
    await ask(yes);
    assert.deepEqual(yes.asked, [t('ask.confirm')]);
    const error = await failure(ask(new ScriptedUi([false])));
    assert.ok(error instanceof CancelledError, String(error));
    assert.deepEqual([error.exitCode, error.message], [ExitCode.cancelled, t('cancelled')]);
  });

  it('no terminal and no --yes: refused with --yes named, exit 2; or with the refusal the caller gave', async () => {
    const error = await failure(ask(new ScriptedUi([], false)));
    assert.ok(error instanceof UsageError, String(error));
    assert.deepEqual(
      [error.code, error.exitCode, error.message],
      ['missing-answers', ExitCode.usage, t('ask.missing', { flags: '--yes' })],
    );
    const own = new UsageError('remove-needs-yes', 'say --yes to remove');
    assert.equal(await failure(ask(new ScriptedUi([], false), [], own)), own);
  });
});
