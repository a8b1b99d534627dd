// root's entry in the aliases file (aliases(5)), edited as text: the wizard's
// entry sits between two marker comments, with the entry it replaced kept
// above it as "# was: " lines, so that `remove` can put that one back.
// An entry is a line that starts with a name, plus the indented lines after it.
import { instanceDir, postconfArgs } from './postconf.js';

const begin =
  '# postfix-gmail-wizard: mail for root goes to a person (`postfix-gmail-wizard remove` puts back the "was" lines)';
const end = '# postfix-gmail-wizard: end';
const wasPrefix = '# was: ';

interface Parsed {
  /** Lines outside the wizard's block and outside any root entry. */
  lines: string[];
  /** Where the block (or the first root entry) was, as an index into lines. */
  at?: number;
  /** The root entries the wizard's block replaced, and any found outside it. */
  was: string[];
  /** The address of the wizard's block, if there is one. */
  current?: string;
}

function parse(text: string): Parsed {
  const source = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const lines: string[] = [];
  const was: string[] = [];
  let at: number | undefined;
  let current: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const line = source[i] ?? '';
    if (line === begin) {
      at ??= lines.length;
      for (i++; i < source.length && source[i] !== end; i++) {
        const inner = source[i] ?? '';
        if (inner.startsWith(wasPrefix)) was.push(inner.slice(wasPrefix.length));
        else current = /^root\s*:\s*(.*)$/i.exec(inner)?.[1]?.trim() ?? current;
      }
      continue;
    }
    if (/^root\s*:/i.test(line)) {
      at ??= lines.length;
      was.push(line);
      while (i + 1 < source.length && /^[ \t]/.test(source[i + 1] ?? '')) was.push(source[++i] ?? '');
      continue;
    }
    lines.push(line);
  }
  return { lines, at, was, current };
}

function join(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The aliases text with root's mail going to `address`; the same text when it already does. */
export function setRootAlias(text: string, address: string): string {
  const { lines, at, was } = parse(text);
  const block = [begin, ...was.map((line) => wasPrefix + line), `root: ${address}`, end];
  const index = at ?? lines.length;
  return join([...lines.slice(0, index), ...block, ...lines.slice(index)]);
}

/** The aliases text as it was before the wizard (its block replaced by the "was" lines); undefined when it has no block. */
export function removeRootAlias(text: string): string | undefined {
  if (!text.split('\n').includes(begin)) return undefined;
  const { lines, at, was } = parse(text);
  const index = at ?? lines.length;
  return join([...lines.slice(0, index), ...was, ...lines.slice(index)]);
}

/** Where root's mail goes by the wizard's block; undefined without one. */
export function wizardRootAlias(text: string | undefined): string | undefined {
  return text?.split('\n').includes(begin) ? parse(text).current : undefined;
}

/** The first root entry's value, whoever wrote it (for status). */
export function rootAliasOf(text: string | undefined): string | undefined {
  for (const line of (text ?? '').split('\n')) {
    const match = /^root\s*:\s*(.*)$/i.exec(line);
    if (match) return match[1]?.trim();
  }
  return undefined;
}

/** `postalias [-c DIR] type:path`: the aliases file compiled, as newaliases does for alias_database. */
export function postaliasArgs(
  postfix: { configDir: string; isDefaultInstance: boolean },
  file: { type: string; path: string },
): string[] {
  return postconfArgs(instanceDir(postfix), `${file.type}:${file.path}`);
}
