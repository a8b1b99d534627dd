// The plan as a person reads it before saying yes: main.cf as the lines that
// change, each file as a diff (passwords hidden), each command.
import type { Plan } from '../flow/types.js';
import { diffLines, redactPasswordMap } from './diff.js';
import { t } from './messages.js';

export function renderPlan(plan: Plan): string {
  const sections: string[] = [];
  if (plan.tlsOverrides?.length && plan.tlsTarget) {
    sections.push([
      t('tls.overrides', { nexthop: plan.tlsTarget.nexthop, level: plan.tlsTarget.level }),
      ...plan.tlsOverrides.map((o) => `- ${o.source === 'master.cf'
        ? t('tls.override.master', { service: o.where.split('/')[0] ?? '', type: o.where.split('/')[1] ?? '', name: o.key, value: o.value })
        : t('tls.override.policy', { map: o.where, key: o.key, value: o.value })}`),
    ].join('\n'));
  }
  if (plan.settings.length + plan.removeSettings.length > 0) {
    const lines = [
      ...plan.removeSettings.map((name) => `- ${name}`),
      ...plan.settings.flatMap((s) => [...(s.from ? [`- ${s.name} = ${s.from}`] : []), `+ ${s.name} = ${s.to}`]),
    ];
    sections.push([t('plan.mainCf', { path: `${plan.configDir}/main.cf` }), ...lines].join('\n'));
  }
  for (const file of plan.files) {
    if (typeof file.content !== 'string') {
      sections.push(t('plan.binaryFile', { path: file.path, bytes: file.content.length }));
      continue;
    }
    const show = (text: string) => (file.secret ? redactPasswordMap(text) : text);
    const header = file.previous === undefined
      ? t('plan.newFile', { path: file.path, mode: file.mode.toString(8).padStart(4, '0') })
      : t('plan.changedFile', { path: file.path, mode: file.mode.toString(8).padStart(4, '0') });
    sections.push([header, ...diffLines(show(file.previous ?? ''), show(file.content))].join('\n'));
  }
  if (plan.deletes.length > 0) sections.push([t('plan.deletes'), ...plan.deletes.map((p) => `- ${p}`)].join('\n'));
  const commands = [
    ...plan.commands.map((c) => `$ ${c.file} ${c.args.join(' ')}`),
    ...(plan.masterRemovals?.length ? [`$ postconf -PX ${plan.masterRemovals.join(' ')}`] : []),
  ];
  if (commands.length > 0) sections.push([t('plan.commands'), ...commands].join('\n'));
  if (plan.restart) sections.push(t('plan.restart'));
  return sections.join('\n\n');
}
