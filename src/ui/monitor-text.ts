// The scheduled check's codes in words (distro/schedule.ts): what runs it, why this program may not be called by it.
import type { ProgramProblem, ScheduleKind } from '../distro/schedule.js';
import { t, type MessageKey } from './messages.js';

const kinds: Record<ScheduleKind, MessageKey> = { systemd: 'monitor.kind.systemd', cron: 'monitor.kind.cron' };
const problems: Record<ProgramProblem['code'], MessageKey> = {
  'npx-cache': 'monitor.program.npx-cache',
  'unsafe-dir': 'monitor.program.unsafe-dir',
  'odd-path': 'monitor.program.odd-path',
};

export function scheduleKindText(kind: ScheduleKind): string {
  return t(kinds[kind]);
}

export function programProblemText(problem: ProgramProblem): string {
  return t(problems[problem.code], { path: problem.path });
}
