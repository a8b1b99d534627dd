// The scheduled check (setup --monitor): `check --textfile DIR` every few minutes, run by what fits the
// machine — a systemd timer where systemd is PID 1 (/run/systemd/system exists), a cron.d entry
// otherwise. Pure: the paths, the command line and the systemctl calls; templates/ holds the files.
import type { CommandLine } from '../system/types.js';

export type ScheduleKind = 'systemd' | 'cron';

export const timerUnit = 'postfix-gmail-wizard-check.timer';
export const serviceUnit = 'postfix-gmail-wizard-check.service';
const unitDir = '/etc/systemd/system';

/** The timer's unit file: there before a change means the schedule ran before it. */
export const timerFile = `${unitDir}/${timerUnit}`;

/** Every file a schedule may consist of, by kind: remove takes out whichever exist. */
export const scheduleFiles: Record<ScheduleKind, readonly string[]> = {
  systemd: [`${unitDir}/${serviceUnit}`, timerFile],
  cron: ['/etc/cron.d/postfix-gmail-wizard'],
};

export const allScheduleFiles: readonly string[] = [...scheduleFiles.systemd, ...scheduleFiles.cron];

/** Minutes between two checks. */
export const scheduleMinutes = 5;

/**
 * Words that go into a cron line and a unit's ExecStart unquoted: a shell (cron) and systemd both read
 * them as one word each — no space, quote, `$`, `%` (cron's newline, systemd's specifier) or `;`.
 */
export const plainWord = /^[A-Za-z0-9._/@+:,=-]+$/;

/** Where the program runs from, and what it needs to be trusted by a root timer. */
export interface ProgramPaths {
  /** The node binary (process.execPath). */
  node: string;
  /** bin/postfix-gmail-wizard.js, its real path. */
  script: string;
}

/**
 * Why a scheduled run cannot call this copy of the program: npx's cache (npm deletes it: `npm cache
 * clean`, a newer version); a path that is not one word. A directory others can change is found by
 * the system (unsafeDir) and reported as `unsafe-dir`.
 */
export type ProgramProblem = { code: 'npx-cache'; path: string } | { code: 'unsafe-dir' | 'odd-path'; path: string };

export function programProblem(program: ProgramPaths): ProgramProblem | undefined {
  if (/\/_npx\//.test(program.script)) return { code: 'npx-cache', path: program.script };
  for (const path of [program.node, program.script]) if (!plainWord.test(path)) return { code: 'odd-path', path };
  return undefined;
}

/** The directories whose owner and mode a root timer trusts: the program's own and node's. */
export function programDirs(program: ProgramPaths): string[] {
  const packageDir = program.script.replace(/\/bin\/[^/]+$/, '');
  return [
    `${packageDir}/bin`,
    `${packageDir}/dist/bundle`,
    `${packageDir}/dist/src`,
    `${packageDir}/node_modules`,
    dirOf(program.node),
  ];
}

const dirOf = (path: string) => path.replace(/\/[^/]+$/, '') || '/';

/** The check the schedule runs, as argv: config dir given, so a private instance is checked as itself. */
export function checkArgv(program: ProgramPaths, textfile: string, configDir: string): string[] {
  return [program.node, program.script, 'check', '--textfile', textfile, '--config-dir', configDir];
}

const daemonReload: CommandLine = { file: 'systemctl', args: ['daemon-reload'] };
const enableNow: CommandLine = { file: 'systemctl', args: ['enable', '--now', timerUnit] };
const disableNow: CommandLine = { file: 'systemctl', args: ['disable', '--now', timerUnit] };

/**
 * After the unit files are written: systemd rereads them and the timer runs from now on. Each carries
 * its undo for a rollback: a timer this run enabled is stopped and unlinked while its file is still
 * there, and systemd rereads the files the backup put back. A timer that was there before stays on
 * (`timerBefore`): it was the schedule before this run.
 */
export function enableCommands(timerBefore: boolean): PlannedScheduleCommand[] {
  return [
    { ...daemonReload, undo: { after: [daemonReload] } },
    { ...enableNow, undo: timerBefore ? { after: [daemonReload] } : { before: [disableNow], after: [daemonReload] } },
  ];
}

/**
 * After they are deleted: the timer stopped and its link in timers.target.wants taken away (disable does
 * that without the file). Undone by a rollback: the files back, systemd rereads them, the timer that was
 * there runs again.
 */
export function disableCommands(timerBefore: boolean): PlannedScheduleCommand[] {
  return [
    { ...disableNow, ...(timerBefore ? { undo: { after: [daemonReload, enableNow] } } : {}) },
    { ...daemonReload, undo: { after: [daemonReload] } },
  ];
}

/** A systemctl call of the schedule's and what a rollback runs once it began (transaction/journal.ts StepUndo). */
export interface PlannedScheduleCommand extends CommandLine {
  undo?: { before?: CommandLine[]; after?: CommandLine[] };
}

/** The configuration directory a schedule checks, read back from its file (checkArgv always names it). */
export function scheduledConfigDir(content: string | undefined): string | undefined {
  return content ? / --config-dir (\S+)/.exec(content)?.[1] : undefined;
}

/** The textfile directory a schedule writes to, read back from its file (status, a re-run that keeps it). */
export function scheduledTextfile(content: string | undefined): string | undefined {
  return content ? / --textfile (\S+)/.exec(content)?.[1] : undefined;
}
