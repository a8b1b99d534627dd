// Free space, checked before anything is written (cheap: one statfs per folder). A change that cannot
// fit is refused with the folder, what is free and what it needs — instead of failing half-way on
// ENOSPC. The needs are generous estimates: a file rewritten through a temp file needs its whole new
// size while the old one still exists; a compiled map (postmap) takes a few pages more than its text.
import { codedError } from '../errors.js';
import type { System } from '../system/types.js';
import type { Plan } from './plan.js';

const page = 4096;
/** postmap's output: a hash/btree .db is 3 pages for a short map, lmdb and its lock file a little more. */
const compiledMapNeed = 16 * page;
/** A journal and the lock's note. */
const stateNeed = 4 * page;

const pages = (bytes: number) => Math.ceil(bytes / page) * page;

export interface SpaceShortage {
  dir: string;
  free: number;
  needed: number;
}

/** What each folder's file system needs for this plan; undefined when every one has room (or cannot be told). */
export async function findShortage(
  sys: System,
  plan: Plan,
  dirs: { backupDir: string; stateDir: string },
): Promise<SpaceShortage | undefined> {
  const touchedSize = async (path: string) => (await sys.fileInfo(path))?.size ?? 0;
  const backupNeed =
    (await Promise.all([...new Set(plan.touches)].map(async (p) => pages(await touchedSize(p))))).reduce(
      (a, b) => a + b,
      0,
    ) + page; // the manifest
  const editsMainCf = plan.settings.length + plan.removeSettings.length > 0;
  const editsMasterCf = (plan.masterRemovals?.length ?? 0) + (plan.masterSettings?.length ?? 0) > 0;
  const configNeed =
    plan.files.reduce((sum, f) => sum + pages(Buffer.byteLength(f.content)), 0) +
    plan.commands.filter((c) => c.file === 'postmap').length * compiledMapNeed +
    (editsMainCf ? pages((await touchedSize(`${plan.configDir}/main.cf`)) + 2048) : 0) +
    (editsMasterCf ? pages((await touchedSize(`${plan.configDir}/master.cf`)) + 2048) : 0);
  const needs: [string, number][] = [
    [plan.configDir, configNeed],
    [dirs.backupDir, backupNeed],
    [dirs.stateDir, stateNeed],
  ];
  // Folders on one file system share its free space: their needs add up.
  const byDevice = new Map<number, { dir: string; free: number; needed: number }>();
  for (const [dir, needed] of needs) {
    const space = await sys.freeSpace(dir);
    if (!space) continue;
    const seen = byDevice.get(space.device);
    if (seen) seen.needed += needed;
    else byDevice.set(space.device, { dir, free: space.free, needed });
  }
  return [...byDevice.values()].find((d) => d.needed > 0 && d.free < d.needed);
}

/** Refuse a plan that would not fit: the error names the folder, what is free and what is needed. */
export async function requireSpace(
  sys: System,
  plan: Plan,
  dirs: { backupDir: string; stateDir: string },
): Promise<void> {
  const short = await findShortage(sys, plan, dirs);
  if (!short) return;
  throw codedError('no-space', { dir: short.dir, free: kib(short.free), needed: kib(short.needed) });
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;
