// What a person relies on, asked after every step of a combination; each answer that is not the
// expected one is a finding (a line of text), never an exception, so one run reports them all:
// `postfix check` prints nothing; `postconf -n` writes no warning; Postfix logged no `warning:`
// since the step began; Postfix runs; no file under the config dir holding a password is readable
// by others; and mail from each kind of sender goes out through the login it should.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PostfixInstance } from '../postfix-instance.js';
import { exposedCopies } from '../secret-checks.js';
import { sendmail } from '../sendmail.js';
import type { ComboLab } from './lab.js';
import { passwords } from './lab.js';

const execFileP = promisify(execFile);

/** Where mail should go now: the login and relay for each envelope sender the run sends from. */
export interface Routing {
  relay: string;
  bySender: Record<string, string>;
}

/** What `postfix check` prints. postfix(1) prints its complaints only to a terminal: script(1) gives it one. */
const postfixCheck = (postfix: PostfixInstance) =>
  execFileP('script', ['-qec', `postfix -c '${postfix.configDir}' check`, '/dev/null']).then(
    (r) => r.stdout.trim(),
    (e: Error & { stdout?: string }) => `exit: ${e.message} ${e.stdout ?? ''}`.trim(),
  );

/** The text of a warning, without its time, host, program and pid: what to compare across runs. */
const warningText = (line: string) => line.replace(/^.*? warning: /, '').trim();

/**
 * The warnings the starting point itself gives (`postconf -n`'s, and those Postfix logged so far): a
 * hand-made recipe's `smtp_use_tls` is deprecated on Postfix 3.10, before the wizard ever runs, and
 * comes back, rightly, when remove or restore puts the recipe back; on Postfix 3.11 (sid) reading its
 * hash: map logs "hash/btree support is deprecated", whoever reads it (scenario.ts says which read comes first).
 */
export async function startingWarnings(postfix: PostfixInstance): Promise<Set<string>> {
  const n = await execFileP('postconf', ['-c', postfix.configDir, '-n']).then(
    (r) => r.stderr,
    () => '',
  );
  const lines = [
    ...n.split('\n'),
    ...(await postfixCheck(postfix)).split(/\r?\n/),
    ...(await postfix.readLog()).split('\n'),
  ];
  return new Set(lines.filter((l) => / warning: /.test(l)).map(warningText));
}

export async function healthFindings(
  postfix: PostfixInstance,
  logFrom: number,
  known: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const findings: string[] = [];
  const check = await postfixCheck(postfix);
  // Its postconf repeats main.cf's warnings: those the starting point gave are not the wizard's.
  const checked = check
    .split(/\r?\n/)
    .filter((l) => l.trim() && !known.has(warningText(l)))
    .join(' | ');
  if (checked) findings.push(`postfix check printed: ${checked}`);
  const n = await execFileP('postconf', ['-c', postfix.configDir, '-n']).then(
    (r) => r.stderr.trim(),
    (e: Error) => e.message,
  );
  const written = n
    .split('\n')
    .filter((l) => l.trim() && !known.has(warningText(l)))
    .join('\n');
  if (written) findings.push(`postconf -n wrote: ${written}`);
  const log = (await postfix.readLog()).slice(logFrom);
  for (const line of log.split('\n').filter((l) => / warning: /.test(l) && !known.has(warningText(l))))
    findings.push(`Postfix logged: ${line.replace(/^\S+\s+\S+\s+/, '')}`);
  if (!(await postfix.isRunning())) findings.push('Postfix is not running');
  for (const password of Object.values(passwords))
    for (const path of await exposedCopies(password, postfix.configDir))
      findings.push(`a password is in a file others can read: ${path}`);
  return findings;
}

let sequence = 0;

/** Sends one message from each sender (at once) and compares the login and relay that carried it. */
export async function routingFindings(lab: ComboLab, routing: Routing): Promise<string[]> {
  const findings: string[] = [];
  const sent = Object.entries(routing.bySender).map(([from, account]) => {
    const subject = `probe ${++sequence} from ${from}`;
    return { from, account, subject, done: sendmail(lab.postfix, 'friend@example.com', { from, subject }) };
  });
  for (const probe of sent) {
    try {
      await probe.done;
      const arrived = await lab.arrival(probe.subject);
      if (arrived.user !== probe.account)
        findings.push(`mail from ${probe.from} logged in as ${arrived.user}, not ${probe.account}`);
      if (arrived.relay !== routing.relay)
        findings.push(`mail from ${probe.from} went to ${arrived.relay}, not ${routing.relay}`);
    } catch (error) {
      findings.push(`mail from ${probe.from}: ${(error as Error).message}`);
    }
  }
  return findings;
}
