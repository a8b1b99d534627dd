// Waiting for a file another process creates to say it reached a point (a planted command's
// "started"): the test goes on at that event, whatever the machine's speed.
import { existsSync } from 'node:fs';

/** Resolves once `path` exists; fails at once if `gaveUp()` (the process that makes it ended first). */
export async function waitForFile(path: string, gaveUp: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (gaveUp()) throw new Error(`${path}: its maker ended without creating it`);
    if (Date.now() > deadline) throw new Error(`${path} not created after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20)); // polls for the file, not a guess at how long to wait
  }
}
