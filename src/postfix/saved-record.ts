// postfix-gmail-wizard.saved: every value the wizard replaced or took out, so
// that `remove` can put it back. One record, three kinds of line (the first is
// the file's original format, still read as it was):
//   name = value | name (not set)              a main.cf parameter
//   master.cf service/type/name = value        a master.cf `-o` taken out (postconf -PX)
//   table TYPE:PATH KEY written SHA256         an entry taken out of a lookup table's source;
//     line N: TEXT                             its lines, N counted from 1 in the file before
// SHA256 is the file as the wizard left it: remove puts the lines back at their old place only then.
import { createHash } from 'node:crypto';
import type { RemovedLine } from './table-entries.js';

export interface SavedTableEntry {
  /** `type:path` as main.cf names the table. */
  map: string;
  key: string;
  /** sha256 (hex) of the source file the wizard wrote without the entry. */
  written: string;
  lines: RemovedLine[];
}

export interface SavedRecord {
  /** main.cf: undefined where main.cf did not set the parameter. */
  main: Map<string, string | undefined>;
  /** `service/type/name` → the `-o` value taken out. */
  master: Map<string, string>;
  tables: SavedTableEntry[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function emptyRecord(): SavedRecord {
  return { main: new Map(), master: new Map(), tables: [] };
}

export function recordIsEmpty(record: SavedRecord): boolean {
  return record.main.size + record.master.size + record.tables.length === 0;
}

export function parseSavedRecord(content: string | undefined): SavedRecord {
  const record = emptyRecord();
  let table: SavedTableEntry | undefined;
  for (const line of (content ?? '').split('\n')) {
    const set = /^([A-Za-z0-9_]+) = ([^\n]*)$/.exec(line);
    const unset = /^([A-Za-z0-9_]+) \(not set\)$/.exec(line);
    const master = /^master\.cf ([^/\s]+\/[^/\s]+\/[A-Za-z0-9_]+) = ([^\n]*)$/.exec(line);
    const head = /^table (\S+) (\S+) written ([0-9a-f]{64})$/.exec(line);
    const body = /^ {2}line (\d+): ([^\n]*)$/.exec(line);
    if (body && table) {
      table.lines.push([Number(body[1]) - 1, body[2] ?? '']);
      continue;
    }
    table = undefined;
    if (set?.[1]) record.main.set(set[1], set[2] ?? '');
    else if (unset?.[1]) record.main.set(unset[1], undefined);
    else if (master?.[1]) record.master.set(master[1], master[2] ?? '');
    else if (head?.[1] && head[2] && head[3]) {
      table = { map: head[1], key: head[2], written: head[3], lines: [] };
      record.tables.push(table);
    }
  }
  record.tables = record.tables.filter((t) => t.lines.length > 0);
  return record;
}

/** What the template (templates/saved_settings.ejs) renders. */
export function savedTemplateData(record: SavedRecord): Record<string, unknown> {
  return {
    entries: [...record.main.entries()],
    master: [...record.master.entries()],
    tables: record.tables.map((t) => ({ ...t, lines: t.lines.map(([index, text]) => [index + 1, text]) })),
  };
}

/**
 * Adds what a setup takes out of master.cf and the tables. The wizard never writes these itself,
 * so what it takes out is the person's: the latest value replaces an older record of the same one.
 */
export function recordTakenOut(
  record: SavedRecord,
  master: readonly (readonly [string, string])[],
  tables: readonly SavedTableEntry[],
): void {
  for (const [key, value] of master) record.master.set(key, value);
  for (const entry of tables) {
    record.tables = record.tables.filter(
      (t) => !(t.map === entry.map && t.key.toLowerCase() === entry.key.toLowerCase()),
    );
    record.tables.push(entry);
  }
}
