// Where the keychain helper (keychain-helper.ts) runs from when sudo-keychain.ts
// starts it as the person who ran sudo: that person must be able to read the
// script, the module it loads and the keyring binding, and must not be able to
// change any of them for the next run (root stages them) or to plant something
// the helper would load instead (it loads the binding by absolute path only).
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultStagingBase, stageFiles } from './keychain-helper-stage.js';
import type { SudoUser } from './sudo-user.js';
import { installedKeyringBinding } from './keyring-binding.js';

/** The helper script and the absolute path of the binding it is to load (none: it answers module-missing). */
export interface HelperFiles {
  script: string;
  binding?: string;
}

let located: Promise<HelperFiles> | undefined;

/**
 * In place when the user can read the package (a global install), else a copy. The package may sit
 * where only root can read (npx under sudo caches it in root's home, mode 0700); then the helper,
 * the module it loads and the binding are copied into a directory of root's that the user can read
 * and nobody else can write (keychain-helper-stage.ts). Nothing secret is in these files.
 */
export function helperFiles(user: SudoUser): Promise<HelperFiles> {
  return (located ??= locateHelper(user));
}

// Defined (true) only in the bundle that ships (scripts/bundle.ts): there the helper is one file
// with everything it loads of ours inside; from dist/src (the tests) it loads the modules below.
declare const PGW_BUNDLE: boolean | undefined;

/** What the helper process loads of ours (sudo-keychain.js is only imported for its types there). */
const ourFiles =
  typeof PGW_BUNDLE !== 'undefined' && PGW_BUNDLE
    ? ['keychain-helper.js']
    : ['keychain-helper.js', 'keychain.js', 'keychain-errors.js', 'sudo-user.js', 'keyring-binding.js'];
const here = () => dirname(fileURLToPath(import.meta.url));

async function locateHelper(user: SudoUser): Promise<HelperFiles> {
  const binding = await installedKeyringBinding();
  const needed = [
    ...ourFiles.map((name) => join(here(), name)),
    ...(await packageJsonOf(here())),
    ...(binding ? [binding] : []),
  ];
  const readable = await Promise.all(needed.map((path) => readableBy(path, user)));
  return readable.every(Boolean) ? { script: join(here(), 'keychain-helper.js'), binding } : stageHelper(binding);
}

/** The package.json that makes Node load these files as ES modules. */
async function packageJsonOf(dir: string): Promise<string[]> {
  for (let d = dir; ; d = dirname(d)) {
    if (await stat(join(d, 'package.json')).catch(() => undefined)) return [join(d, 'package.json')];
    if (d === dirname(d)) return [];
  }
}

/** Whether `user` may read `path` (every directory on the way searchable); supplementary groups are not counted. */
export async function readableBy(path: string, user: Pick<SudoUser, 'uid' | 'gid'>): Promise<boolean> {
  const may = (info: { uid: number; gid: number; mode: number }, bits: number) =>
    info.uid === user.uid
      ? (info.mode & (bits << 6)) !== 0
      : info.gid === user.gid
        ? (info.mode & (bits << 3)) !== 0
        : (info.mode & bits) !== 0;
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const info = await stat(`/${parts.slice(0, i).join('/')}`).catch(() => undefined);
    if (!info || !may(info, 0o1)) return false;
  }
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && may(info, info.isDirectory() ? 0o5 : 0o4);
}

/** A root-owned copy of the helper (and of `binding`, if any) under `base`. */
export async function stageHelper(binding?: string, base?: string): Promise<HelperFiles> {
  const files = [
    ...(await Promise.all(ourFiles.map(async (name) => ({ name, content: await readFile(join(here(), name)) })))),
    { name: 'package.json', content: '{ "type": "module" }\n' },
    ...(binding ? [{ name: 'keyring.node', content: await readFile(binding) }] : []),
  ];
  const dir = await stageFiles(files, base ?? (await defaultStagingBase()));
  return { script: join(dir, 'keychain-helper.js'), ...(binding ? { binding: join(dir, 'keyring.node') } : {}) };
}
