// Each command's help (ui/help.ts, ui/text/help.*.ts) is its own: it documents exactly the flags
// src/flags.ts gives that command, fits 80 columns, and is what `COMMAND --help` and
// `help COMMAND` print; `--help` alone lists the commands.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli.js';
import { commandFlags, commands, commonFlags, type flags, takes } from '../../../src/flags.js';
import { columns } from '../../../src/ui/columns.js';
import { commandHelp } from '../../../src/ui/help.js';
import { en } from '../../../src/ui/text/en.js';
import { ja } from '../../../src/ui/text/ja.js';

const table: Record<string, string> = en;

/** The flags an "Options" list documents: the words starting a line's option column. */
function documented(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^ {2}-/.test(line))
    .flatMap((line) => line.trim().split(/ {2,}/)[0]!.split(', '))
    .map((word) => word.split(' ')[0]!)
    .filter((word) => word.startsWith('--'))
    .map((word) => word.slice(2));
}

async function run(argv: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const exit = await main(argv, { stdin: new PassThrough(), stdout, stderr, env: { LANG: 'C' } });
  return { exit, stdout: out, stderr: err };
}

describe('help', () => {
  it('has one screen per command, each different from the others and from the overview', () => {
    const screens = commands.map((c) => table[commandHelp[c]]!);
    assert.equal(new Set([...screens, en.help]).size, commands.length + 1);
    for (const command of commands) {
      const usage = command === 'setup' ? 'postfix-gmail-wizard [setup]' : `postfix-gmail-wizard ${command}`;
      assert.ok(table[commandHelp[command]]!.startsWith(`Usage: ${usage}`), command);
    }
  });

  it("documents exactly each command's own flags (and no other command's)", () => {
    for (const command of commands) {
      const listed = new Set(documented(table[commandHelp[command]]!));
      const own = commandFlags[command].filter((f) => f !== 'password'); // taken only to be refused
      assert.deepEqual([...listed].sort(), [...own].sort(), command);
      for (const flag of listed) assert.ok(takes(command, flag as keyof typeof flags), `${command} --${flag}`);
    }
  });

  it('the overview lists every command and documents the options of every command', () => {
    for (const command of [...commands, 'help']) assert.match(en.help, new RegExp(`^ {2}${command} +\\S`, 'm'));
    assert.deepEqual(documented(en.help).sort(), [...commonFlags].sort());
  });

  it('every screen fits 80 columns, in English and Japanese', () => {
    for (const [lang, catalogue] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      for (const key of ['help', ...Object.values(commandHelp)] as const) {
        const long = catalogue[key].split('\n').filter((line) => columns(line, true) > 80);
        assert.deepEqual(long, [], `${lang} ${key}`);
      }
    }
  });

  it('the Japanese screens document the same flags as the English ones', () => {
    for (const key of ['help', ...Object.values(commandHelp)] as const) {
      assert.deepEqual(documented(ja[key]).sort(), documented(en[key]).sort(), key);
    }
  });

  it('`COMMAND --help`, `COMMAND -h` and `help COMMAND` print that command’s screen; `--help` the overview', async () => {
    for (const command of commands) {
      for (const argv of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const r = await run(argv);
        assert.equal(r.exit, 0, argv.join(' '));
        assert.equal(r.stdout, table[commandHelp[command]], argv.join(' '));
        assert.equal(r.stderr, '');
      }
    }
    for (const argv of [['--help'], ['help'], ['-h']]) assert.equal((await run(argv)).stdout, en.help, argv.join(' '));
    assert.equal((await run(['--lang', 'ja', 'help', 'test'])).stdout, ja['help.test']);
  });

  it('`help` of an unknown command is a usage error with a suggestion', async () => {
    const r = await run(['help', 'statsu']);
    assert.equal(r.exit, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Unknown command "statsu"\.\nDid you mean status\?/);
  });
});
