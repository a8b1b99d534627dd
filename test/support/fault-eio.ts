// EIO at the system-call level, for the fault sweep (fault-runner.ts): the wizard runs under strace,
// which makes the Nth call of one kind fail with EIO (`-e inject=SYSCALL:error=EIO:when=N`), in the
// wizard and in every program it starts (postconf, postmap, postfix). There is no device-mapper here
// (no /dev/mapper/control) to make a real disk fail, so the failure is made where a failing disk shows.
// - fsync (and fdatasync), rename: every such call is a file system's; the Nth is counted from the start.
// - write, openat: only on the files a change touches (-P: each file, its postconf .tmp and compiled
//   forms), so a write to a pipe or to libuv's event fd is never the one that fails.
// strace counts per thread and per process, so node's libuv runs one worker thread here
// (UV_THREADPOOL_SIZE=1): the wizard's own Nth call is then the same call on every run.
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export type EioSyscall = 'write' | 'fsync' | 'rename' | 'openat';

const families: Record<EioSyscall, string> = {
  write: 'write,writev,pwrite64,pwritev',
  fsync: 'fsync,fdatasync',
  rename: 'rename,renameat,renameat2',
  openat: 'open,openat',
};

/** The files in the config dir a change may write (the instance's own, and those the wizard adds). */
export function touchedNames(existing: readonly string[]): string[] {
  const names = new Set([
    ...existing,
    'main.cf',
    'master.cf',
    'sasl_passwd',
    'gmail_generic',
    'postfix-gmail-wizard.saved',
  ]);
  for (const name of [...names]) for (const suffix of ['.tmp', '.db', '.lmdb']) names.add(`${name}${suffix}`);
  return [...names].sort();
}

export interface EioRun {
  /** strace and its options, before the wizard's argv. */
  argv: string[];
  env: Record<string, string>;
  /** Whether strace made a call fail (the run reached the Nth call), and how many calls of the kind it saw. */
  outcome(): Promise<{ fired: boolean; calls: number }>;
}

export function eioRun(syscall: EioSyscall, nth: number, configDir: string, existing: string[]): EioRun {
  // Outside the folders the sweep searches for the password (and -s 1: no written bytes in the trace).
  const work = mkdtempSync('/tmp/pgw-eio-');
  const trace = join(work, 'trace');
  const paths =
    syscall === 'write' || syscall === 'openat'
      ? touchedNames(existing).flatMap((n) => ['-P', join(configDir, n)])
      : [];
  const set = families[syscall];
  return {
    argv: [
      'strace',
      '-f',
      '-qq',
      '-o',
      trace,
      `-e`,
      `trace=${set}`,
      '-e',
      `inject=${set}:error=EIO:when=${nth}`,
      ...paths,
    ],
    env: { UV_THREADPOOL_SIZE: '1' },
    outcome: async () => {
      const text = await readFile(trace, 'utf8').catch(() => '');
      await rm(work, { recursive: true, force: true });
      const calls = text.split('\n').filter((l) => /^\d+ +[a-z0-9]+\(/.test(l)).length; // not the "<... resumed>" halves
      return { fired: text.includes('(INJECTED)'), calls };
    },
  };
}
