// setup's scheduled check (distro/schedule.ts): --monitor / --no-monitor, else the question at a
// terminal on a machine without one yet where node_exporter's textfile directory exists; a re-run keeps what is there (the files follow this program
// and the textfile directory given or already used). A root timer calls only a program root alone can
// change, and never npx's cache: --monitor is refused then, with the fix (a global install).
import { defaultTextfileDir } from '../../check-options.js';
import { scheduledConfigDir, scheduledTextfile, scheduleMinutes, type ProgramProblem } from '../../distro/schedule.js';
import { UsageError } from '../../errors.js';
import { t } from '../../ui/messages.js';
import { programProblemText, scheduleKindText } from '../../ui/monitor-text.js';
import type { Context } from '../context.js';
import type { LocalFacts, MonitorChoice, PostfixFacts } from '../types.js';

type Ctx = Pick<Context, 'sys' | 'ui' | 'options'>;

export function programRefusal(problem: ProgramProblem): UsageError {
  return new UsageError(`monitor-${problem.code}`, programProblemText(problem), t('monitor.programFix'));
}

export async function monitorChoice(
  ctx: Ctx,
  postfix: Pick<PostfixFacts, 'configDir'>,
  local: LocalFacts,
): Promise<MonitorChoice | undefined> {
  const { ui, options } = ctx;
  const schedule = local.schedule;
  if (!schedule) return undefined;
  // Only a schedule of this Postfix counts: the machine's files may check another instance's (--config-dir).
  const present = schedule.files.find(
    (f) => scheduledTextfile(f.content) && scheduledConfigDir(f.content) === postfix.configDir,
  );
  const textfile = options.monitorTextfile ?? scheduledTextfile(present?.content) ?? defaultTextfileDir;
  if (options.monitor === false) return { on: false, textfile };
  if (options.monitor === true || present) {
    if (schedule.problem) {
      if (options.monitor === true) throw programRefusal(schedule.problem);
      return undefined; // a schedule made from a program that has moved since: left as it is (status shows it)
    }
    return { on: true, textfile };
  }
  // Offered where something reads the file: node_exporter's textfile directory exists (Debian's package
  // makes it), for the machine's own Postfix only. The schedule is one per machine: another instance
  // (--config-dir) gets it with --monitor, never by a key pressed at a question it did not expect.
  if (!ui.interactive || options.configDir !== undefined || schedule.files.length > 0) return undefined;
  if (!(await ctx.sys.fileInfo(textfile))?.isDirectory) return undefined;
  const kind = scheduleKindText(schedule.kind);
  if (schedule.problem) {
    const reason = programProblemText(schedule.problem);
    ui.info(t('monitor.notOffered', { reason, fix: t('monitor.programFix') }));
    return undefined;
  }
  ui.info(t('monitor.explain', { minutes: scheduleMinutes, kind, textfile }));
  const on = await ui.confirm({
    message: t('monitor.question', { minutes: scheduleMinutes, kind }),
    initialValue: true,
  });
  return on ? { on: true, textfile } : undefined;
}
