// The CA bundle sasl-xoauth2 needs inside smtp(8)'s chroot: the plugin refreshes the access token with
// libcurl from inside it, where the system's bundle (and a --ca-file) is not. Setup names the bundle the
// pre-flight trusted as the plugin's ca_bundle_file and copies it to the same path under the chroot;
// remove takes the copy out while it is still byte for byte the file it was copied from.
import { dirname } from 'node:path';
import type { System } from '../system/types.js';
import { jsonString } from './json-string.js';

/** A file smtp(8) needs inside its chroot: `from` (the path it is seen at inside too), the copy at `to`. */
export interface ChrootCopy {
  from: string;
  to: string;
  content: string;
  /** The copy as it is now, if there is one. */
  current?: { content?: string; mode: number };
  /** The directories above `to` (under the chroot) that are not there yet, outermost first. */
  missingDirs: string[];
}

/** `ca.path` copied under `chrootDir` at the same path: what is there now and which directories it needs. */
export async function chrootCaCopy(
  sys: System,
  chrootDir: string,
  ca: { path: string; pem: string },
): Promise<ChrootCopy> {
  const root = chrootDir.replace(/\/+$/, '');
  const to = `${root}${ca.path}`;
  const info = await sys.fileInfo(to);
  const missingDirs: string[] = [];
  for (let dir = dirname(to); dir.length > root.length; dir = dirname(dir)) {
    if (!(await sys.fileInfo(dir))) missingDirs.unshift(dir);
  }
  return {
    from: ca.path,
    to,
    content: ca.pem,
    ...(info ? { current: { content: await sys.readFile(to), mode: info.mode } } : {}),
    missingDirs,
  };
}

/** The chroot's copy of an own config's ca_bundle_file, when it is byte for byte the file it was copied from. */
export async function ownCaCopy(
  sys: System,
  queue: string,
  config: { path: string; content?: string },
): Promise<string | undefined> {
  if (!config.path.startsWith(`${queue}/`)) return undefined;
  const bundle = jsonString(config.content, 'ca_bundle_file');
  if (!bundle?.startsWith('/')) return undefined;
  const [copy, original] = await Promise.all([sys.readFile(`${queue}${bundle}`), sys.readFile(bundle)]);
  return copy !== undefined && copy === original ? `${queue}${bundle}` : undefined;
}
