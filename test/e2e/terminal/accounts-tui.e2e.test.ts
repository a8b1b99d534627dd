// The re-run menu with two accounts in the real TUI (tmux, 80×24), keystroke by keystroke: the menu
// offers to remove the sender-dependent account; choosing it and confirming takes it out of the map.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { badFrameLines } from '../../support/screen-checks.js';
import { startInTmux, tmuxSkipReason } from '../../support/tmux.js';
import { runWizard } from '../../support/wizard-process.js';

const DEFAULT = 'someone@gmail.com';
const DEFAULT_PW = 'qwertyuiopasdfgh';
const OPS = 'ops@gmail.com';
const OPS_PW = 'ppppoooouuuuyyyy';

describe('re-run menu with a sender-dependent account, in a terminal', {
  skip: postfixSkipReason() ?? tmuxSkipReason(),
}, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('tui-accounts', { [DEFAULT]: { password: DEFAULT_PW }, [OPS]: { password: OPS_PW } });
    const common = [...lab.args(), '--no-keychain', '--yes', '--no-test'];
    assert.equal(
      (await runWizard([...common, '--account', DEFAULT, '--password-stdin'], { stdin: `${DEFAULT_PW}\n` })).code,
      0,
    );
    assert.equal(
      (
        await runWizard([...common, '--account', OPS, '--senders', 'alerts@ops.example', '--password-stdin'], {
          stdin: `${OPS_PW}\n`,
        })
      ).code,
      0,
    );
  });
  after(async () => lab?.close());

  it('offers keep, another account, one for some senders, and removing ops@gmail.com; removing it leaves the default', async () => {
    const session = await startInTmux(
      [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...lab.args(), '--no-keychain'],
      { cols: 80, rows: 24, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color' } },
    );
    try {
      const menu = await session.waitFor(/Remove ops@gmail\.com \(sends for alerts@ops\.example\)/, 30_000);
      assert.match(menu, /Keep someone@gmail\.com and test it again/);
      assert.match(menu, /Add an account for some senders only/);
      assert.deepEqual(badFrameLines(menu, 80), [], menu);
      await session.sendKeys('Down', 'Down', 'Down', 'Enter');
      await session.waitFor(/Remove these settings and files/, 30_000);
      await session.sendKeys('y');
      await session.waitFor(/ops@gmail\.com removed/, 60_000);
      const everything = await session.history();
      assert.ok(!everything.includes(OPS_PW) && !everything.includes(DEFAULT_PW), 'no password on screen');
    } finally {
      await session.kill();
    }
    const map = await readFile(join(lab.postfix.configDir, 'sasl_passwd'), 'utf8');
    assert.ok(!map.includes(OPS), map.replace(/:\S+$/gm, ':…'));
    assert.match(map, new RegExp(`^\\[localhost\\]:${lab.gmail.port} ${DEFAULT}:${DEFAULT_PW}$`, 'm'));
    await assert.rejects(stat(join(lab.postfix.configDir, 'sender_relay')), { code: 'ENOENT' });
  });
});
