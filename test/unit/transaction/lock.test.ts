// One wizard at a time (transaction/lock.ts): the lock on <stateDir>/lock nests within one run and is
// refused to another, naming the holder's pid; with the real System it is flock(2) on a temp dir.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WizardError } from '../../../src/errors.js';
import { createRealSystem } from '../../../src/system/real-system.js';
import { acquireLock, lockPath } from '../../../src/transaction/lock.js';
import { FakeSystem } from '../../support/fake-system.js';

const isCode = (code: string) => (error: unknown) => error instanceof WizardError && error.code === code;

describe('acquireLock (fake System)', () => {
  it('takes <stateDir>/lock with the pid as its note', async () => {
    const sys = new FakeSystem();
    assert.equal(lockPath('/var/lib/pgw/'), '/var/lib/pgw/lock');
    const lock = await acquireLock(sys, '/var/lib/pgw');
    assert.ok(sys.dirs.has('/var/lib/pgw'), 'the state dir is made private first');
    assert.deepEqual([...sys.heldLocks], ['/var/lib/pgw/lock']);
    assert.equal(sys.text('/var/lib/pgw/lock'), '4242\n');
    await lock.release();
    assert.deepEqual([...sys.heldLocks], []);
  });

  it('nests: only the outermost release lets it go; a second release of the same hold does nothing', async () => {
    const sys = new FakeSystem();
    const outer = await acquireLock(sys, '/var/lib/pgw');
    const inner = await acquireLock(sys, '/var/lib/pgw');
    await inner.release();
    await inner.release();
    assert.deepEqual([...sys.heldLocks], ['/var/lib/pgw/lock'], 'still held by the outer one');
    await outer.release();
    assert.deepEqual([...sys.heldLocks], []);
    const again = await acquireLock(sys, '/var/lib/pgw');
    assert.deepEqual([...sys.heldLocks], ['/var/lib/pgw/lock'], 'free to take again');
    await again.release();
  });

  it('held by another process: "locked", naming its pid (or ? when the note is not one)', async () => {
    const sys = new FakeSystem();
    sys.lockedByOthers.add('/var/lib/pgw/lock');
    sys.put('/var/lib/pgw/lock', '31337\n', 0o600);
    await assert.rejects(
      acquireLock(sys, '/var/lib/pgw'),
      (error: unknown) => isCode('locked')(error) && /31337/.test((error as Error).message),
    );
    sys.put('/var/lib/pgw/lock', 'garbage', 0o600);
    await assert.rejects(
      acquireLock(sys, '/var/lib/pgw'),
      (error: unknown) => isCode('locked')(error) && /"pid":"\?"|\?/.test((error as Error).message),
    );
  });

  it('a state dir that cannot be made private: "state-dir", nothing locked', async () => {
    const sys = new FakeSystem();
    sys.ensurePrivateDir = async () => {
      throw new Error('/var/lib is writable by other users');
    };
    await assert.rejects(acquireLock(sys, '/var/lib/pgw'), isCode('state-dir'));
    assert.deepEqual([...sys.heldLocks], []);
  });
});

describe('acquireLock (real System, flock on a temp dir)', () => {
  it('a second run is refused while the first holds it, and gets it once released', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pgw-lock-'));
    const first = createRealSystem();
    const second = createRealSystem();
    const state = join(dir, 'state');
    try {
      const lock = await acquireLock(first, state);
      assert.equal((await readFile(join(state, 'lock'), 'utf8')).trim(), String(process.pid));
      await assert.rejects(
        acquireLock(second, state),
        (error: unknown) => isCode('locked')(error) && (error as Error).message.includes(String(process.pid)),
      );
      const nested = await acquireLock(first, state);
      await nested.release();
      await assert.rejects(acquireLock(second, state), isCode('locked'), 'the outer hold keeps it');
      await lock.release();
      const theirs = await acquireLock(second, state);
      await theirs.release();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
