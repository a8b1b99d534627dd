// Runs under `unshare -m -n` (namespaceReport): a transaction on the real file system whose config dir
// is a small tmpfs. The plan replaces main.cf, a password map and its compiled .db (rebuilt by the real
// postmap), adds a file, then a command fills the disk to 0 bytes free and fails. The rollback must still
// put every replaced file back byte for byte — by renaming its second name (transaction/aside.ts) — and
// take out the added one, with nothing free. Prints what it found.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRealSystem } from '../../src/system/real-system.js';
import { buildPlan } from '../../src/transaction/plan.js';
import { runTransaction, type TransactionError } from '../../src/transaction/transaction.js';
import { folderState } from './fault-lab.js';
import { enterNamespaces, report } from './netns.js';

report(async () => {
  const work = await enterNamespaces();
  const etc = join(work, 'etc');
  execFileSync('mkdir', ['-p', etc, join(work, 'backups'), join(work, 'state')]);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=755', 'tmpfs', etc]);
  try {
    // Big enough that the new main.cf takes the old one's blocks when the old one is freed.
    const padding = Array.from({ length: 900 }, (_, i) => `# a comment line the admin wrote, number ${i}\n`).join('');
    await writeFile(join(etc, 'main.cf'), `${padding}compatibility_level = 3.6\n`, { mode: 0o644 });
    await writeFile(join(etc, 'sasl_passwd'), '[smtp.gmail.com]:587 old@gmail.com:oldpassword\n', { mode: 0o600 });
    execFileSync('postmap', ['-c', etc, `hash:${join(etc, 'sasl_passwd')}`]);
    const before = await folderState(etc);
    const plan = buildPlan(etc, {
      files: [
        {
          path: join(etc, 'main.cf'),
          content: `${padding}compatibility_level = 3.6\nrelayhost = [smtp.gmail.com]:587\n`,
          mode: 0o644,
          secret: false,
        },
        {
          path: join(etc, 'sasl_passwd'),
          content: '[smtp.gmail.com]:587 new@gmail.com:newpassword\n',
          mode: 0o600,
          secret: true,
        },
        { path: join(etc, 'gmail_generic'), content: 'root new@gmail.com\n', mode: 0o644, secret: false },
      ],
      commands: [
        { file: 'postmap', args: ['-c', etc, `hash:${join(etc, 'sasl_passwd')}`] },
        // The disk fills up (another program's log, say) and the next step fails.
        {
          file: 'sh',
          args: [
            '-c',
            `fallocate -l $(( $(stat -f -c '%a*%S' ${etc}) )) ${etc}/.fault-filler; stat -f -c '%a' ${etc} > ${work}/free-after-fill; exit 1`,
          ],
        },
      ],
      touches: [join(etc, 'sasl_passwd.db')],
    });
    let error: TransactionError | undefined;
    try {
      await runTransaction(
        createRealSystem(),
        { configDir: etc, isDefaultInstance: false, serviceManager: 'none', running: false },
        plan,
        {
          backupDir: join(work, 'backups'),
          stateDir: join(work, 'state'),
          reason: 'full-rollback',
          startIfStopped: false,
        },
      );
    } catch (e) {
      error = e as TransactionError;
    }
    const after = await folderState(etc);
    return {
      code: error?.code,
      step: error?.step,
      rollback: error?.rollback,
      blocksFreeAfterFill: Number(await readFile(join(work, 'free-after-fill'), 'utf8')),
      before,
      after,
      names: (await readdir(etc)).filter((n) => !n.startsWith('.fault-filler')).sort(),
      mainCfTail: (await readFile(join(etc, 'main.cf'), 'utf8')).split('\n').slice(-2).join('\n'),
    };
  } finally {
    execFileSync('umount', ['-l', etc]);
  }
});
