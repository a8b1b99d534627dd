// Lookup tables: which files postmap makes for a map type, and how to call it.
// See postmap(1) and DATABASE_README: hash/btree → .db, lmdb → .lmdb, cdb → .cdb.

// A Map, not an object: a type read from main.cf may be any word, "constructor" or "__proto__" included.
const compiledSuffixes = new Map<string, readonly string[]>(
  Object.entries({
    hash: ['.db'],
    btree: ['.db'],
    lmdb: ['.lmdb'],
    cdb: ['.cdb'],
    dbm: ['.dir', '.pag'],
    sdbm: ['.dir', '.pag'],
  }),
);

/** Files postmap writes for `type:path`; empty for types read as text (texthash, …). */
export function compiledMapPaths(type: string, path: string): string[] {
  return (compiledSuffixes.get(type) ?? []).map((suffix) => path + suffix);
}

/** What postmap could have made of `path`, whatever the type: every compiled form a restore may put back. */
export function everyCompiledForm(path: string): string[] {
  return [...new Set([...compiledSuffixes.values()].flat())].map((suffix) => path + suffix);
}

export function needsPostmap(type: string): boolean {
  return compiledSuffixes.has(type);
}

export function postmapArgs(configDir: string | undefined, type: string, path: string): string[] {
  return [...(configDir ? ['-c', configDir] : []), `${type}:${path}`];
}
