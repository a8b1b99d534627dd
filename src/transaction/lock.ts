// One wizard at a time: an flock(2) lock on <stateDir>/lock, held on an open
// descriptor from the first read of the machine to the end of the run. A
// holder that dies (kill -9, power loss) releases it with its descriptor, so
// there is no stale lock to judge and delete; the file itself stays.
// acquireLock nests: the command takes the lock, apply and recovery take it
// again inside and only the outermost release lets it go.
import { codedError } from '../errors.js';
import type { FileLock, System } from '../system/types.js';

export interface Lock {
  release(): Promise<void>;
}

const held = new WeakMap<System, Map<string, { lock: FileLock; depth: number }>>();

export function lockPath(stateDir: string): string {
  return `${stateDir.replace(/\/+$/, '')}/lock`;
}

export async function acquireLock(sys: System, stateDir: string): Promise<Lock> {
  const path = lockPath(stateDir);
  const mine = held.get(sys) ?? new Map<string, { lock: FileLock; depth: number }>();
  held.set(sys, mine);
  let entry = mine.get(path);
  if (!entry) {
    try {
      await sys.ensurePrivateDir(stateDir);
    } catch (error) {
      throw codedError('state-dir', { dir: stateDir, reason: (error as Error).message });
    }
    const lock = await sys.tryLock(path, `${sys.pid()}\n`);
    if (!lock) {
      // The pid is only for the message: the holder writes it just after taking the lock.
      const owner = Number((await sys.readFile(path))?.trim());
      throw codedError('locked', { pid: Number.isInteger(owner) && owner > 0 ? owner : '?', path });
    }
    entry = { lock, depth: 0 };
    mine.set(path, entry);
  }
  entry.depth++;
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      if (--entry.depth > 0) return;
      mine.delete(path);
      await entry.lock.release();
    },
  };
}
