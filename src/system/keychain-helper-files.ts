// Where the keychain helper (keychain-helper.ts) runs from when sudo-keychain.ts
// starts it as the person who ran sudo: that person must be able to read the
// script, the module it loads and the keyring binding.
import { rmSync } from 'node:fs';
import { chown, copyFile, cp, lstat, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SudoUser } from './keychain.js';

let located: Promise<string> | undefined;

/**
 * The helper script, where the user can read it: in place when the user can read the package (a
 * global install), else a copy. The package may sit where only root can read (npx under sudo caches
 * it in root's home, mode 0700); then the helper, the modules it loads and the keyring binding are
 * copied into a private directory owned by the user, removed when the wizard exits. Nothing secret
 * is in these files, and the child runs as the user anyway.
 */
export function helperScript(user: SudoUser): Promise<string> {
  return (located ??= locateHelper(user));
}

async function locateHelper(user: SudoUser): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  const needed = [...helperFiles.map((name) => join(here, name)), ...(await packageJsonOf(here)), ...(await keyringFiles())];
  const readable = await Promise.all(needed.map((path) => readableBy(path, user)));
  return readable.every(Boolean) ? join(here, 'keychain-helper.js') : stageHelper(user);
}

/** What the helper process loads of ours (sudo-keychain.js is only imported for its types there). */
const helperFiles = ['keychain-helper.js', 'keychain.js'];

/** The package.json that makes Node load these files as ES modules. */
async function packageJsonOf(dir: string): Promise<string[]> {
  for (let d = dir; ; d = dirname(d)) {
    if (await stat(join(d, 'package.json')).catch(() => undefined)) return [join(d, 'package.json')];
    if (d === dirname(d)) return [];
  }
}

async function keyringFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const pkg of await keyringPackageDirs()) {
    for (const name of await readdir(pkg.dir)) files.push(join(pkg.dir, name));
  }
  return files;
}

/** Whether `user` may read `path` (every directory on the way searchable); supplementary groups are not counted. */
export async function readableBy(path: string, user: Pick<SudoUser, 'uid' | 'gid'>): Promise<boolean> {
  const may = (info: { uid: number; gid: number; mode: number }, bits: number) =>
    info.uid === user.uid ? (info.mode & (bits << 6)) !== 0 : info.gid === user.gid ? (info.mode & (bits << 3)) !== 0 : (info.mode & bits) !== 0;
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const info = await stat('/' + parts.slice(0, i).join('/')).catch(() => undefined);
    if (!info || !may(info, 0o1)) return false;
  }
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && may(info, info.isDirectory() ? 0o5 : 0o4);
}

export async function stageHelper(user: SudoUser): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'pgw-keychain-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true })); // 'exit' handlers must be synchronous
  for (const name of helperFiles) await copyFile(join(here, name), join(dir, name));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const pkg of await keyringPackageDirs()) {
    const target = join(dir, 'node_modules', ...pkg.name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await cp(pkg.dir, target, { recursive: true, dereference: true });
  }
  await chownTree(dir, user.uid, user.gid);
  return join(dir, 'keychain-helper.js');
}

/** @napi-rs/keyring and whichever of its prebuilt binding packages is installed. */
async function keyringPackageDirs(): Promise<{ name: string; dir: string }[]> {
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve('@napi-rs/keyring/package.json');
  } catch {
    return []; // the helper will report module-missing
  }
  const pkg = JSON.parse(await readFile(main, 'utf8')) as { optionalDependencies?: Record<string, string> };
  const fromMain = createRequire(main);
  const dirs = [{ name: '@napi-rs/keyring', dir: dirname(main) }];
  for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
    try {
      dirs.push({ name, dir: dirname(fromMain.resolve(`${name}/package.json`)) });
    } catch {
      // not this platform's binding
    }
  }
  return dirs;
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid);
  if (!(await lstat(path)).isDirectory()) return;
  for (const name of await readdir(path)) await chownTree(join(path, name), uid, gid);
}
