// The lookup tables main.cf names, with their files' modes and times (postmap's copies included).
import { compiledMapPaths } from '../../postfix/maps.js';
import type { FileState, MapState } from '../../postfix/problems/types.js';
import { mapList } from '../../postfix/tls-policy.js';
import type { System } from '../../system/types.js';

export { mapParameters } from '../../postfix/problems/read-names.js';
import { mapParameters } from '../../postfix/problems/read-names.js';

async function state(sys: System, path: string): Promise<FileState | undefined> {
  const info = await sys.fileInfo(path);
  return info && !info.isDirectory ? { path, mode: info.mode, uid: info.uid, mtimeMs: info.mtimeMs } : undefined;
}

/**
 * `leftovers`: password files main.cf no longer names (the recipe's saslpass after a setup, the
 * wizard's own sasl_passwd): they still hold a password, so their modes count; parameter ''.
 */
export async function readMapStates(
  sys: System,
  settings: Readonly<Record<string, string>>,
  leftovers: readonly { type: string; path: string }[] = [],
): Promise<MapState[]> {
  const named = mapParameters.flatMap((parameter) =>
    mapList(settings[parameter] ?? '').flatMap((ref) => {
      // proxy:hash:/x is the same file read through proxymap(8).
      const match = /^(?:proxy:)?([a-z0-9]+):(\/[^\s,{}]+)$/.exec(ref);
      return match ? [{ parameter, type: match[1]!, path: match[2]! }] : [];
    }),
  );
  const refs = [
    ...named,
    ...leftovers.filter((l) => !named.some((n) => n.path === l.path)).map((l) => ({ parameter: '', ...l })),
  ];
  return Promise.all(
    refs.map(async (ref) => ({
      ...ref,
      secret: ref.parameter === 'smtp_sasl_password_maps' || ref.parameter === '',
      source: await state(sys, ref.path),
      compiled: await Promise.all(
        compiledMapPaths(ref.type, ref.path).map(async (path) => ({ path, state: await state(sys, path) })),
      ),
    })),
  );
}
