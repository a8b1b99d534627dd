// The plan as a person reads it before saying yes: main.cf as the lines that
// change, each file as a diff, each command. A file that holds a password is
// never shown line by line: a hand-written map can hide one anywhere (a
// continuation line, a commented-out old entry), so only its line count is
// given — and, for the wizard's own rendering, the template with the password masked.
import type { ShownPlan } from '../flow/plan/plan-part.js';
import { maskInlineSecrets, maskInlineSecretsInText } from '../postfix/inline-secrets.js';
import type { SecretFileFix } from '../transaction/plan.js';
import { diffLines } from './diff.js';
import { legacyInstead, legacyReason } from './legacy-text.js';
import { t } from './messages.js';

export function renderPlan(plan: ShownPlan): string {
  const sections: string[] = [];
  const notes = plan.notes ?? {};
  if (notes.tlsOverrides?.length && notes.tlsTarget) {
    sections.push(
      [
        t('tls.overrides', { nexthop: notes.tlsTarget.nexthop, level: notes.tlsTarget.level }),
        ...notes.tlsOverrides.map(
          (o) =>
            `- ${
              o.source === 'master.cf'
                ? t('tls.override.master', {
                    service: o.where.split('/')[0] ?? '',
                    type: o.where.split('/')[1] ?? '',
                    name: o.key,
                    value: o.value,
                  })
                : t('tls.override.policy', { map: o.where, key: o.key, value: o.value })
            }`,
        ),
      ].join('\n'),
    );
  }
  if (notes.legacy?.length) {
    const planned = Object.fromEntries(plan.settings.map((s) => [s.name, s.to]));
    sections.push(
      [t('legacy.plan'), ...notes.legacy.map((s) => `- ${legacyReason(s)}; ${legacyInstead(s, planned)}`)].join('\n'),
    );
  }
  if (notes.retiredMap)
    sections.push(
      [t('legacy.retired', { path: notes.retiredMap.path }), ...notes.retiredMap.files.map((p) => `- ${p}`)].join('\n'),
    );
  if (plan.settings.length + plan.removeSettings.length > 0) {
    const lines = [
      ...plan.removeSettings.map((name) => `- ${name}`),
      // A password written inline (smtp_sasl_password_maps = static:user:pw) is shown masked.
      ...plan.settings.flatMap((s) => [
        ...(s.from ? [`- ${s.name} = ${maskInlineSecrets(s.name, s.from)}`] : []),
        `+ ${s.name} = ${maskInlineSecrets(s.name, s.to)}`,
      ]),
    ];
    sections.push([t('plan.mainCf', { path: `${plan.configDir}/main.cf` }), ...lines].join('\n'));
  }
  for (const file of plan.files) {
    if (typeof file.content !== 'string') {
      sections.push(t('plan.binaryFile', { path: file.path, bytes: file.content.length }));
      continue;
    }
    const { previous, shown } = plan.views[file.path] ?? {};
    const header =
      previous === undefined
        ? t('plan.newFile', { path: file.path, mode: octal(file.mode) })
        : t('plan.changedFile', { path: file.path, mode: octal(file.mode) });
    // main.cf put back by restore may hold a password written inline (static:user:password): masked.
    const body = file.secret
      ? secretFileLines(previous, file.content, shown)
      : diffLines(maskInlineSecretsInText(previous ?? ''), maskInlineSecretsInText(file.content));
    sections.push([header, ...body].join('\n'));
  }
  const deletes = plan.deletes.filter((p) => !notes.retiredMap?.files.includes(p));
  if (deletes.length > 0) sections.push([t('plan.deletes'), ...deletes.map((p) => `- ${p}`)].join('\n'));
  const fixes = plan.secretFixes ?? [];
  if (fixes.length > 0) {
    const line = (f: SecretFileFix) =>
      t(f.action === 'remove' ? 'plan.secretRemove' : 'plan.secretChmod', { path: f.path, mode: octal(f.mode) });
    sections.push([t('plan.secretFixes'), ...fixes.map(line)].join('\n'));
  }
  const commands = [
    ...plan.commands.map((c) => `$ ${c.file} ${c.args.join(' ')}`),
    ...(plan.masterRemovals?.length ? [`$ postconf -PX ${plan.masterRemovals.join(' ')}`] : []),
    ...(plan.masterSettings?.length ? [`$ postconf -P ${plan.masterSettings.map(shellWord).join(' ')}`] : []),
  ];
  if (commands.length > 0) sections.push([t('plan.commands'), ...commands].join('\n'));
  if (plan.restart) sections.push(t('plan.restart'));
  return sections.join('\n\n');
}

function secretFileLines(previous: string | undefined, content: string, shown: string | undefined): string[] {
  const hidden = (text: string) => t('plan.hiddenLines', { count: lineCount(text) });
  if (previous !== undefined && previous === content) return [`  ${hidden(content)}`];
  const before = previous === undefined || previous === '' ? [] : [`- ${hidden(previous)}`];
  const after = shown === undefined ? [`+ ${hidden(content)}`] : diffLines('', shown);
  return [...before, ...after];
}

function lineCount(text: string): number {
  return text === '' ? 0 : text.replace(/\n$/, '').split('\n').length;
}

/** A value with spaces (`-o { a, b }` lists) shown quoted, as it would be typed. */
function shellWord(word: string): string {
  return /^[\w./:=@,+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}
