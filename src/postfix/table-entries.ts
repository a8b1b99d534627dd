// One entry of a `key value` lookup table's source file (postmap(1) format):
// its line and the continuation lines under it, taken out and put back by
// line number, so that a file nobody touched since comes back byte for byte.

/** A removed line: where it was (0-based, in the file before the removal) and its text. */
export type RemovedLine = [index: number, text: string];

/** Does a line start an entry for `key`? Keys compare without case, as postmap folds them. */
function startsEntry(line: string, key: string): boolean {
  return (
    !/^\s*#/.test(line) &&
    line.trim() !== '' &&
    !/^[ \t]/.test(line) &&
    (line.split(/\s+/)[0] ?? '').toLowerCase() === key.toLowerCase()
  );
}

/** The text without every entry for `key` (and their continuation lines), and what was taken out. */
export function takeOutEntry(content: string, key: string): { content: string; removed: RemovedLine[] } {
  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  let dropping = false;
  content.split('\n').forEach((line, index) => {
    if (dropping && /^[ \t]+\S/.test(line)) {
      removed.push([index, line]);
      return;
    }
    dropping = startsEntry(line, key);
    if (dropping) removed.push([index, line]);
    else kept.push(line);
  });
  return { content: kept.join('\n'), removed };
}

/** The entry's lines (with continuations) as the file has them now; empty when it has none. */
export function entryLines(content: string, key: string): string[] {
  return takeOutEntry(content, key).removed.map(([, text]) => text);
}

/**
 * The lines back. `inPlace`: at their old line numbers (the file is as the removal left it, so
 * this gives the old text exactly); otherwise appended at the end, where postmap reads them just as well.
 */
export function putBackLines(content: string, removed: readonly RemovedLine[], inPlace: boolean): string {
  if (!inPlace) {
    const text = removed.map(([, line]) => `${line}\n`).join('');
    return content === '' || content.endsWith('\n') ? `${content}${text}` : `${content}\n${text}`;
  }
  const lines = content.split('\n');
  for (const [index, text] of [...removed].sort((a, b) => a[0] - b[0]))
    lines.splice(Math.min(index, lines.length), 0, text);
  return lines.join('\n');
}
