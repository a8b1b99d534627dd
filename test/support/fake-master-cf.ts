// master.cf as postconf(1) reads and edits it (-M, -MX, -P, -PX, -F, with or without "="), for the
// fake Postfix (fake-postfix.ts), pinned to Postfix 3.7 by its contract test (fake-postfix.test.ts).
import { type Logical, PostfixSyntaxError, logicalLines, physicalLines } from './fake-postfix-files.js';

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

export interface MasterEdit {
  key: string;
  /** -P: the -o value (undefined: -PX). */
  value?: string;
  /** -F: the field's new value. */
  field?: string;
  /** -M: the whole new entry (undefined with remove: -MX). */
  entry?: string;
  remove?: boolean;
}

/**
 * -P/-PX set or take out an -o, -F sets a field: the entry is rewritten where the next one begins
 * (the comments inside and after it come first). -M replaces an entry where it began, or appends a
 * new one; -MX takes one out. Returns the new text and the requests that matched no service.
 */
export function editMasterCf(text: string, path: string, edits: MasterEdit[]): { text: string; unmatched: string[] } {
  const entries = masterEntries(text, path);
  const physical: (string | undefined)[] = physicalLines(text);
  const unmatched: string[] = [];
  const changed = new Map<MasterEntry, { fields: string[]; args: string[]; options: [string, string][] }>();
  const replaced = new Map<MasterEntry, string[] | undefined>();
  const appended: string[] = [];
  for (const edit of edits) {
    const [service, type, name] = edit.key.split('/');
    const target = entries.find((m) => m.fields[0] === service && m.fields[1] === type);
    if (edit.entry !== undefined || edit.remove) {
      const words = edit.entry?.trim().split(/\s+/);
      const lines =
        words && writeMasterEntry(words.slice(0, 8), withoutOptions(words.slice(8)), optionsOf(words.slice(8)));
      if (target) replaced.set(target, lines);
      else if (lines) appended.push(...lines);
      continue;
    }
    if (!target || !name) {
      unmatched.push(edit.value === undefined ? edit.key : `${edit.key}=${edit.value}`);
      continue;
    }
    const state = changed.get(target) ?? {
      fields: [...target.fields],
      args: withoutOptions(target.args),
      options: masterOptions(target),
    };
    if (edit.field !== undefined) {
      const at = masterFieldNames.indexOf(name);
      if (at === 7) {
        // The command field is the whole command line: its -o values go with the old one.
        const [command, ...rest] = edit.field.trim().split(/\s+/);
        state.fields[7] = command ?? '';
        state.args = withoutOptions(rest);
        state.options = optionsOf(rest);
      } else state.fields[at] = edit.field;
    } else {
      const at = state.options.findIndex(([n]) => n === name);
      if (edit.value === undefined) {
        if (at < 0 && !changed.has(target)) continue;
        if (at >= 0) state.options.splice(at, 1);
      } else if (at >= 0) state.options[at] = [name, edit.value];
      else state.options.push([name, edit.value]);
    }
    changed.set(target, state);
  }
  for (const [m, state] of changed) {
    const first = m.entry.lines[0]!;
    const next = entries[entries.indexOf(m) + 1]?.entry.lines[0] ?? physical.length;
    for (const n of m.entry.lines) physical[n] = undefined;
    const kept = physical.slice(first, next).filter((l) => l !== undefined);
    for (let n = first; n < next; n++) physical[n] = undefined;
    physical[next - 1] = [...kept, ...writeMasterEntry(state.fields, state.args, state.options)].join('\n');
  }
  for (const [m, lines] of replaced) {
    for (const n of m.entry.lines) physical[n] = undefined;
    if (lines) physical[m.entry.lines[0]!] = lines.join('\n');
  }
  const lines = [...physical.filter((l): l is string => l !== undefined), ...appended];
  return { text: lines.length ? `${lines.join('\n')}\n` : '', unmatched };
}

function optionsOf(args: readonly string[]): [string, string][] {
  return masterOptions({ entry: { lines: [], text: '' }, fields: [], args: [...args] });
}
function withoutOptions(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o') i++;
    else if (!args[i]!.startsWith('-o')) out.push(args[i]!);
  }
  return out;
}

const ok = (stdout = '') => ({ exitCode: 0, stdout, stderr: '' });

/** postconf -M/-MX/-P/-PX/-F on master.cf's text; an edit is written back through `write`. */
export function answerMasterCf(
  flag: string,
  args: string[],
  text: string,
  path: string,
  write: (text: string) => void,
): { exitCode: number; stdout: string; stderr: string } {
  const entries = masterEntries(text, path);
  const name = (m: MasterEntry) => `${m.fields[0]}/${m.fields[1]}`;
  const split = (a: string) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as const;
  const isEdit = flag.endsWith('X') || args.some((a) => a.includes('='));
  if (isEdit) {
    const edits: MasterEdit[] = args.map((a) => {
      if (flag.endsWith('X')) return flag === '-MX' ? { key: a, remove: true } : { key: a };
      const [key, value] = split(a);
      return flag === '-M' ? { key, entry: value } : flag === '-F' ? { key, field: value } : { key, value };
    });
    const edited = editMasterCf(text, path, edits);
    if (edited.text !== text) write(edited.text);
    const warnings = edited.unmatched.map((u) => `postconf: warning: unmatched service_name/type: "${u}"\n`);
    return { exitCode: 0, stdout: '', stderr: warnings.join('') };
  }
  if (flag === '-M')
    return ok(
      entries
        .filter((m) => args.length === 0 || args.includes(name(m)) || args.includes(m.fields[0]!))
        .map((m) => `${printMasterEntry(m)}\n`)
        .join(''),
    );
  if (flag === '-P') {
    // Each service's -o values in name order, as postconf lists them.
    const byName = (m: MasterEntry) => masterOptions(m).sort(([a], [b]) => (a < b ? -1 : 1));
    const listed = entries.flatMap((m) => byName(m).map(([n, v]) => [`${name(m)}/${n}`, v] as const));
    return ok(
      listed
        .filter(([key]) => args.length === 0 || args.includes(key))
        .map(([key, v]) => `${key} = ${v}\n`)
        .join(''),
    );
  }
  // -F: the fields asked for, in master.cf's order of services and the fields' own order.
  for (const key of args) {
    const field = key.split('/')[2] ?? '';
    if (!masterFieldNames.includes(field))
      throw new PostfixSyntaxError(`postconf: fatal: invalid service attribute name: "${field}"`);
  }
  const fields = entries.flatMap((m) =>
    masterFieldNames
      .map((field, at) => [`${name(m)}/${field}`, at] as const)
      .filter(([key]) => args.includes(key))
      .map(([key, at]) => `${key} = ${at === 7 ? [m.fields[7], ...m.args].join(' ') : m.fields[at]}\n`),
  );
  return ok(fields.join(''));
}
