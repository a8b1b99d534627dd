// The README's screens are what the real TUI shows today: the wizard is run in
// tmux exactly as `npm run screens` runs it (the same code), and each fresh
// screen must equal the committed docs/screens/*.txt once what differs from run
// to run (timings, backup and queue ids, Gmail's reply id) is masked. A TUI
// change not reflected in the README fails here: run `npm run screens`.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { captureScreens, maskRunDependent, scripts } from '../../support/screens.js';
import { tmuxSkipReason } from '../../support/tmux.js';

describe('README screens against the real TUI', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  it('a fresh capture in tmux equals docs/screens (run-dependent parts masked)', async () => {
    const fresh = await captureScreens();
    for (const name of Object.keys(scripts) as (keyof typeof scripts)[]) {
      const committed = (await readFile(repoPath('docs', 'screens', `setup.${name}.txt`), 'utf8')).replace(/\n$/, '');
      // The mask must leave the screen's substance: it still ends with the delivery and the outro.
      assert.match(maskRunDependent(committed), /250 2\.0\.0 OK {2}TIME GSMTP-ID - gsmtp[\s\S]*└ /, name);
      assert.equal(
        maskRunDependent(fresh[name]),
        maskRunDependent(committed),
        `docs/screens/setup.${name}.txt differs from the TUI: run npm run screens`,
      );
    }
  });
});
