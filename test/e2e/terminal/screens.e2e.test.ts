// The README's screens are what the real TUI shows today: the wizard is run in
// tmux exactly as `npm run screens` runs it (the same code), and each fresh
// screen must equal the committed docs/screens/*.txt once what differs from run
// to run (timings, backup and queue ids, Gmail's reply id) is masked — line for
// line, blank lines included. The raw capture's layout is checked before any
// normalizing. A TUI change not reflected in the README fails here: run `npm run screens`.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { columns } from '../../../src/ui/columns.js';
import { badFrameLines } from '../../support/screen-checks.js';
import { captureScreens, maskRunDependent, scripts } from '../../support/screens.js';
import { tmuxSkipReason } from '../../support/tmux.js';

describe('README screens against the real TUI', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  it('a fresh capture in tmux equals docs/screens (run-dependent parts masked)', async () => {
    const raw: Partial<Record<keyof typeof scripts, string>> = {};
    const fresh = await captureScreens(raw);
    for (const name of Object.keys(scripts) as (keyof typeof scripts)[]) {
      // The layout as the terminal drew it, before any name is normalized (normalizing re-wraps the
      // lines that real names make longer, so it must not be where a too-wide line could hide).
      const drawn = raw[name]!.replace(/\s+$/, '');
      assert.deepEqual(badFrameLines(drawn, 80), [], `${name}: a frame line of another width than 80:\n${drawn}`);
      assert.deepEqual(
        drawn.split('\n').filter((line) => columns(line) > 80),
        [],
        `${name}: lines wider than the terminal`,
      );
      for (const line of fresh[name].split('\n'))
        assert.ok(columns(line) <= 80, `${name}: normalized too wide: ${line}`);
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
