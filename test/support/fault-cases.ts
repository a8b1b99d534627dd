// The fault sweep's cases (fault-runner.ts runs them): every command that changes the machine, times
// every folder it writes, times every fault — a full disk (0 bytes, one page, a few pages free) before
// the run, the disk filling or going read-only at each step of the transaction, and kill -9 at each step.
import type { EioSyscall } from './fault-eio.js';

export type FaultCommand = 'setup' | 'remove' | 'restore' | 'doctor-fix';
export type FaultFolder = 'etc' | 'backups' | 'state';

export type Fault =
  /** The folder's file system has `leave` bytes free when the run starts. */
  | { kind: 'full'; leave: number }
  /** The folder's file system is read-only when the run starts. */
  | { kind: 'read-only' }
  /** When the journal says step `step` (0-based) began: the wizard is stopped, the fault made, the wizard let go. */
  | { kind: 'at-step'; step: number; action: 'fill' | 'read-only' | 'kill' }
  /** The Nth call of that kind fails with EIO (strace, fault-eio.ts). */
  | { kind: 'eio'; syscall: EioSyscall; nth: number };

export interface FaultCase {
  command: FaultCommand;
  folder: FaultFolder;
  fault: Fault;
}

export function caseName(c: FaultCase): string {
  const f = c.fault;
  const what =
    f.kind === 'full'
      ? `${f.leave} bytes free`
      : f.kind === 'read-only'
        ? 'read-only'
        : f.kind === 'eio'
          ? `EIO on ${f.syscall} call ${f.nth}`
          : `${f.action} at step ${f.step}`;
  return `${c.command}: ${c.folder} ${what}`;
}

const commands: FaultCommand[] = ['setup', 'remove', 'restore', 'doctor-fix'];
const folders: FaultFolder[] = ['etc', 'backups', 'state'];
/** More steps than any plan of these commands has: a case past the last step is reported as not reached. */
const maxSteps = 12;
/** The most calls tried, each from 1 on: npm run faults stops at the count its probe run saw, the runner at the first N never reached. */
export const eioCalls: Record<EioSyscall, number> = { write: 60, fsync: 60, rename: 60, openat: 20 };

/** Every case: `npm run faults`. */
export function allCases(): FaultCase[] {
  const cases: FaultCase[] = [];
  for (const command of commands) {
    for (const folder of folders) {
      for (const leave of [0, 4096, 16384]) cases.push({ command, folder, fault: { kind: 'full', leave } });
      cases.push({ command, folder, fault: { kind: 'read-only' } });
      for (let step = 0; step < maxSteps; step++) {
        for (const action of ['fill', 'read-only'] as const)
          cases.push({ command, folder, fault: { kind: 'at-step', step, action } });
        // kill -9 does not depend on the folder: once per command and step.
        if (folder === 'etc') cases.push({ command, folder, fault: { kind: 'at-step', step, action: 'kill' } });
      }
    }
    // EIO does not depend on the folder either: it is one call, wherever it lands.
    for (const [syscall, most] of Object.entries(eioCalls) as [EioSyscall, number][])
      for (let nth = 1; nth <= most; nth++)
        cases.push({ command, folder: 'etc', fault: { kind: 'eio', syscall, nth } });
  }
  return cases;
}

/** The slice npm test runs: the known full-disk defect, each fault kind once, each command once. */
export function sliceCases(): FaultCase[] {
  return [
    { command: 'setup', folder: 'etc', fault: { kind: 'full', leave: 4096 } },
    { command: 'setup', folder: 'etc', fault: { kind: 'at-step', step: 2, action: 'fill' } },
    { command: 'setup', folder: 'backups', fault: { kind: 'full', leave: 0 } },
    { command: 'setup', folder: 'state', fault: { kind: 'full', leave: 0 } },
    { command: 'setup', folder: 'etc', fault: { kind: 'at-step', step: 1, action: 'read-only' } },
    { command: 'remove', folder: 'etc', fault: { kind: 'at-step', step: 1, action: 'fill' } },
    { command: 'restore', folder: 'etc', fault: { kind: 'at-step', step: 0, action: 'kill' } },
    { command: 'doctor-fix', folder: 'etc', fault: { kind: 'read-only' } },
    { command: 'setup', folder: 'etc', fault: { kind: 'eio', syscall: 'fsync', nth: 8 } },
    { command: 'remove', folder: 'etc', fault: { kind: 'eio', syscall: 'write', nth: 1 } },
  ];
}
