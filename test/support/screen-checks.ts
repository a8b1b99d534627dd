// What a terminal screen of the wizard must never show: a frame line of
// another width than the terminal's, and a word of the wizard's own sentences
// (or a value it prints: address, path, URL, server reply) cut across two lines.
import { columns } from '../../src/ui/columns.js';
import { en } from '../../src/ui/text/en.js';
import { ja } from '../../src/ui/text/ja.js';

/** Lines of a frame (top "…╮", side "│ … │", bottom "…╯") whose width is not `cols`. */
export function badFrameLines(screen: string, cols: number): string[] {
  return screen
    .split('\n')
    .filter((l) => /^[◇◆│├].*[╮│╯]$/.test(l) && l !== '│' && columns(l) !== cols)
    .map((l) => `${columns(l)}: ${l}`);
}

const narrowRuns = (text: string) => text.match(/[!-~]+/g) ?? [];

/** The ASCII words of both catalogues (without placeholders), and the given values' own words. */
export function vocabulary(values: string[]): Set<string> {
  const words = new Set<string>();
  for (const template of [...Object.values(en), ...Object.values(ja)]) {
    for (const part of template.split(/\{\w+\}/)) for (const w of narrowRuns(part)) words.add(w);
  }
  for (const value of values) for (const w of narrowRuns(value)) words.add(w);
  return words;
}

const trimPunctuation = (w: string) => w.replace(/^[("'`[]+|[)"'`\].,:;?!]+$/g, '');

/**
 * Pairs of lines where the first ends with the start of a known word and the next begins with its
 * rest ("/e" + "tc/postfix", "htt" + "ps://…", "O" + "K"). A break after "/" inside a path or URL
 * is allowed: that is where a path too long for the line is meant to be cut.
 */
export function brokenWords(screen: string, words: Set<string>): string[] {
  const content = screen.split('\n').map((l) => l.replace(/^[│◇◆●▲■└┌├◒◐◓◑]\s{1,2}/, '').replace(/\s*│$/, ''));
  const found: string[] = [];
  for (let i = 0; i + 1 < content.length; i++) {
    const tail = /([!-~]+)$/.exec(content[i]!)?.[1];
    const head = /^([!-~]+)/.exec(content[i + 1]!)?.[1];
    if (!tail || !head || tail.endsWith('/')) continue;
    const joined = trimPunctuation(tail + head);
    const known = [...words].some((w) => w === joined || (trimPunctuation(w) === joined && joined.length > 1));
    if (known && !words.has(trimPunctuation(tail)) && !words.has(tail)) found.push(`${content[i]} ⏎ ${content[i + 1]}`);
  }
  return found;
}
