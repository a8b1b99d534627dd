// dpkgState (src/distro/dpkg-state.ts) on an overlay, as in a container or CI's overlay chroot: a dpkg
// that runs is busy, never "interrupted". The real dpkg holds its real locks (--admindir on the overlay,
// its status file listing a half-configured package, so dpkg --audit reports it), and dpkgState runs
// with the real System in a mount namespace where that admindir is /var/lib/dpkg. Two overlays: layers
// on one filesystem, and a tmpfs lower layer with xino=on — there stat() gives the locked file's inode as
// 2^63 + n, which a JavaScript number cannot hold, so /proc/locks' MAJ:MIN:INODE never matched it (the
// wizard called a running dpkg interrupted); the kernel's own answer (fcntl F_GETLK) is asked now.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { DpkgState } from '../../../src/distro/dpkg-state.js';
import { repoPath } from '../../support/paths.js';

const execFileP = promisify(execFile);
const skip = process.getuid?.() !== 0 ? 'needs root (mount, unshare)' : undefined;

const status = `Package: pgw-half
Status: install ok half-configured
Priority: optional
Section: misc
Maintainer: test <test@example.com>
Architecture: all
Version: 1.0
Description: a package left half-configured

`;

interface Overlay {
  /** The merged view's dpkg admindir (var/lib/dpkg). */
  admindir: string;
  destroy(): Promise<void>;
}

/** An overlay whose lower layer holds a dpkg admindir (its lock files too, as an image has them). */
async function overlay(kind: 'same-fs' | 'tmpfs-xino'): Promise<Overlay> {
  const base = await mkdtemp('/tmp/pgw-dpkg-overlay-');
  const [lower, upper, work, merged] = ['lower', 'upper', 'work', 'merged'].map((d) => join(base, d)) as [
    string,
    string,
    string,
    string,
  ];
  await Promise.all([lower, upper, work, merged].map((d) => mkdir(d)));
  if (kind === 'tmpfs-xino') await execFileP('mount', ['-t', 'tmpfs', 'tmpfs', lower]);
  const admin = join(lower, 'var/lib/dpkg');
  await mkdir(join(admin, 'updates'), { recursive: true });
  await mkdir(join(admin, 'info'));
  await Promise.all([
    writeFile(join(admin, 'status'), status),
    writeFile(join(admin, 'available'), ''),
    writeFile(join(admin, 'lock'), ''),
    writeFile(join(admin, 'lock-frontend'), ''),
  ]);
  const xino = kind === 'tmpfs-xino' ? ',xino=on' : '';
  await execFileP('mount', [
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${lower},upperdir=${upper},workdir=${work}${xino}`,
    merged,
  ]);
  return {
    admindir: join(merged, 'var/lib/dpkg'),
    destroy: async () => {
      await execFileP('umount', [merged]);
      if (kind === 'tmpfs-xino') await execFileP('umount', [lower]);
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** dpkgState with the real System, /var/lib/dpkg being `admindir` (a mount namespace of its own). */
async function stateIn(admindir: string): Promise<DpkgState> {
  const script = `const { dpkgState } = await import(${JSON.stringify(repoPath('dist', 'src', 'distro', 'dpkg-state.js'))});
const { createRealSystem } = await import(${JSON.stringify(repoPath('dist', 'src', 'system', 'real-system.js'))});
process.stdout.write(JSON.stringify(await dpkgState(createRealSystem())));`;
  const node = [process.execPath, '--input-type=module', '-e', script];
  const { stdout } = await execFileP('unshare', [
    '--mount',
    '--propagation',
    'private',
    'sh',
    '-c',
    'mount --bind "$1" /var/lib/dpkg && shift && exec "$@"',
    'sh',
    admindir,
    ...node,
  ]);
  return JSON.parse(stdout) as DpkgState;
}

/** The POSIX locks /proc/locks lists for `pid`. */
async function locksOf(pid: number): Promise<number> {
  const locks = await readFile('/proc/locks', 'utf8');
  return locks.split('\n').filter((line) => new RegExp(`\\sPOSIX\\s.*\\s${pid}\\s`).test(line)).length;
}

/** The real dpkg, holding lock-frontend and lock while it waits for selections on stdin. */
async function holdingDpkg(admindir: string): Promise<ChildProcess> {
  const dpkg = spawn('dpkg', [`--admindir=${admindir}`, '--set-selections'], { stdio: ['pipe', 'ignore', 'inherit'] });
  // Both locks are taken before dpkg reads its first line: wait until the kernel lists them.
  while ((await locksOf(dpkg.pid!)) < 2) {
    if (dpkg.exitCode !== null) throw new Error(`dpkg ended (${dpkg.exitCode}) before it held its locks`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return dpkg;
}

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

/** An fcntl write lock on `path` only (as apt holds lock-frontend between its dpkg calls), until stdin closes. */
async function holdingFcntlLock(path: string): Promise<ChildProcess> {
  const holder = spawn(
    'perl',
    [
      '-e',
      'use Fcntl; open(my $f, "+<", $ARGV[0]) or die $!; my $l = pack("s", F_WRLCK) . "\\0" x 254; fcntl($f, F_SETLK, $l) or die $!; $| = 1; print "held\\n"; <STDIN>',
      path,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`the lock holder ended (${code})`)));
  });
  return holder;
}

/** dpkg --audit's report of the half-configured package, as dpkgState passes it on. */
function assertInterrupted(state: DpkgState): void {
  assert.equal(state.interrupted, true, JSON.stringify(state));
  assert.match(state.interrupted ? state.audit.join('\n') : '', /half configured[\s\S]*pgw-half/);
}

describe('dpkgState on an overlay: a running dpkg is busy, not interrupted', { skip }, () => {
  const overlays: Overlay[] = [];
  after(() => Promise.all(overlays.map((o) => o.destroy())));

  for (const kind of ['same-fs', 'tmpfs-xino'] as const) {
    it(`${kind}: while the real dpkg holds its locks, busy; once it ended, interrupted with dpkg --audit's lines`, async () => {
      const o = await overlay(kind);
      overlays.push(o);
      const dpkg = await holdingDpkg(o.admindir);
      try {
        assert.deepEqual(await stateIn(o.admindir), { interrupted: false });
      } finally {
        dpkg.stdin!.end();
        await ended(dpkg);
      }
      assertInterrupted(await stateIn(o.admindir));
    });
  }

  it('same-fs: only lock-frontend held (apt between two dpkg calls): busy', async () => {
    const o = await overlay('same-fs');
    overlays.push(o);
    const holder = await holdingFcntlLock(join(o.admindir, 'lock-frontend'));
    try {
      assert.deepEqual(await stateIn(o.admindir), { interrupted: false });
    } finally {
      holder.stdin!.end();
      await ended(holder);
    }
  });
});
