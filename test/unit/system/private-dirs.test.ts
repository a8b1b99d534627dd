// Directories root may work in (system/private-dirs.ts), on real directories in a fresh temp dir:
// every directory from / down is lstat'ed — a symlink, another user's directory, one others can
// write, or a file where a directory should be is named; /tmp's root-owned sticky bit is accepted
// on the way only when asked; a root-owned symlink on the way is followed and its target checked.
// ensurePrivateDirs makes what is missing with the modes asked and nothing under an unsafe one.
// (Run as root, as the whole suite is: one test gives a directory to another uid with chown.)
import assert from 'node:assert/strict';
import { chmod, chown, lchown, lstat, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensurePrivateDirs, unsafeDirOnTheWay, unsafeError } from '../../../src/system/private-dirs.js';

const sticky = { stickyAncestors: true };
const strict = { stickyAncestors: false };
const OTHER_UID = 4242;
let base: string;
const at = (...parts: string[]) => join(base, ...parts);
const modeOf = async (path: string) => (await lstat(path)).mode & 0o7777;

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'pgw-private-dirs-'));
});
after(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

/** chown to another uid needs root (the suite runs as root; elsewhere these are skipped, and say so). */
const asRoot = process.getuid?.() === 0 ? false : 'needs root: it gives a directory to another uid with chown';

describe('system/private-dirs: unsafeDirOnTheWay', () => {
  it('a private directory in the temp dir: safe when the sticky /tmp is accepted on the way, named when it is not', async () => {
    await mkdir(at('safe'), { mode: 0o700 });
    assert.equal(await unsafeDirOnTheWay(at('safe'), sticky), undefined);
    assert.deepEqual(await unsafeDirOnTheWay(at('safe'), strict), { path: tmpdir(), problem: 'writable' });
  });

  it('nothing there yet is nothing anyone planted', async () => {
    assert.equal(await unsafeDirOnTheWay(at('missing', 'deeper'), sticky), undefined);
  });

  it('a directory others can write: named on the way and as the last one; a root-owned sticky one is never fine as the last', async () => {
    await mkdir(at('open'));
    await chmod(at('open'), 0o777);
    await mkdir(at('open', 'inner'), { mode: 0o700 });
    assert.deepEqual(await unsafeDirOnTheWay(at('open', 'inner'), sticky), { path: at('open'), problem: 'writable' });
    assert.deepEqual(await unsafeDirOnTheWay(at('open'), sticky), { path: at('open'), problem: 'writable' });
    await mkdir(at('shared'));
    await chmod(at('shared'), 0o1777);
    await mkdir(at('shared', 'mine'), { mode: 0o700 });
    assert.equal(
      await unsafeDirOnTheWay(at('shared', 'mine'), sticky),
      undefined,
      'root-owned sticky on the way, accepted',
    );
    assert.deepEqual(await unsafeDirOnTheWay(at('shared', 'mine'), strict), { path: tmpdir(), problem: 'writable' });
    assert.deepEqual(await unsafeDirOnTheWay(at('shared'), sticky), { path: at('shared'), problem: 'writable' });
  });

  it("another user's directory: named on the way and as the last one", { skip: asRoot }, async () => {
    await mkdir(at('theirs'), { mode: 0o755 });
    await mkdir(at('theirs', 'inner'), { mode: 0o700 });
    await chown(at('theirs'), OTHER_UID, OTHER_UID);
    assert.deepEqual(await unsafeDirOnTheWay(at('theirs', 'inner'), sticky), { path: at('theirs'), problem: 'owner' });
    assert.deepEqual(await unsafeDirOnTheWay(at('theirs'), sticky), { path: at('theirs'), problem: 'owner' });
  });

  it('a file where a directory should be', async () => {
    await writeFile(at('plain'), 'x', { mode: 0o600 });
    assert.deepEqual(await unsafeDirOnTheWay(at('plain', 'below'), sticky), {
      path: at('plain'),
      problem: 'not-directory',
    });
    assert.deepEqual(await unsafeDirOnTheWay(at('plain'), sticky), { path: at('plain'), problem: 'not-directory' });
  });

  it("symlinks: never the last one; on the way, a root-owned one is followed and its target checked, another user's is not", {
    skip: asRoot,
  }, async () => {
    await mkdir(at('target'), { mode: 0o755 });
    await mkdir(at('target', 'inner'), { mode: 0o700 });
    await symlink(at('target'), at('link'));
    assert.equal(await unsafeDirOnTheWay(at('link', 'inner'), sticky), undefined);
    assert.deepEqual(await unsafeDirOnTheWay(at('link'), sticky), { path: at('link'), problem: 'symlink' });
    await chmod(at('target'), 0o777);
    assert.deepEqual(
      await unsafeDirOnTheWay(at('link', 'inner'), sticky),
      { path: at('target'), problem: 'writable' },
      'the target is judged',
    );
    await chmod(at('target'), 0o755);
    await symlink(at('target'), at('their-link'));
    await lchown(at('their-link'), OTHER_UID, OTHER_UID);
    assert.deepEqual(await unsafeDirOnTheWay(at('their-link', 'inner'), sticky), {
      path: at('their-link'),
      problem: 'symlink',
    });
  });

  it('asAncestor: the directory is only made inside, so a sticky root-owned one is accepted as itself too', async () => {
    await mkdir(at('drop'));
    await chmod(at('drop'), 0o1777);
    assert.equal(await unsafeDirOnTheWay(at('drop'), sticky, true), undefined);
    assert.deepEqual(await unsafeDirOnTheWay(at('drop'), sticky), { path: at('drop'), problem: 'writable' });
  });
});

describe('system/private-dirs: ensurePrivateDirs', () => {
  it('makes every missing directory: the way 0755, the last one the mode asked, even under a narrow umask', async () => {
    const old = process.umask(0o077);
    try {
      await ensurePrivateDirs(at('made', 'a', 'b'), 0o750, sticky);
    } finally {
      process.umask(old);
    }
    assert.deepEqual(
      [await modeOf(at('made')), await modeOf(at('made', 'a')), await modeOf(at('made', 'a', 'b'))],
      [0o755, 0o755, 0o750],
    );
  });

  it('a directory that exists keeps its mode', async () => {
    await mkdir(at('kept'), { mode: 0o711 });
    await chmod(at('kept'), 0o711);
    await ensurePrivateDirs(at('kept', 'new'), 0o700, sticky);
    assert.deepEqual([await modeOf(at('kept')), await modeOf(at('kept', 'new'))], [0o711, 0o700]);
    await ensurePrivateDirs(at('kept'), 0o700, sticky);
    assert.equal(await modeOf(at('kept')), 0o711, 'not chmodded: it was not made here');
  });

  it('under a directory others can write: refused (EUNSAFE, naming it), and nothing made inside', async () => {
    await mkdir(at('world'));
    await chmod(at('world'), 0o777);
    const error = await ensurePrivateDirs(at('world', 'x', 'y'), 0o700, sticky).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string; unsafe?: unknown },
    );
    assert.ok(error instanceof Error);
    assert.equal(error.code, 'EUNSAFE');
    assert.deepEqual(error.unsafe, { path: at('world'), problem: 'writable' });
    assert.equal(existsSync(at('world', 'x')), false);
  });

  it('the last one a symlink to a good directory: refused all the same', async () => {
    await mkdir(at('real'), { mode: 0o700 });
    await symlink(at('real'), at('alias'));
    await assert.rejects(
      ensurePrivateDirs(at('alias'), 0o700, sticky),
      (e: Error & { unsafe?: unknown }) =>
        JSON.stringify(e.unsafe) === JSON.stringify({ path: at('alias'), problem: 'symlink' }),
    );
  });

  it('unsafeError says which directory and why, in one line', () => {
    const error = unsafeError({ path: '/var/lib/x', problem: 'owner' }) as Error & { code?: string };
    assert.equal(error.code, 'EUNSAFE');
    assert.match(
      error.message,
      /^\/var\/lib\/x belongs to another user: root works only in directories no other user can change$/,
    );
  });
});
