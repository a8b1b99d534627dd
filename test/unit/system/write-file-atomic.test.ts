// The real System's writeFileAtomic (system/real-system.ts) on real files in a temp dir, no root.
// What the design promises: a temp file beside the target, created with its final mode (O_EXCL:
// no world-readable moment for a secret, no following a planted file), the mode set again past
// the umask, the bytes fsync'ed BEFORE the rename, the directory fsync'ed AFTER it. A file whose
// fsync is missing looks identical on disk until a power cut, so the calls themselves are
// observed: node:fs's promises API and the FileHandle prototype are wrapped for each test (the
// System uses the same objects), every call recorded in order with the path it concerned.
import assert from 'node:assert/strict';
import { constants, promises as fsp } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createRealSystem } from '../../../src/system/real-system.js';

interface Call {
  op: string;
  path: string;
  flags?: number;
  mode?: number;
  to?: string;
}
const calls: Call[] = [];
const restore: (() => void)[] = [];
let dir: string;
const sys = createRealSystem();

function wrap<T extends object>(target: T, name: keyof T & string, record: (self: unknown, args: unknown[]) => Call) {
  const original = target[name] as (...args: unknown[]) => unknown;
  (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    calls.push(record(this, args));
    return original.apply(this, args);
  };
  restore.push(() => {
    (target as Record<string, unknown>)[name] = original;
  });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgw-atomic-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  calls.length = 0;
  const pathOf = new Map<number, string>();
  const probe = await fsp.open(dir, constants.O_RDONLY);
  const handleProto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  await probe.close();
  const originalOpen = fsp.open;
  fsp.open = async function (this: unknown, ...args: Parameters<typeof fsp.open>) {
    const handle = await originalOpen.apply(this, args);
    pathOf.set(handle.fd, String(args[0]));
    calls.push({ op: 'open', path: String(args[0]), flags: args[1] as number, mode: args[2] as number });
    return handle;
  } as typeof fsp.open;
  restore.push(() => {
    fsp.open = originalOpen;
  });
  const onHandle = (op: string) => (self: unknown) => ({ op, path: pathOf.get((self as { fd: number }).fd) ?? '?' });
  for (const op of ['chmod', 'chown', 'writeFile', 'sync', 'datasync', 'close']) wrap(handleProto, op, onHandle(op));
  wrap(fsp, 'rename', (_self, args) => ({ op: 'rename', path: String(args[0]), to: String(args[1]) }));
});
afterEach(() => {
  for (const undo of restore.splice(0).reverse()) undo();
});

const index = (op: string, path: string) => calls.findIndex((c) => c.op === op && c.path === path);

describe('system/real-system: writeFileAtomic', () => {
  it('writes a temp file beside the target with O_CREAT|O_EXCL and the final mode, fsyncs it, then renames it', async () => {
    const target = join(dir, 'saslpass');
    await sys.writeFileAtomic(target, 'secret line\n', { mode: 0o600 });
    const open = calls.find((c) => c.op === 'open' && c.path !== dir && c.path !== target);
    assert.ok(open, JSON.stringify(calls));
    const temp = open.path;
    assert.match(temp, new RegExp(`^${dir}/\\.saslpass\\.[0-9a-f]{12}\\.tmp$`));
    assert.equal(open.flags! & (constants.O_CREAT | constants.O_EXCL), constants.O_CREAT | constants.O_EXCL);
    assert.equal(open.mode, 0o600, 'created with its final mode, never readable by others');
    const write = index('writeFile', temp);
    const fsync = index('sync', temp);
    const rename = calls.findIndex((c) => c.op === 'rename' && c.path === temp && c.to === target);
    const dirSync = index('sync', dir);
    assert.ok(write >= 0 && fsync > write, `the bytes are fsync'ed after they are written: ${JSON.stringify(calls)}`);
    assert.ok(rename > fsync, `the rename comes after the fsync: ${JSON.stringify(calls)}`);
    assert.ok(index('close', temp) < rename, 'the temp file is closed before it is renamed');
    assert.ok(dirSync > rename, `the directory is fsync'ed after the rename: ${JSON.stringify(calls)}`);
    assert.equal(await readFile(target, 'utf8'), 'secret line\n');
    assert.equal((await stat(target)).mode & 0o7777, 0o600);
    assert.deepEqual(await readdir(dir), ['saslpass'], 'no temp file left');
  });

  it('the mode survives a narrow umask (it is set again on the handle), and replaces an existing wider file', async () => {
    const target = join(dir, 'main.cf');
    await writeFile(target, 'old\n', { mode: 0o666 });
    const umask = process.umask(0o077);
    try {
      await sys.writeFileAtomic(target, 'new\n', { mode: 0o644 });
    } finally {
      process.umask(umask);
    }
    assert.equal((await stat(target)).mode & 0o7777, 0o644);
    assert.equal(await readFile(target, 'utf8'), 'new\n');
  });

  it('owner set on the handle before any byte is written', async () => {
    const target = join(dir, 'owned');
    const uid = process.getuid!();
    const gid = process.getgid!();
    await sys.writeFileAtomic(target, 'x', { mode: 0o640, uid, gid });
    const temp = calls.find((c) => c.op === 'open' && c.path.includes('.owned.'))!.path;
    assert.ok(index('chown', temp) >= 0 && index('chown', temp) < index('writeFile', temp), JSON.stringify(calls));
    assert.equal((await stat(target)).mode & 0o7777, 0o640);
  });

  it('a failed write (a full disk) leaves the target as it was, removes the temp file and renames nothing', async () => {
    const target = join(dir, 'keep');
    await writeFile(target, 'original\n', { mode: 0o644 });
    const handleProto = Object.getPrototypeOf(
      await fsp.open(target, constants.O_RDONLY).then(async (h) => (await h.close(), h)),
    );
    const writeFileOf = handleProto.writeFile;
    handleProto.writeFile = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    try {
      await assert.rejects(sys.writeFileAtomic(target, 'new\n', { mode: 0o644 }), { code: 'ENOSPC' });
    } finally {
      handleProto.writeFile = writeFileOf;
    }
    assert.equal(await readFile(target, 'utf8'), 'original\n');
    assert.deepEqual(
      (await readdir(dir)).filter((n) => n.startsWith('.keep.')),
      [],
      'the temp file is removed',
    );
    assert.equal(calls.filter((c) => c.op === 'rename').length, 0);
  });
});
