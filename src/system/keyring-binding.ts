// The native binding of @napi-rs/keyring, loaded by absolute path. Its own
// index.js finds the platform binding with bare require()s, which walk up the
// directory tree (to /tmp/node_modules for a copy under /tmp, or to the cwd's
// node_modules) and load whatever another user planted there. So the package's
// JavaScript is never loaded: the wizard, as itself, finds the platform
// package's `.node` file once, accepts it only where no other user could have
// put or changed it, and everything (the sudo helper included) dlopens that
// one file by its path.
import { lstat, readFile, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

type Native = typeof import('@napi-rs/keyring');

/** What keychain.ts uses of the binding. */
export interface KeyringModules {
  AsyncEntry: Native['AsyncEntry'];
  findCredentials: Native['findCredentialsAsync'];
}

/** The binding at `path` (absolute; nothing is resolved), or a thrown error. */
export function loadKeyringAt(path: string): KeyringModules {
  if (!isAbsolute(path) || !path.endsWith('.node')) throw new Error(`not a native binding path: ${path}`);
  const native = createRequire(path)(path) as Partial<Native>;
  if (typeof native.AsyncEntry !== 'function' || typeof native.findCredentialsAsync !== 'function')
    throw new Error(`${path} is not the keyring binding`);
  return { AsyncEntry: native.AsyncEntry, findCredentials: native.findCredentialsAsync };
}

/** The installed binding, loaded; undefined when there is none the wizard can trust. */
export async function loadInstalledKeyring(): Promise<KeyringModules | undefined> {
  const path = await installedKeyringBinding();
  return path ? loadKeyringAt(path) : undefined;
}

let found: Promise<string | undefined> | undefined;

/** The real path of this platform's `.node` file of @napi-rs/keyring, if installed where only trusted owners can write. */
export function installedKeyringBinding(): Promise<string | undefined> {
  return (found ??= findBinding().catch(() => undefined));
}

async function findBinding(): Promise<string | undefined> {
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve('@napi-rs/keyring/package.json');
  } catch {
    return undefined;
  }
  const owners = await trustedOwners();
  // Even the package.json files that lead to the binding must be beyond other users' reach.
  if (!(await onlyWritableBy(await realpath(main), owners))) return undefined;
  const pkg = JSON.parse(await readFile(main, 'utf8')) as { optionalDependencies?: Record<string, string> };
  const fromMain = createRequire(main);
  for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
    let packageJson: string;
    try {
      packageJson = fromMain.resolve(`${name}/package.json`);
    } catch {
      continue; // another platform's binding
    }
    if (!name.startsWith('@napi-rs/keyring-') || !(await onlyWritableBy(await realpath(packageJson), owners))) continue;
    const meta = JSON.parse(await readFile(packageJson, 'utf8')) as {
      main?: string;
      os?: string[];
      cpu?: string[];
      libc?: string[];
    };
    if (!fitsThisMachine(meta) || !meta.main?.endsWith('.node') || meta.main.includes('/')) continue;
    const binding = await realpath(`${dirname(packageJson)}/${meta.main}`).catch(() => undefined);
    if (binding && (await onlyWritableBy(binding, owners))) return binding;
  }
  return undefined;
}

function fitsThisMachine(meta: { os?: string[]; cpu?: string[]; libc?: string[] }): boolean {
  if (meta.os && !meta.os.includes(process.platform)) return false;
  if (meta.cpu && !meta.cpu.includes(process.arch)) return false;
  if (!meta.libc) return true;
  if (process.report) (process.report as { excludeNetwork?: boolean }).excludeNetwork = true; // as napi-rs does: no DNS lookups
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return meta.libc.includes(header?.glibcVersionRuntime ? 'glibc' : 'musl');
}

/** Root, whoever runs the wizard, and whoever owns the wizard's own code (they own this process already). */
async function trustedOwners(): Promise<Set<number>> {
  const ours = await lstat(dirname(fileURLToPath(import.meta.url))).catch(() => undefined);
  return new Set([0, process.getuid?.() ?? 0, ...(ours ? [ours.uid] : [])]);
}

/**
 * Whether no one but `owners` can have written `path`: every component is owned by one of them, is
 * no symlink, and sits in a directory that others cannot write (or a sticky one, like /tmp, where
 * others cannot rename what they do not own); the file itself is not writable by group or others.
 */
export async function onlyWritableBy(path: string, owners: ReadonlySet<number>): Promise<boolean> {
  const parts = path.split('/').filter(Boolean);
  let parentMode: number | undefined;
  for (let i = 0; i <= parts.length; i++) {
    const info = await lstat(`/${parts.slice(0, i).join('/')}`).catch(() => undefined);
    if (!info || info.isSymbolicLink() || !owners.has(info.uid)) return false;
    if (parentMode !== undefined && (parentMode & 0o022) !== 0 && (parentMode & 0o1000) === 0) return false;
    parentMode = info.mode;
  }
  return parentMode !== undefined && (parentMode & 0o022) === 0;
}
