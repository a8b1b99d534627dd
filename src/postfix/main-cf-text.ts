// main.cf edited as text, for the one value that must not go through `postconf -e`: its arguments
// are every user's to read (ps, /proc/PID/cmdline), and a password map written inline
// (static:user:password, put back by remove) holds the password itself. main.cf's grammar, as
// postconf(5) gives it: a parameter line starts at column 0 (`name = value`), a line that starts
// with whitespace continues the one before, and a comment or blank line ends it.

const definition = (line: string, name: string) => new RegExp(`^${name}\\s*=`).test(line);
const continues = (line: string) => /^\s/.test(line) && line.trim() !== '' && !line.trim().startsWith('#');

/**
 * `text` with `name = value`: in place of the first definition of `name` (its continuation lines
 * too), any later one taken out — as postconf -e leaves it — or added at the end when there is none.
 */
export function setMainCfValue(text: string, name: string, value: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`not a main.cf parameter name: ${name}`);
  const lines = text.split('\n');
  const out: string[] = [];
  let placed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!definition(line, name)) {
      out.push(line);
      continue;
    }
    while (i + 1 < lines.length && continues(lines[i + 1] ?? '')) i++;
    if (!placed) out.push(`${name} = ${value}`);
    placed = true;
  }
  if (placed) return out.join('\n');
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${body}${name} = ${value}\n`;
}
