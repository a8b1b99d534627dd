// main.cf and master.cf as postconf(1) reads and edits them, for the fake Postfix (fake-postfix.ts),
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

// ---- master.cf ---------------------------------------------------------------------------------

export interface MasterEntry {
  entry: Logical;
  /** service, type, private, unprivileged, chroot, wakeup, process_limit, command */
  fields: string[];
  /** What follows the command, -o pairs included, word by word. */
  args: string[];
}
export const masterFieldNames = [
  'service',
  'type',
  'private',
  'unprivileged',
  'chroot',
  'wakeup',
  'process_limit',
  'command',
];

export function masterEntries(text: string, path: string): MasterEntry[] {
  return logicalLines(text).map((entry) => {
    const words = entry.text.trim().split(/\s+/);
    if (words.length < 8)
      throw new PostfixSyntaxError(`postconf: fatal: file ${path}: line ${entry.lines[0]! + 1}: bad field count`);
    return { entry, fields: words.slice(0, 8), args: words.slice(8) };
  });
}

/** The -o name=value pairs of an entry, in order. */
export function masterOptions(entry: MasterEntry): [string, string][] {
  const options: [string, string][] = [];
  for (let i = 0; i < entry.args.length; i++) {
    const arg = entry.args[i]!;
    const pair = arg === '-o' ? entry.args[++i] : arg.startsWith('-o') ? arg.slice(2) : undefined;
    if (pair?.includes('=')) options.push([pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
  }
  return options;
}

// The columns postconf aligns master.cf's fields to (postconf_master.c); a long field pushes the rest.
const columnGoals = [0, 11, 17, 25, 33, 41, 49, 57];

export function formatMasterFields(fields: readonly string[]): string {
  let line = '';
  fields.forEach((field, i) => {
    if (i > 0) line += ' ';
    line = line.padEnd(columnGoals[i]!);
    line += field;
  });
  return line;
}

/** One entry as `postconf -M` prints it: the aligned fields, then every argument on the same line. */
export const printMasterEntry = (m: MasterEntry) => [formatMasterFields(m.fields), ...m.args].join(' ');

/** As postconf writes an entry it edited: other arguments on the first line, each -o on a line of its own. */
function writeMasterEntry(fields: readonly string[], args: readonly string[], options: [string, string][]): string[] {
  return [[formatMasterFields(fields), ...args].join(' '), ...options.map(([n, v]) => `    -o ${n}=${v}`)];
}

/**
 * `-P service/type/name=value` (set) and `-PX service/type/name` (remove): the entry is rewritten
 * after the comments inside it. Returns the new text, and the requests that matched no service.
 */
export function editMasterCf(
  text: string,
  path: string,
  edits: { key: string; value?: string }[],
): { text: string; unmatched: string[] } {
  const entries = masterEntries(text, path);
  const physical: (string | undefined)[] = physicalLines(text);
  const unmatched: string[] = [];
  const changed = new Map<MasterEntry, [string, string][]>();
  for (const { key, value } of edits) {
    const [service, type, name] = key.split('/');
    const target = entries.find((m) => m.fields[0] === service && m.fields[1] === type);
    if (!target || !name) {
      unmatched.push(value === undefined ? key : `${key}=${value}`);
      continue;
    }
    const options = changed.get(target) ?? masterOptions(target);
    const at = options.findIndex(([n]) => n === name);
    if (value === undefined) {
      if (at >= 0) options.splice(at, 1);
      else if (!changed.has(target)) continue;
    } else if (at >= 0) options[at] = [name, value];
    else options.push([name, value]);
    changed.set(target, options);
  }
  for (const [m, options] of changed) {
    // Postfix writes the edited entry when the next one begins: the comments and blank lines
    // inside it, and those after it, come first.
    const first = m.entry.lines[0]!;
    const next = entries[entries.indexOf(m) + 1]?.entry.lines[0] ?? physical.length;
    for (const n of m.entry.lines) physical[n] = undefined;
    const kept = physical.slice(first, next).filter((l) => l !== undefined);
    for (let n = first; n < next; n++) physical[n] = undefined;
    physical[next - 1] = [...kept, ...writeMasterEntry(m.fields, withoutOptions(m.args), options)].join('\n');
  }
  const lines = physical.filter((l): l is string => l !== undefined);
  return { text: lines.length ? `${lines.join('\n')}\n` : '', unmatched };
}

function withoutOptions(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o') i++;
    else if (!args[i]!.startsWith('-o')) out.push(args[i]!);
  }
  return out;
}
