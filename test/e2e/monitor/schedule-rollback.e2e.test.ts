// setup --monitor on Debian's real Postfix (a private instance) that fails after the schedule was put in
// place — the real `postfix check` answers through a planted wrapper that fails (planted-commands.ts) —
// must leave no schedule behind (issue 24). Each wizard run has a mount namespace of its own:
// - cron: a folder of the test's own bound over /etc/cron.d (real files, as cron would read them);
// - systemd: systemd is not PID 1 in this container, so /run/systemd/system is made on a tmpfs (the
//   wizard then plans a timer), a folder of the test's own is bound over /etc/systemd/system, and
//   /usr/bin/systemctl is a wrapper that runs Debian's real systemctl offline (--root) for enable and
//   disable: the link in timers.target.wants is made and taken away by systemd's own code. What a
//   running manager would do is NOT real here: --now's start and stop, and daemon-reload, are only
//   recorded (an `active` marker stands for the started timer).
import assert from 'node:assert/strict';
import { chmod, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Outcome } from '../../../src/outcome.js';
import { plantOverSbin } from '../../support/planted-commands.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'scheduled@gmail.com';
const PASSWORD = 'abcdabcdabcdabcd';
const TIMER = 'postfix-gmail-wizard-check.timer';

/** Lists every file and link under dir, relative, sorted (what is left of a schedule). */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1))
    .sort();
}

describe('setup --monitor that fails after the schedule was enabled leaves none behind', {
  skip: postfixSkipReason(),
}, () => {
  let lab: RelayLab;
  let planted: string[] = [];
  let work = '';
  before(async () => {
    lab = await startRelayLab('schedrb', { [ACCOUNT]: { password: PASSWORD } });
    work = join(lab.tmp, 'planted');
    await mkdir(work);
    // postfix check fails: the step after the schedule's files and systemctl calls.
    planted = await plantOverSbin(work, {
      postfix: `case "$*" in *" check") ls -A /etc/cron.d > @DIR@/cron.d-at-check; echo "postfix: fatal: planted failure" >&2; exit 1;; esac\nexec /usr/sbin/postfix "$@"`,
    });
  });
  after(async () => {
    await lab?.close();
  });
  /** The planted prefix, with more mounts before the wizard starts. */
  const withMounts = (mounts: string[]) =>
    planted.map((word) =>
      word.endsWith('exec "$@"') ? word.replace('exec "$@"', `${mounts.join(' && ')} && exec "$@"`) : word,
    );
  const setup = (prefix: string[]) =>
    runWizard(
      [
        ...lab.args(),
        '--account',
        ACCOUNT,
        '--password-stdin',
        '--no-test',
        '--no-keychain',
        '--yes',
        '--json',
        '--monitor',
      ],
      { prefix, stdin: `${PASSWORD}\n`, secret: PASSWORD },
    );
  const failedAndRolledBack = (run: { code: number; stdout: string; stderr: string }) => {
    assert.notEqual(run.code, 0, run.stdout + run.stderr);
    const outcome = JSON.parse(run.stdout) as Outcome;
    assert.equal(outcome.error?.code, 'apply-failed', run.stdout);
    assert.match(run.stdout + run.stderr, /planted failure/);
  };

  it('cron: the cron.d entry written is taken out by the rollback', async () => {
    const cronDir = join(lab.tmp, 'cron.d');
    await mkdir(cronDir);
    const run = await setup(withMounts([`mount --bind ${cronDir} /etc/cron.d`]));
    failedAndRolledBack(run);
    const atCheck = await readFile(join(work, 'cron.d-at-check'), 'utf8');
    assert.equal(atCheck, 'postfix-gmail-wizard\n', 'the entry was in place when the later step failed');
    assert.deepEqual(await tree(cronDir), []);
  });

  it('systemd: enable --now made the timers.target.wants link; the rollback disables and stops it, and the units go', async () => {
    const root = join(lab.tmp, 'systemd-root');
    const units = join(root, 'etc', 'systemd', 'system');
    await mkdir(units, { recursive: true });
    const log = join(root, 'systemctl.log');
    const real = join(work, 'systemctl.real');
    await copyFile('/usr/bin/systemctl', real);
    await chmod(real, 0o755);
    const wrapper = join(work, 'systemctl');
    await writeFile(
      wrapper,
      `#!/bin/sh
there=""; [ -e /etc/systemd/system/${TIMER} ] && there=" [unit there]"
echo "$*$there" >> ${log}
verb="$1"; shift
now=""; [ "$1" = --now ] && { now=1; shift; }
case "$verb" in
  daemon-reload) exit 0 ;;
  enable) ${real} --root=${root} enable "$@" || exit 1; [ -n "$now" ] && touch ${root}/active
    [ -L /etc/systemd/system/timers.target.wants/${TIMER} ] && echo "(linked in timers.target.wants)" >> ${log}; exit 0 ;;
  disable) ${real} --root=${root} disable "$@" || exit 1; [ -n "$now" ] && rm -f ${root}/active; exit 0 ;;
esac
exit 1
`,
    );
    await chmod(wrapper, 0o755);
    const run = await setup(
      withMounts([
        'mount -t tmpfs tmpfs /run/systemd',
        'mkdir /run/systemd/system',
        `mount --bind ${units} /etc/systemd/system`,
        `mount --bind ${wrapper} /usr/bin/systemctl`,
      ]),
    );
    failedAndRolledBack(run);
    assert.deepEqual((await readFile(log, 'utf8')).trim().split('\n'), [
      'daemon-reload [unit there]',
      `enable --now ${TIMER} [unit there]`,
      '(linked in timers.target.wants)', // real systemctl's link: the timer is enabled
      `disable --now ${TIMER} [unit there]`,
      'daemon-reload',
    ]);
    assert.deepEqual(await tree(units), [], `no unit file and no timers.target.wants/${TIMER} link left`);
    assert.deepEqual(await tree(root), ['systemctl.log'], 'the timer stopped (the marker --now made is gone)');
  });
});
