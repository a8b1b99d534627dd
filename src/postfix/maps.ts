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

/**
 * The work files Postfix's own tools leave beside `path` when they die or the disk fills mid-write: Berkeley DB's
 * `__db.NAME` region file (postmap into a .db), `NAME.tmp` (postconf -e/-X/-P edits main.cf and master.cf
 * through it; postmap -o of cdb), and LMDB's `NAME-lock`. A rollback takes out those the run made.
 */
export function toolLeftovers(path: string): string[] {
  const cut = path.lastIndexOf('/');
  const [dir, name] = [path.slice(0, cut), path.slice(cut + 1)];
  return [`${dir}/__db.${name}`, `${path}.tmp`, `${path}-lock`];
}
