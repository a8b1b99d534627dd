// Directories a plan makes with an owner and a mode (sasl-xoauth2's token directory: the user smtp(8)
// runs as must own it, 0700, because the plugin rewrites the token file beside itself). Made before
// the files are written into them; a rollback takes out again, once empty, the ones this run made.
import type { System } from '../system/types.js';

export interface PlannedDirectory {
  path: string;
  mode: number;
  uid: number;
  gid: number;
}

/** Make each directory missing, or give an existing one its owner and mode; `made` collects the new ones. */
export async function makeDirectories(sys: System, dirs: readonly PlannedDirectory[], made: string[]): Promise<void> {
  for (const dir of dirs) {
    const info = await sys.fileInfo(dir.path);
    if (info && !info.isDirectory) throw new Error(`${dir.path} exists and is not a directory`);
    if (!info) made.push(dir.path);
    await sys.ownedDirectory(dir.path, dir);
  }
}

/** After a rollback: the directories this run made, deepest first, each only if it is empty again. */
export async function removeMadeDirectories(sys: System, made: readonly string[]): Promise<void> {
  for (const path of [...made].reverse()) await sys.removeEmptyDirectory(path).catch(() => undefined);
}

/**
 * After a change that completed (its second names beside the files dropped, aside.ts): the directories
 * the plan emptied go. Best effort — an empty directory left behind is harmless, and a rollback never
 * needs to make one again.
 */
export async function removeEmptiedDirectories(sys: System, dirs: readonly PlannedDirectory[]): Promise<void> {
  for (const dir of dirs) await sys.removeEmptyDirectory(dir.path).catch(() => undefined);
}

/** The transaction's mkdir steps, before the writes; `made` collects the new ones for a rollback. */
export function directorySteps(
  sys: System,
  plan: { directories?: PlannedDirectory[] },
  made: string[],
): { code: 'mkdir'; target: string; run: () => Promise<void> }[] {
  return (plan.directories ?? []).map((d) => ({
    code: 'mkdir',
    target: d.path,
    run: () => makeDirectories(sys, [d], made),
  }));
}
