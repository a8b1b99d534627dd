// Whether dpkg was cut off in the middle of a change (apt-get or dpkg killed, the power lost): packages
// left unpacked or half-configured, or its journal (/var/lib/dpkg/updates/) not yet folded into the
// status file. apt then refuses every install with "dpkg was interrupted", or fails in stranger ways;
// the fix is `dpkg --configure -a`. `dpkg --audit` is dpkg's own judgement of exactly that (it reads
// the journal too) and prints nothing on a sound system. While dpkg runs (its lock held: an upgrade in
// progress) the same half states are normal, so a held lock is "busy", never "interrupted".
import type { System } from '../system/types.js';

export const dpkgLockPath = '/var/lib/dpkg/lock';
export const dpkgRepairCommand = 'dpkg --configure -a';

export type DpkgState =
  /** Sound, or not a dpkg system, or busy (another install holds its lock: apt says so itself). */
  | { interrupted: false }
  /** dpkg --audit's first lines: what it found half-done. */
  | { interrupted: true; audit: string[] };

export async function dpkgState(sys: System): Promise<DpkgState> {
  const audit = await sys.exec('dpkg', ['--audit']);
  if (audit.notFound) return { interrupted: false };
  const lines = audit.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || (await dpkgBusy(sys))) return { interrupted: false };
  return { interrupted: true, audit: lines.slice(0, 6) };
}

/** dpkg holds an fcntl lock on its lock file while it runs; /proc/locks lists it as MAJ:MIN:INODE. */
async function dpkgBusy(sys: System): Promise<boolean> {
  const [lock, locks] = await Promise.all([sys.fileInfo(dpkgLockPath), sys.readFile('/proc/locks').catch(() => '')]);
  if (lock?.inode === undefined || !locks) return false;
  // Matched by inode alone: another file with the same number on another device, locked at this very
  // moment, would only make the wizard keep quiet, never say something untrue.
  return locks.split('\n').some((line) => new RegExp(`\\s[0-9a-f]+:[0-9a-f]+:${lock.inode}\\s`).test(line));
}
