// postfix-gmail-wizard(1), made from the same English texts as --help and each
// command's help (src/ui/text/help.en.ts), so the man page never says something
// else than the program. Each screen's parts become man sections: the usage
// lines the SYNOPSIS, headed lists ("Options:", "Commands:") tagged paragraphs,
// indented commands literal blocks, the rest plain paragraphs.
import { commands } from '../src/flags.js';
import { commandHelp } from '../src/ui/help.js';
import { en } from '../src/ui/text/en.js';

/** Text for roff: backslashes escaped, hyphens of options and commands kept as typed (\-). */
function roff(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/-/g, '\\-');
}

/** A line that roff must not read as a request (one starting with . or '). */
function line(text: string): string {
  return /^[.']/.test(text) ? `\\&${text}` : text;
}

function paragraphs(text: string): string[][] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'));
}

/** "  --flag ARG     what it does" (and its continuation lines) → .TP entries. */
function taggedList(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const entry = /^ {2}(\S.*?)(?: {2,}(\S.*))?$/.exec(l);
    if (entry && !/^ {3}/.test(l)) {
      out.push('.TP', line(`\\fB${roff(entry[1]!)}\\fR`));
      if (entry[2]) out.push(line(roff(entry[2])));
    } else out.push(line(roff(l.trim())));
  }
  return out;
}

function body(text: string, skipUsage: boolean): string[] {
  const out: string[] = [];
  for (const p of paragraphs(text)) {
    if (/^(Usage|\s+postfix-gmail-wizard)/.test(p[0]!)) {
      if (!skipUsage) out.push('.PP', '.nf', ...p.map((l) => line(roff(l.replace(/^Usage: /, '')))), '.fi');
    } else if (/^\S.*:$/.test(p[0]!) && p.slice(1).every((l) => /^ {2}/.test(l))) {
      out.push('.SS', line(roff(p[0]!.slice(0, -1))), ...taggedList(p.slice(1)));
    } else {
      const [prose, example] = splitAtIndented(p);
      out.push('.PP', ...prose.map((l) => line(roff(l))));
      if (example.length > 0) out.push('.PP', '.nf', ...example.map((l) => line(roff(l))), '.fi');
    }
  }
  return out;
}

/** A paragraph that ends in an indented example: the words, then the example kept as typed. */
function splitAtIndented(p: readonly string[]): [string[], string[]] {
  const at = p.findIndex((l) => /^ {2}\S/.test(l));
  return at <= 0 ? [[...p], []] : [p.slice(0, at), p.slice(at)];
}

export function manPage(version: string): string {
  const overview = en.help;
  const usage = paragraphs(overview)[0]!.map((l) => l.replace(/^(Usage:)? +/, ''));
  const out = [
    `.TH POSTFIX\\-GMAIL\\-WIZARD 1 "" "postfix\\-gmail\\-wizard ${roff(version)}" "User Commands"`,
    '.SH NAME',
    'postfix\\-gmail\\-wizard \\- make Postfix deliver mail through Gmail, and prove it',
    '.SH SYNOPSIS',
    '.nf',
    ...usage.map((l) => line(roff(l))),
    '.fi',
    '.SH DESCRIPTION',
    ...body(overview, true),
  ];
  for (const command of commands) {
    out.push('.SH', line(`COMMAND: ${command.toUpperCase()}`), ...body(en[commandHelp[command]], false));
  }
  out.push(
    '.SH SEE ALSO',
    '\\fBpostconf\\fR(1), \\fBpostconf\\fR(5), \\fBpostfix\\fR(1);',
    'https://github.com/postfix\\-gmail\\-wizard/postfix\\-gmail\\-wizard',
  );
  return `${out.join('\n')}\n`;
}
