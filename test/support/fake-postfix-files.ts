// main.cf as postconf(1) reads and edits it (master.cf: fake-master-cf.ts), for the fake Postfix (fake-postfix.ts),
// pinned to Postfix 3.7 by its contract test (fake-postfix.test.ts, against the real postconf -c DIR).
// Both files are made of logical lines: a line that starts with whitespace continues the one before;
// blank and comment lines are skipped and do not end it (postconf(5), master(5)).

export interface Logical {
  /** Physical line numbers (0-based): the first, then its continuation lines; comments in between are not in it. */
  lines: number[];
  /** The physical lines joined as Postfix joins them (no newline; each continuation's whitespace kept). */
  text: string;
}
export class PostfixSyntaxError extends Error {}

const isSkipped = (line: string) => /^\s*(#|$)/.test(line);

export function physicalLines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

export function logicalLines(text: string): Logical[] {
  const entries: Logical[] = [];
  physicalLines(text).forEach((line, n) => {
    if (isSkipped(line)) return;
    const current = entries.at(-1);
    if (/^\s/.test(line) && current) {
      current.lines.push(n);
      current.text += line;
    } else entries.push({ lines: [n], text: line });
  });
  return entries;
}

// ---- main.cf -----------------------------------------------------------------------------------

/** name → value as written (later entries win); throws on a line without '=', as postconf does (lenient: skips it). */
export function mainCfSettings(text: string, path: string, lenient = false): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const entry of logicalLines(text)) {
    const match = /^([A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*$/s.exec(entry.text);
    if (!match && lenient) continue;
    if (!match)
      throw new PostfixSyntaxError(
        `postconf: fatal: ${path}, line ${entry.lines[0]! + 1}: missing '=' after attribute name: "${entry.text.trim()}"`,
      );
    settings[match[1]!] = match[2]!;
  }
  return settings;
}

/** A value as postconf prints it: runs of whitespace (continuation lines included) become one space. */
export const printedValue = (value: string) => value.split(/\s+/).filter(Boolean).join(' ');

/** `-e name=value`: "name = value" with the blanks around '=' and at the ends dropped; one line only. */
export function parseEdit(arg: string): [string, string] {
  if (arg.includes('\n')) throw new PostfixSyntaxError('postconf: fatal: -e, -X, or -# accepts no multi-line input');
  const eq = arg.indexOf('=');
  return [arg.slice(0, eq).trim(), arg.slice(eq + 1).trim()];
}

/**
 * As postconf -e/-X do: every entry of an edited name is replaced where its first line was (its
 * continuation lines go, comments among them stay), removed ones vanish, new names go at the end.
 */
export function editMainCf(text: string, edits: Record<string, string | undefined>): string {
  const physical = physicalLines(text);
  const replaced = new Set<string>();
  const out: (string | undefined)[] = [...physical];
  for (const entry of logicalLines(text)) {
    const name = /^([A-Za-z0-9_.-]+)\s*=/.exec(entry.text)?.[1];
    if (!name || !(name in edits)) continue;
    const value = edits[name];
    for (const n of entry.lines) out[n] = undefined;
    if (value !== undefined) out[entry.lines[0]!] = `${name} = ${value}`;
    replaced.add(name);
  }
  const lines = out.filter((l): l is string => l !== undefined);
  // New parameters go at the end. Postfix's order there varies run to run (a seeded hash table); name order is one of them.
  for (const [name, value] of Object.entries(edits).sort(([a], [b]) => (a < b ? -1 : 1)))
    if (value !== undefined && !replaced.has(name)) lines.push(`${name} = ${value}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
