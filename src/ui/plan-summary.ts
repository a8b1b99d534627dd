// The plan on one screen, for the person about to say yes: each file with
// its mode, each command, the test recipient, and main.cf — the settings that
// decide where and how mail leaves, old → new, last, so that they sit right
// above the question even when the top of a small terminal has scrolled
// away. No file's content is shown here (the full diff is one choice away,
// and hides password files as plan-view.ts does).
import type { ShownPlan } from '../flow/plan/plan-part.js';
import { maskInlineSecrets } from '../postfix/inline-secrets.js';
import { t } from './messages.js';

/** The settings whose old and new values matter to a person; the others are named only. */
const important = [
  'inet_interfaces',
  'default_transport',
  'relay_transport',
  'smtp_tls_wrappermode',
  'smtp_tls_security_level',
  'relayhost',
];

export interface SummaryExtras {
  /** Where the test message goes; undefined with --no-test. */
  testTo?: string;
}

export function renderSummary(plan: ShownPlan, extras: SummaryExtras = {}): string {
  const lines: string[] = [];
  const notes = plan.notes ?? {};
  for (const f of plan.files) {
    const isNew = plan.views[f.path]?.previous === undefined;
    lines.push(t(isNew ? 'tui.fileNew' : 'tui.fileChanged', { path: f.path, mode: octal(f.mode) }));
  }
  if (notes.legacy?.length) lines.push(t('legacy.summary', { names: notes.legacy.map((l) => l.name).join(', ') }));
  if (notes.retiredMap) lines.push(t('legacy.summaryRetired', { path: notes.retiredMap.path }));
  if (plan.deletes.length > 0) lines.push(t('plan.deletes'), ...plan.deletes.map((p) => `  - ${p}`));
  for (const f of plan.secretFixes ?? [])
    lines.push(
      t(f.action === 'remove' ? 'plan.secretRemove' : 'plan.secretChmod', { path: f.path, mode: octal(f.mode) }),
    );
  for (const c of plan.commands) lines.push(t('tui.command', { command: [c.file, ...c.args].join(' ') }));
  if (plan.restart) lines.push(t('plan.restart'));
  if (extras.testTo !== undefined) lines.push(t('tui.testTo', { to: extras.testTo }));
  const count = plan.settings.length + plan.removeSettings.length;
  if (count > 0) {
    lines.push(t('tui.mainCf', { path: `${plan.configDir}/main.cf`, count }));
    const named = plan.settings.filter((s) => !important.includes(s.name)).map((s) => s.name);
    if (named.length > 0) lines.push(`  ${t('tui.alsoSet', { names: grouped(named).join(', ') })}`);
    if (plan.removeSettings.length > 0) lines.push(`  ${t('tui.removed', { names: plan.removeSettings.join(', ') })}`);
    const shown = plan.settings
      .filter((s) => important.includes(s.name))
      .sort((a, b) => important.indexOf(a.name) - important.indexOf(b.name));
    for (const s of shown)
      lines.push(
        `  ${s.name}: ${s.from ? maskInlineSecrets(s.name, s.from) : t('tui.notSet')} → ${maskInlineSecrets(s.name, s.to)}`,
      );
  }
  return lines.join('\n');
}

/** smtp_sasl_auth_enable, smtp_sasl_password_maps, smtp_sasl_… → "smtp_sasl_* (4)", two of a family too: the plan must fit 80×24 with its question. */
function grouped(names: string[]): string[] {
  const family = (name: string) => name.split('_').slice(0, 2).join('_');
  const sizes = new Map<string, number>();
  for (const name of names) sizes.set(family(name), (sizes.get(family(name)) ?? 0) + 1);
  const out: string[] = [];
  for (const name of names) {
    const size = sizes.get(family(name))!;
    const label = size >= 2 ? `${family(name)}_* (${size})` : name;
    if (!out.includes(label)) out.push(label);
  }
  return out;
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}
