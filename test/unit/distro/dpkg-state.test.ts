// dpkgState: dpkg --audit's report is "interrupted" — unless dpkg runs right now (its lock listed in
// /proc/locks: an upgrade in progress shows the same half states), and never where there is no dpkg.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dpkgState } from '../../../src/distro/dpkg-state.js';
import type { System } from '../../../src/system/types.js';

const audit = 'The following packages are only half configured, probably due to problems\n postfix   MTA\n';

function machine(o: { audit?: string; notFound?: boolean; locks?: string; inode?: number }): System {
  return {
    exec: async (file: string, args: readonly string[]) => {
      assert.deepEqual([file, ...args], ['dpkg', '--audit']);
      return o.notFound
        ? { exitCode: 127, stdout: '', stderr: '', notFound: true }
        : { exitCode: o.audit ? 1 : 0, stdout: o.audit ?? '', stderr: '' };
    },
    fileInfo: async (path: string) =>
      path === '/var/lib/dpkg/lock' ? { mode: 0o640, uid: 0, gid: 0, size: 0, mtimeMs: 0, inode: o.inode } : undefined,
    readFile: async (path: string) => (path === '/proc/locks' ? o.locks : undefined),
  } as unknown as System;
}

describe('dpkgState', () => {
  it('a sound dpkg: not interrupted', async () => {
    assert.deepEqual(await dpkgState(machine({ inode: 42 })), { interrupted: false });
  });

  it('half-configured packages, dpkg not running: interrupted, with the report', async () => {
    const state = await dpkgState(
      machine({ audit, inode: 42, locks: '1: FLOCK  ADVISORY  WRITE 77 08:01:4242 0 EOF\n' }),
    );
    assert.deepEqual(state, {
      interrupted: true,
      audit: ['The following packages are only half configured, probably due to problems', 'postfix   MTA'],
    });
  });

  it('the same report while dpkg holds its lock: busy, not interrupted', async () => {
    const locks = '1: FLOCK  ADVISORY  WRITE 77 08:01:4242 0 EOF\n2: POSIX  ADVISORY  WRITE 9120 fe:01:42 0 EOF\n';
    assert.deepEqual(await dpkgState(machine({ audit, inode: 42, locks })), { interrupted: false });
  });

  it('no dpkg on this machine: not interrupted', async () => {
    assert.deepEqual(await dpkgState(machine({ notFound: true })), { interrupted: false });
  });
});
