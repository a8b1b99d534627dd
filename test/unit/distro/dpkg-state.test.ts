// dpkgState: dpkg --audit's report is "interrupted" — unless dpkg or apt runs right now (a lock on
// lock-frontend or lock held: an upgrade in progress shows the same half states), and never where there
// is no dpkg. Whether a lock is held is the kernel's answer (fcntl F_GETLK, through perl); without perl,
// or where it cannot ask, /proc/locks. The probe itself, against real locks on overlays:
// test/e2e/doctor/dpkg-busy-overlay.e2e.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dpkgState, lockProbe } from '../../../src/distro/dpkg-state.js';
import type { System } from '../../../src/system/types.js';

const audit = 'The following packages are only half configured, probably due to problems\n postfix   MTA\n';
const reported = {
  interrupted: true,
  audit: ['The following packages are only half configured, probably due to problems', 'postfix   MTA'],
};

interface Machine {
  audit?: string;
  noDpkg?: boolean;
  /** perl's exit code for the lock probe; undefined: no perl. */
  probe?: number;
  locks?: string;
  inodes?: Record<string, number>;
}

function machine(o: Machine): System & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    exec: async (file: string, args: readonly string[]) => {
      asked.push([file, ...args]);
      if (file === 'dpkg' && args.join(' ') === '--audit')
        return o.noDpkg
          ? { exitCode: 127, stdout: '', stderr: '', notFound: true }
          : { exitCode: 0, stdout: o.audit ?? '', stderr: '' };
      if (file === 'perl')
        return o.probe === undefined
          ? { exitCode: 127, stdout: '', stderr: '', notFound: true }
          : { exitCode: o.probe, stdout: '', stderr: '' };
      throw new Error(`unexpected ${file} ${args.join(' ')}`);
    },
    fileInfo: async (path: string) => {
      const inode = o.inodes?.[path];
      return inode === undefined ? undefined : { mode: 0o640, uid: 0, gid: 0, size: 0, mtimeMs: 0, inode };
    },
    readFile: async (path: string) => (path === '/proc/locks' ? o.locks : undefined),
  } as unknown as System & { asked: string[][] };
}

const bothLocks = { '/var/lib/dpkg/lock-frontend': 41, '/var/lib/dpkg/lock': 42 };

describe('dpkgState', () => {
  it('a sound dpkg: not interrupted, and no lock is looked at', async () => {
    const m = machine({ probe: 0 });
    assert.deepEqual(await dpkgState(m), { interrupted: false });
    assert.deepEqual(m.asked, [['dpkg', '--audit']]);
  });

  it('half-configured packages, neither lock held: interrupted, with the report', async () => {
    const m = machine({ audit, probe: 0 });
    assert.deepEqual(await dpkgState(m), reported);
    // The kernel is asked about both files, apt's lock-frontend first.
    assert.deepEqual(m.asked[1], ['perl', '-e', lockProbe, '/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock']);
  });

  it('the same report while a lock is held: busy, not interrupted', async () => {
    assert.deepEqual(await dpkgState(machine({ audit, probe: 1 })), { interrupted: false });
  });

  it('the probe takes no lock: F_GETLK only, a write lock asked about, and an absent file is free', () => {
    assert.match(lockProbe, /F_GETLK/);
    assert.doesNotMatch(lockProbe, /F_SETLK/);
    assert.match(lockProbe, /pack\("s", F_WRLCK\)/);
    assert.match(lockProbe, /\$!\{ENOENT\} \? next/);
  });

  for (const [why, probe] of [
    ['no perl', undefined],
    ['perl could not ask (the files unreadable)', 3],
  ] as const) {
    it(`${why}: /proc/locks — listed by either file's inode is busy, by neither interrupted`, async () => {
      const frontendHeld = '1: POSIX  ADVISORY  WRITE 9120 00:2a:41 0 EOF\n';
      const lockHeld = '1: FLOCK  ADVISORY  WRITE 77 08:01:4242 0 EOF\n2: POSIX  ADVISORY  WRITE 9120 fe:01:42 0 EOF\n';
      const other = '1: FLOCK  ADVISORY  WRITE 77 08:01:4242 0 EOF\n2: POSIX  ADVISORY  WRITE 9120 fe:01:420 0 EOF\n';
      for (const locks of [frontendHeld, lockHeld])
        assert.deepEqual(await dpkgState(machine({ audit, probe, locks, inodes: bothLocks })), { interrupted: false });
      assert.deepEqual(await dpkgState(machine({ audit, probe, locks: other, inodes: bothLocks })), reported);
      assert.deepEqual(await dpkgState(machine({ audit, probe, locks: '', inodes: bothLocks })), reported);
    });
  }

  it('no dpkg on this machine: not interrupted', async () => {
    assert.deepEqual(await dpkgState(machine({ noDpkg: true })), { interrupted: false });
  });
});
