// Which password files others can read, and how the plan makes them root-only
// (pure, like plan.ts). postmap(1) rewrites an existing compiled map in place,
// keeping its mode and inode: a 0644 sasl_passwd.db would get the new password
// at 0644, and whoever opened it earlier could read it through that descriptor
// even after a chmod. So a loose compiled map that is about to be rebuilt is
// removed first (postmap then creates a new file with the source's 0600); a
// file that keeps its content (a map the wizard supersedes) is made 0600.
import { compiledMapPaths } from '../../postfix/maps.js';
import type { PasswordMapFacts } from '../types.js';
import type { SecretFileFix } from '../../transaction/plan.js';

/** Group or others may read it, or its owner is not root. */
export function readableByOthers(file: { mode?: number; uid?: number }): boolean {
  return file.mode !== undefined && ((file.mode & 0o077) !== 0 || (file.uid !== undefined && file.uid !== 0));
}

/** The password map's files (source and compiled) that others can read now. */
export function exposedSecretFiles(map: PasswordMapFacts | undefined): { path: string; mode: number }[] {
  if (!map) return [];
  const source = map.mode !== undefined && readableByOthers(map) ? [{ path: map.path, mode: map.mode }] : [];
  return [...source, ...map.compiled.filter(readableByOthers).map(({ path, mode }) => ({ path, mode }))];
}

/**
 * What the apply does about exposed files. `ours` is the wizard's own map (its source is rewritten
 * 0600 by the plan, its compiled files rebuilt); `superseded` a map main.cf named before, which the
 * wizard replaces: its files keep their content and become 0600.
 */
export function secretFileFixes(
  ours: PasswordMapFacts | undefined,
  superseded: PasswordMapFacts | undefined,
): SecretFileFix[] {
  const removeCompiled = (ours?.compiled ?? [])
    .filter(readableByOthers)
    .map(({ path, mode }): SecretFileFix => ({ path, mode, action: 'remove' }));
  // By mode only: a chmod cannot take a file from another owner, and a fix that never takes would repeat on every run.
  const tighten = exposedSecretFiles(superseded)
    .filter((f) => (f.mode & 0o077) !== 0)
    .map(({ path, mode }): SecretFileFix => ({ path, mode, action: 'chmod' }));
  return [...removeCompiled, ...tighten];
}

/** Every path that holds (or, after postmap, will hold) a password. */
export function secretPaths(maps: ({ type: string; path: string } | undefined)[]): string[] {
  return [...new Set(maps.flatMap((m) => (m ? [m.path, ...compiledMapPaths(m.type, m.path)] : [])))];
}
