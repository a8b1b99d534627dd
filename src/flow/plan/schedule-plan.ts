// The scheduled check as a plan part (setup --monitor, --no-monitor, remove): its files rendered from
// templates/ (0644 root, no secret in them: check reads the machine, it never logs in), written only
// when they differ — a re-run changes nothing — and systemd told about them where it runs the timer.
import {
  allScheduleFiles,
  checkArgv,
  disableCommands,
  enableCommands,
  scheduleFiles,
  scheduledConfigDir,
  scheduleMinutes,
  serviceUnit,
  timerFile,
  timerUnit,
} from '../../distro/schedule.js';
import type { TemplateName } from '../../system/templates.js';
import type { MonitorChoice, PostfixFacts, ScheduleFacts } from '../types.js';
import { emptyPart, type PlanPart } from './plan-part.js';
import { renderTemplate } from './render-template.js';

const publicMode = 0o644;

/** The files a schedule of this kind consists of, as the templates render them. */
export function renderSchedule(
  schedule: Pick<ScheduleFacts, 'kind' | 'program'>,
  textfile: string,
  configDir: string,
  templates: Record<TemplateName, string>,
): { path: string; content: string }[] {
  const command = checkArgv(schedule.program, textfile, configDir).join(' ');
  const data = { command, textfile, minutes: scheduleMinutes, timer: timerUnit, service: serviceUnit };
  const [cron] = scheduleFiles.cron;
  const [service, timer] = scheduleFiles.systemd;
  return schedule.kind === 'cron'
    ? [{ path: cron!, content: renderTemplate(templates.monitor_cron, data) }]
    : [
        { path: service!, content: renderTemplate(templates.monitor_service, data) },
        { path: timer!, content: renderTemplate(templates.monitor_timer, data) },
      ];
}

/** On: this kind's files as they should be, the other kind's taken out. Off: every file taken out. */
export function planSchedule(
  postfix: Pick<PostfixFacts, 'configDir'>,
  schedule: ScheduleFacts,
  choice: MonitorChoice,
  templates: Record<TemplateName, string>,
): PlanPart {
  const part = emptyPart();
  const wanted = choice.on ? renderSchedule(schedule, choice.textfile, postfix.configDir, templates) : [];
  const now = new Map(schedule.files.map((f) => [f.path, f]));
  for (const file of wanted) {
    const current = now.get(file.path);
    if (current?.content === file.content && current.mode === publicMode) continue;
    part.files.push({
      path: file.path,
      content: file.content,
      mode: publicMode,
      secret: false,
      previous: current?.content,
    });
    part.touches.push(file.path);
  }
  const gone = allScheduleFiles.filter((path) => now.has(path) && !wanted.some((f) => f.path === path));
  part.deletes.push(...gone);
  part.touches.push(...gone);
  const timerBefore = now.has(timerFile); // the timer that ran before this change
  const unitsChanged = [...part.files, ...gone.map((path) => ({ path }))].some((f) =>
    scheduleFiles.systemd.includes(f.path),
  );
  if (unitsChanged)
    part.commands.push(
      ...(wanted.some((f) => f.path.endsWith(timerUnit)) ? enableCommands(timerBefore) : disableCommands(timerBefore)),
    );
  return part;
}

/** remove: the schedule goes with the relay — if it checks this Postfix, not another instance's. */
export function scheduleRemoval(
  postfix: Pick<PostfixFacts, 'configDir'>,
  schedule: ScheduleFacts | undefined,
): PlanPart {
  // The cron entry or the service names the directory it checks (the timer only starts the service).
  if (!schedule?.files.some((f) => scheduledConfigDir(f.content) === postfix.configDir)) return emptyPart();
  return planSchedule(postfix, schedule, { on: false, textfile: '' }, {} as Record<TemplateName, string>);
}
