// The machine the fault sweep's cases run on (fault-runner.ts): a private Postfix and fake Gmail, a small
// tmpfs over the folder under test, the command's starting point (prepare) — made once for a run of
// cases of one command and folder, and put back before each of them from a copy taken right after the
// starting point was made (the wizard's folders byte for byte, then Postfix reloaded or started). A
// machine per case spent most of the sweep's time making Postfix instances and running the same setup.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaultCase } from './fault-cases.js';
import { liftFaults, mountSmallTmpfs } from './fault-lab.js';
import { ACCOUNT, commandArgs, PASSWORD, wizard } from './fault-runner.js';
import { startRelayLab, type RelayLab } from './relay-lab.js';

export interface FaultMachine {
  /** command and folder: the cases that can share this machine. */
  key: string;
  lab: RelayLab;
  /** The folder under test (on its own tmpfs). */
  dir: string;
  /** The backup restore puts back (restore's cases). */
  restoreId: string;
  snapshot: string;
}

const parts = ['etc', 'state', 'backups'];
const must = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
};

export const machineKey = (c: FaultCase) => `${c.command} ${c.folder}`;

export async function openMachine(c: FaultCase): Promise<FaultMachine> {
  const lab = await startRelayLab('fault', { [ACCOUNT]: { password: PASSWORD } }, { start: false });
  const dir = c.folder === 'etc' ? lab.postfix.configDir : join(lab.postfix.base, c.folder);
  const machine: FaultMachine = { key: machineKey(c), lab, dir, restoreId: '', snapshot: '' };
  try {
    mountSmallTmpfs(dir);
    await lab.postfix.start();
    machine.restoreId = await prepare(lab, c);
    // Outside the folders the sweep searches for the password: the copy is not a file "left".
    machine.snapshot = mkdtempSync('/tmp/pgw-fault-snapshot-');
    for (const part of parts) {
      must('mkdir', ['-p', join(lab.postfix.base, part)]);
      must('cp', ['-a', join(lab.postfix.base, part), join(machine.snapshot, part)]);
    }
    return machine;
  } catch (error) {
    await closeMachine(machine);
    throw error;
  }
}

/** The starting point again: the faults lifted, each folder as the copy has it, Postfix running it. */
export async function resetMachine(m: FaultMachine): Promise<void> {
  await liftFaults(m.dir);
  for (const part of parts) {
    const target = join(m.lab.postfix.base, part);
    must('find', [target, '-mindepth', '1', '-delete']);
    must('cp', ['-a', `${join(m.snapshot, part)}/.`, `${target}/`]);
  }
  const running = await m.lab.postfix.isRunning();
  must('postfix', ['-c', m.lab.postfix.configDir, running ? 'reload' : 'start']);
}

export async function closeMachine(m: FaultMachine): Promise<void> {
  await liftFaults(m.dir).catch(() => undefined);
  await m.lab.postfix.stop().catch(() => undefined);
  spawnSync('umount', ['-l', m.dir]);
  if (m.snapshot) await rm(m.snapshot, { recursive: true, force: true });
  // A Postfix daemon may still be writing into its spool as the folder goes: remove it again.
  await m.lab.close().catch(() => spawnSync('rm', ['-rf', m.lab.postfix.base, m.lab.tmp]));
}

async function prepare(lab: RelayLab, c: FaultCase): Promise<string> {
  if (c.command === 'setup') return '';
  const setup = await wizard(lab, commandArgs(lab, { ...c, command: 'setup' }));
  if (setup.code !== 0) throw new Error(`setup before the fault failed: ${setup.out}`);
  if (c.command === 'doctor-fix') {
    // Two things doctor --fix repairs: the compiled map gone, the relay's TLS level weakened.
    await lab.postfix.postconf('-e', 'smtp_tls_security_level=may');
    await rm(join(lab.postfix.configDir, 'sasl_passwd.db'));
    return '';
  }
  if (c.command === 'restore') {
    const removed = await wizard(lab, commandArgs(lab, { ...c, command: 'remove' }));
    const id = (JSON.parse(removed.out.slice(removed.out.indexOf('{'))) as { backupId?: string }).backupId;
    if (removed.code !== 0 || !id) throw new Error(`remove before the fault failed: ${removed.out}`);
    return id;
  }
  return '';
}
