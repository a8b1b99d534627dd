// Ctrl-C pressed at the real terminal while the plan is being applied. The terminal is in raw mode
// then (clack's spinner), so no SIGINT comes from the tty: the key itself must stop the run the safe
// way — the transaction rolls back and the exit is 130 — and not end the process on the spot (which
// @clack/core's block() does: exit 0, main.cf half changed, a temporary file left in the config dir).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { en } from '../../../src/ui/text/en.js';
import { repoPath } from '../../support/paths.js';
import { plantOverSbin } from '../../support/planted-commands.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { startInTmux, tmuxSkipReason } from '../../support/tmux.js';
import { waitForFile } from '../../support/wait-for-file.js';

const ACCOUNT = 'person@gmail.com';
const PASSWORD = 'qazwsxedcrfvtgby';

describe('Ctrl-C while the plan is applied', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  let lab: RelayLab;
  let bin: string;
  before(async () => {
    lab = await startRelayLab('ctrl-c-apply', { [ACCOUNT]: { password: PASSWORD } });
    bin = await mkdtemp('/tmp/pgw-ctrl-c-bin-');
    execFileSync('mkfifo', [join(bin, 'go')]);
  });
  after(async () => {
    await lab?.close();
    if (bin) await rm(bin, { recursive: true, force: true });
  });

  it('rolls every change back and exits 130', async () => {
    const before = await checksums(lab.postfix.configDir);
    // The first postmap (after the files were written) says it started, then waits for the test's word.
    const prefix = await plantOverSbin(bin, {
      postmap:
        'if [ ! -e @DIR@/started ]; then : > @DIR@/started; cat @DIR@/go > /dev/null; fi\nexec /usr/sbin/postmap "$@"',
    });
    const session = await startInTmux(
      [...prefix, process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...lab.args(), '--no-keychain'],
      { cols: 80, rows: 24, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color' } },
    );
    try {
      await session.waitFor(/Gmail address to send as/, 30_000);
      await session.sendKeys('C-u');
      await session.type(ACCOUNT);
      await session.sendKeys('Enter');
      await session.waitFor(/App password/);
      await session.type(PASSWORD);
      await session.sendKeys('Enter');
      if (!/Apply this plan\?/.test(await session.waitFor(/, cron\)|Apply this plan\?/, 30_000)))
        await session.sendKeys('Enter');
      await session.waitFor(/Apply this plan\?/, 30_000);
      await session.sendKeys('Enter');
      let exited = false;
      void session.exitCode(120_000).then(
        () => (exited = true),
        () => undefined,
      );
      await waitForFile(join(bin, 'started'), () => exited);
      await session.sendKeys('C-c');
      // The key was read (the spinner's line says so) before postmap may go on.
      await session.waitFor(/Ctrl-C|Canceled/);
      writeFileSync(join(bin, 'go'), 'go\n');
      const code = await session.exitCode(60_000);
      const screen = await session.history(true);
      assert.equal(code, 130, screen);
      assert.ok(screen.includes(en['apply.rollbackDone']), screen);
      assert.ok(screen.includes(en.cancelled), screen);
    } finally {
      await session.kill();
    }
    assert.deepEqual(await checksums(lab.postfix.configDir), before, 'main.cf and the maps are as before');
    assert.deepEqual(
      readdirSync(lab.postfix.configDir).filter((name) => name.includes('.pgw-')),
      [],
      'no temporary file left behind',
    );
  });
});
