// Terminal columns and line wrapping for what the wizard prints: lines break
// at spaces, then inside a long path or URL after a "/" (or "-", ".", ",",
// "?", "&", "="), and only as a last resort inside a word; East Asian wide
// characters take two columns and a line may break between two of them
// (never before 。、」 and the like). Tabs are expanded first: a tab inside a
// frame would move its right border.

/** Columns a terminal gives each character; `ambiguousWide` also counts — … → as two (some Japanese terminals). */
export function columns(text: string, ambiguousWide = false): number {
  let width = 0;
  for (const ch of text) width += charColumns(ch.codePointAt(0) ?? 0, ambiguousWide);
  return width;
}

function charColumns(c: number, ambiguousWide: boolean): number {
  if (c === 0 || (c >= 0x300 && c <= 0x36f) || c === 0x200b) return 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd) ||
    (ambiguousWide && (c === 0x2014 || c === 0x2026 || c === 0x2192));
  return wide ? 2 : 1;
}

const isWide = (ch: string) => charColumns(ch.codePointAt(0) ?? 0, false) === 2;
/** Kinsoku: characters a line must not start with. */
const noLineStart = /^[、。，．・：；？！）」』】〕〉》ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ）:;,.!?)\]}]/u;

export function expandTabs(line: string, tabSize = 8): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(tabSize - (columns(out) % tabSize)) : ch;
  return out;
}

/** The text's lines wrapped to `width` columns; a wrapped line keeps the indentation of its first line. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(expandTabs(line), Math.max(width, 10)));
}

function wrapLine(line: string, width: number): string[] {
  if (columns(line) <= width) return [line];
  // A diff's "+ ", "- " or a command's "$ " counts as indentation: continuation lines go under the text.
  const indent = /^\s*(?:[-+$] +)?/.exec(line)![0];
  const lead = columns(indent) * 2 <= width ? ' '.repeat(columns(indent)) : ''; // a deep indent is not repeated
  const out: string[] = [];
  let current = indent;
  let pendingSpace = '';
  const flush = () => {
    out.push(current.replace(/\s+$/, ''));
    current = lead;
  };
  for (const piece of pieces(line.slice(indent.length))) {
    if (piece.trim() === '') {
      pendingSpace = piece;
      continue;
    }
    const sep = current.trim() === '' ? '' : pendingSpace;
    pendingSpace = '';
    if (columns(current) + columns(sep) + columns(piece) <= width) {
      current += sep + piece;
      continue;
    }
    if (current.trim() !== '') {
      if (sep === '' && noLineStart.test(piece) && isWide([...current].at(-1) ?? '')) {
        // kinsoku: the punctuation may not start a line, so the character before it goes along
        // (and the one before that, while the carried one may not start a line either)
        const chars = [...current];
        let carry = '';
        do carry = chars.pop()! + carry;
        while (noLineStart.test(carry) && chars.length > 1 && isWide(chars.at(-1)!));
        current = chars.join('');
        flush();
        current += carry;
      } else {
        flush();
      }
    }
    let rest = piece;
    while (columns(current) + columns(rest) > width) {
      const [head, tail] = splitLong(rest, width - columns(current));
      if (head === '') break;
      current += head;
      flush();
      rest = tail;
    }
    current += rest;
  }
  if (current.trim() !== '') out.push(current.replace(/\s+$/, ''));
  return out;
}

/** Words, runs of spaces, and each wide character on its own (a line may break between two). */
function pieces(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const push = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of text) {
    if (ch === ' ') {
      if (word && !word.endsWith(' ')) push();
      word += ch;
    } else if (isWide(ch)) {
      push();
      out.push(ch);
    } else {
      if (word.endsWith(' ')) push();
      word += ch;
    }
  }
  push();
  // Opening brackets and quotes stay with what follows them.
  return out.reduce<string[]>((acc, piece) => {
    const last = acc.at(-1);
    if (last !== undefined && /^[（「『【〔〈《(]$/u.test(last)) acc[acc.length - 1] = last + piece;
    else acc.push(piece);
    return acc;
  }, []);
}

/** A word too long for the line: cut after the last "/" (or - . , ? & =) that fits, else at the width. */
function splitLong(word: string, fit: number): [string, string] {
  if (fit <= 0) return ['', word];
  const chars = [...word];
  let used = 0;
  let cut = 0;
  let boundary = 0;
  for (let i = 0; i < chars.length; i++) {
    const w = columns(chars[i]!);
    if (used + w > fit) break;
    used += w;
    cut = i + 1;
    if (/[/\-.,?&=_:]/.test(chars[i]!) && i > 0 && i < chars.length - 1) boundary = i + 1;
    if (isWide(chars[i]!)) boundary = i + 1;
  }
  const at = boundary > 0 && boundary >= cut / 3 ? boundary : cut;
  if (at === 0) return ['', word];
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

/** A shell command broken only between its (already quoted) words, with ` \` continuations, to fit `width`. */
export function breakCommand(words: string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  // An option and its value stay on one line: `--account you@gmail.com`.
  const units = words.reduce<string[]>((acc, word, i) => {
    if (i > 0 && words[i - 1]!.startsWith('--') && !word.startsWith('-')) acc[acc.length - 1] += ` ${word}`;
    else acc.push(word);
    return acc;
  }, []);
  for (const word of units) {
    const candidate = current === '' ? word : `${current} ${word}`;
    // room for the " \" this line gets if another follows
    if (current !== '' && columns(candidate) + 2 > width) {
      lines.push(`${current} \\`);
      current = `  ${word}`;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
