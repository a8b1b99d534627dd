// Who a process is, from /proc (the lock's holder, Postfix's master).
import { promises as fs } from 'node:fs';

// Linux's /proc; elsewhere (macOS) no answer, and the caller falls back to the queue alone.
export async function processInfo(pid: number): Promise<{ comm: string; uid: number } | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const [comm, status] = await Promise.all([
      fs.readFile(`/proc/${pid}/comm`, 'utf8'),
      fs.readFile(`/proc/${pid}/status`, 'utf8'),
    ]);
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    return Number.isInteger(uid) ? { comm: comm.trim(), uid } : undefined;
  } catch {
    return undefined;
  }
}
