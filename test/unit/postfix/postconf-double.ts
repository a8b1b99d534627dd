// A postconf/postmap double for the readers that ask several questions of one instance: named values,
// `-P` (master.cf -o), `-F` (master.cf fields), `-M`, and postmap -q / -s from in-memory tables.
import type { FakeSystem } from '../../support/fake-system.js';

export interface PostconfAnswers {
  main?: Record<string, string>;
  masterP?: string;
  masterM?: string;
  fields?: Record<string, string>;
  /** map reference (`hash:/etc/postfix/tls_policy`) → key → value */
  tables?: Record<string, Record<string, string>>;
}

export function answerPostconf(sys: FakeSystem, answers: PostconfAnswers): void {
  const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '' });
  sys.on('postconf', (raw) => {
    const args = raw[0] === '-c' ? raw.slice(2) : [...raw];
    if (args[0] === '-P') return ok(answers.masterP ?? '');
    if (args[0] === '-M') return ok(answers.masterM ?? '');
    if (args[0] === '-F')
      return ok(
        args
          .slice(1)
          .map((n) => `${n} = ${answers.fields?.[n] ?? '-'}\n`)
          .join(''),
      );
    return ok(args.map((n) => `${n} = ${answers.main?.[n] ?? ''}\n`).join(''));
  });
  sys.on('postmap', (raw) => {
    const args = raw[0] === '-c' ? raw.slice(2) : [...raw];
    if (args[0] === '-q') {
      const value = answers.tables?.[args[2]!]?.[args[1]!];
      return value === undefined ? { exitCode: 1, stdout: '', stderr: '' } : ok(`${value}\n`);
    }
    if (args[0] === '-s') {
      const table = answers.tables?.[args[1]!];
      return table
        ? ok(
            Object.entries(table)
              .map(([k, v]) => `${k}\t${v}\n`)
              .join(''),
          )
        : { exitCode: 1, stdout: '', stderr: 'postmap: fatal: unsupported' };
    }
    return { exitCode: 1, stdout: '', stderr: 'postmap: unexpected' };
  });
}
