// What ClackUi draws itself, sized to the terminal at the moment of drawing:
// notes framed across the full width (every line exactly `cols` columns, so a
// resize to 60 columns still gets whole boxes), and guide-prefixed lines.
import { styleText } from 'node:util';
import { columns, wrapText } from './columns.js';

const gray = (s: string) => styleText('gray', s);

/** The terminal's width; 80 when the stream does not say (not a terminal). */
export function terminalColumns(out: NodeJS.WritableStream | { columns?: number }): number {
  const cols = (out as { columns?: number }).columns;
  return typeof cols === 'number' && cols > 0 ? cols : 80;
}

/** A note: "◇  title ───╮", "│  line  │" …, "├───╯"; the body wrapped to fit. */
export function frameNote(body: string, title: string | undefined, cols: number): string {
  const inner = cols - 6;
  const lines = wrapText(body, inner);
  const head = title ? wrapText(title, cols - 6)[0]! : '';
  const top = `${styleText('green', '◇')}  ${head} ${gray('─'.repeat(Math.max(1, cols - 5 - columns(head))))}${gray('╮')}`;
  const rows = lines.map((l) => `${gray('│')}  ${l}${' '.repeat(Math.max(0, inner - columns(l)))}  ${gray('│')}`);
  const bottom = gray(`├${'─'.repeat(cols - 2)}╯`);
  return `${[gray('│'), top, ...rows, bottom].join('\n')}\n`;
}

/** The run's first line, "┌  title" as clack's intro draws it: written before @clack/prompts is loaded. */
export function introFrame(title: string, cols: number): string {
  return `${gray('┌')}  ${joinWithGuide(wrapForGuide(title, cols))}\n`;
}

/** Text wrapped for a line that clack starts with a 3-column symbol or guide ("●  ", "│  "). */
export function wrapForGuide(text: string, cols: number, reserveLast = 0): string[] {
  const lines = wrapText(text, cols - 3);
  const last = lines.at(-1);
  if (reserveLast > 0 && last !== undefined && columns(last) + reserveLast > cols - 3) {
    lines.splice(-1, 1, ...wrapText(last, cols - 3 - reserveLast));
  }
  return lines;
}

/** Lines after the first get the guide bar clack draws for its own continuation lines. */
export function joinWithGuide(lines: string[]): string {
  return lines.join(`\n${gray('│')}  `);
}
