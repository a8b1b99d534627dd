// Lookup tables: which files postmap makes for a map type, and how to call it.
// See postmap(1) and DATABASE_README: hash/btree → .db, lmdb → .lmdb, cdb → .cdb.

const compiledSuffixes: Record<string, string[]> = {
  hash: ['.db'],
  btree: ['.db'],
  lmdb: ['.lmdb'],
  cdb: ['.cdb'],
  dbm: ['.dir', '.pag'],
  sdbm: ['.dir', '.pag'],
};

/** Files postmap writes for `type:path`; empty for types read as text (texthash, …). */
export function compiledMapPaths(type: string, path: string): string[] {
  return (compiledSuffixes[type] ?? []).map((suffix) => path + suffix);
}

/** What postmap could have made of `path`, whatever the type: every compiled form a restore may put back. */
export function everyCompiledForm(path: string): string[] {
  return [...new Set(Object.values(compiledSuffixes).flat())].map((suffix) => path + suffix);
}

export function needsPostmap(type: string): boolean {
  return type in compiledSuffixes;
}

export function postmapArgs(configDir: string | undefined, type: string, path: string): string[] {
  return [...(configDir ? ['-c', configDir] : []), `${type}:${path}`];
}
