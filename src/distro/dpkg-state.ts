// Whether dpkg was cut off in the middle of a change (apt-get or dpkg killed, the power lost): packages
// left unpacked or half-configured, or its journal (/var/lib/dpkg/updates/) not yet folded into the
// status file. apt then refuses every install with "dpkg was interrupted", or fails in stranger ways;
// the fix is `dpkg --configure -a`. `dpkg --audit` is dpkg's own judgement of exactly that (it reads
// the journal too) and prints nothing on a sound system. While dpkg or apt runs (a lock held: an upgrade
// in progress) the same half states are normal, so a held lock is "busy", never "interrupted".
import type { System } from '../system/types.js';

export const dpkgLockPath = '/var/lib/dpkg/lock';
/** Taken first by apt (1.7+) and dpkg (1.19.1+); apt holds it for its whole run, also between its dpkg calls. */
export const dpkgFrontendLockPath = '/var/lib/dpkg/lock-frontend';
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

/**
 * Asks the kernel whether a write lock on either file would conflict with one held (fcntl F_GETLK: dpkg
 * and apt hold fcntl locks, which flock(1) does not see). It takes no lock, so an apt starting this very
 * moment is never refused. perl is there wherever dpkg is (perl-base is Essential). struct flock begins
 * with l_type on every Linux ABI and the rest is zero — SEEK_SET, start 0, length 0: the whole file — so
 * no layout is assumed. Exit 0: free (or no such file), 1: held, anything else: it could not ask.
 */
export const lockProbe =
  'use Fcntl; for (@ARGV) { open(my $f, "<", $_) or ($!{ENOENT} ? next : exit 3); ' +
  'my $l = pack("s", F_WRLCK) . "\\0" x 254; fcntl($f, F_GETLK, $l) or exit 3; exit 1 if unpack("s", $l) != F_UNLCK } exit 0';

async function dpkgBusy(sys: System): Promise<boolean> {
  const asked = await sys.exec('perl', ['-e', lockProbe, dpkgFrontendLockPath, dpkgLockPath]);
  if (!asked.notFound && (asked.exitCode === 0 || asked.exitCode === 1)) return asked.exitCode === 1;
  return listedInProcLocks(sys); // no perl, or the files unreadable (not root): what /proc/locks lists
}

/**
 * /proc/locks names a locked file MAJ:MIN:INODE. Matched by inode alone: an overlay whose layers are on
 * different filesystems (without xino) lists its own device there while stat() gives the layer's. Another
 * file with the same number on another device, locked this very moment, would only keep the wizard quiet.
 */
async function listedInProcLocks(sys: System): Promise<boolean> {
  const [frontend, lock, locks] = await Promise.all([
    sys.fileInfo(dpkgFrontendLockPath),
    sys.fileInfo(dpkgLockPath),
    sys.readFile('/proc/locks').catch(() => ''),
  ]);
  const inodes = [frontend?.inode, lock?.inode].filter((inode) => inode !== undefined);
  if (!locks || inodes.length === 0) return false;
  return locks
    .split('\n')
    .some((line) => inodes.some((inode) => new RegExp(`\\s[0-9a-f]+:[0-9a-f]+:${inode}\\s`).test(line)));
}
