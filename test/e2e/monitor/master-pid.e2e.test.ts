// Is Postfix running? check, status and doctor read master.pid (src/system/postfix-master.ts) instead of
// running `postfix status` (issue 24: check's time on a busy box). Each case on real private instances,
// and each answer compared with postfix status's own on the same instance: running, stopped, a master
// killed with its pid file left behind (stale), a pid file naming another program or another instance's
// master, and the wizard's own report of it (status --json).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { postfixChildren, postfixMasterRunning } from '../../../src/system/postfix-master.js';
import { createRealSystem } from '../../../src/system/real-system.js';
import { reload } from '../../../src/transaction/run-step.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const postfixStatus = (i: PostfixInstance) =>
  execFileP('postfix', ['-c', i.configDir, 'status']).then(
    () => true,
    () => false,
  );
const pidFile = (i: PostfixInstance) => join(i.queueDir, 'pid', 'master.pid');
const masterPid = async (i: PostfixInstance) => Number((await readFile(pidFile(i), 'utf8')).trim());
/** The wizard's reading, through its real System, as status --json reports it. */
const reportedRunning = async (i: PostfixInstance) => {
  const run = await runWizard(['status', '--json', '--config-dir', i.configDir]);
  const outcome = JSON.parse(run.stdout) as { status?: { running?: boolean } };
  assert.ok(outcome.status, run.stdout + run.stderr);
  return outcome.status.running;
};
/** Until /proc/PID is gone or a zombie (nothing reaps a daemon's parent-less zombie in some containers). */
async function waitDead(pid: number): Promise<void> {
  for (;;) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (!stat || /\) [ZX] /.test(stat)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Postfix running or not, read from master.pid, as postfix status decides', {
  skip: postfixSkipReason(),
}, () => {
  let a: PostfixInstance;
  let b: PostfixInstance;
  before(async () => {
    [a, b] = await Promise.all([createPostfixInstance(), createPostfixInstance()]);
    await Promise.all([a.start(), b.start()]);
  });
  after(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  it('running: master.pid names this instance’s live master', async () => {
    assert.equal(await postfixStatus(a), true);
    assert.equal(await postfixMasterRunning(a.queueDir), true);
    assert.equal(await postfixMasterRunning(`${a.queueDir}/`), true, 'a trailing slash in queue_directory');
    assert.equal(await reportedRunning(a), true);
  });

  it('master’s children are the processes ps names as its children; after the wizard’s reload none of them is left', async () => {
    const master = await masterPid(a);
    const ps = async () =>
      (await execFileP('ps', ['--ppid', String(master), '-o', 'pid=,stat=']).catch(() => ({ stdout: '' }))).stdout
        .split('\n')
        .filter((line) => line.trim() && !/\sZ/.test(line))
        .map((line) => Number(line.trim().split(/\s+/)[0]))
        .sort((x, y) => x - y);
    const before = await postfixChildren(a.queueDir);
    assert.deepEqual(
      before?.sort((x, y) => x - y),
      await ps(),
    );
    assert.ok(before!.length >= 2, `qmgr and pickup at least: ${before}`);
    await reload(createRealSystem(), {
      configDir: a.configDir,
      isDefaultInstance: false,
      serviceManager: 'none',
      running: true,
      settings: { queue_directory: a.queueDir },
    });
    // Returned: the old generation has left (the new one may already be there).
    const after = (await postfixChildren(a.queueDir)) ?? [];
    assert.deepEqual(
      before!.filter((pid) => after.includes(pid)),
      [],
      `old ${before} / now ${after}`,
    );
    assert.equal(await postfixMasterRunning(a.queueDir), true);
  });

  it('a pid file that names another instance’s master, or another program, is stale: not running', async () => {
    const own = await readFile(pidFile(a), 'utf8');
    try {
      await writeFile(pidFile(a), await readFile(pidFile(b), 'utf8'));
      assert.equal(await postfixMasterRunning(a.queueDir), false, 'b’s master works in b’s queue directory');
      const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
      try {
        await writeFile(pidFile(a), `${String(sleeper.pid).padStart(32)}\n`);
        assert.equal(await postfixMasterRunning(a.queueDir), false, 'a live process that is not master');
      } finally {
        sleeper.kill('SIGKILL');
      }
      await writeFile(pidFile(a), '');
      assert.equal(await postfixMasterRunning(a.queueDir), false, 'an empty pid file');
    } finally {
      await writeFile(pidFile(a), own);
    }
    assert.equal(await postfixMasterRunning(a.queueDir), true, 'its own pid back');
  });

  it('stopped with postfix stop: not running, as postfix status says', async () => {
    await a.stop();
    assert.equal(await postfixStatus(a), false);
    assert.equal(await postfixMasterRunning(a.queueDir), false);
    assert.equal(await reportedRunning(a), false);
    await a.start();
    assert.equal(await postfixMasterRunning(a.queueDir), true);
  });

  it('a master killed with -9 leaves its pid file behind: stale, not running, as postfix status says', async () => {
    const pid = await masterPid(b);
    process.kill(-pid, 'SIGKILL'); // master leads its process group: its children go with it
    await waitDead(pid);
    assert.equal((await readFile(pidFile(b), 'utf8')).trim(), String(pid), 'the pid file is still there');
    assert.equal(await postfixStatus(b), false);
    assert.equal(await postfixMasterRunning(b.queueDir), false);
    assert.equal(await reportedRunning(b), false);
  });

  it('no pid directory at all (a queue directory never started): not running', async () => {
    assert.equal(await postfixMasterRunning(join(a.base, 'no-such-queue')), false);
  });
});
