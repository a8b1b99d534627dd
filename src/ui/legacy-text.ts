// Sentences for a hand-made relay's superseded settings (plan and status).
import type { LegacySetting } from '../postfix/legacy-settings.js';
import { t } from './messages.js';

const misusedKeys = {
  smtp_tls_CApath: 'legacy.misused.smtp_tls_CApath',
  smtp_tls_CAfile: 'legacy.misused.smtp_tls_CAfile',
  smtp_tls_per_site: 'legacy.misused.smtp_tls_per_site',
} as const;

export function legacyReason(setting: LegacySetting): string {
  const vars = { name: setting.name, value: setting.value };
  if (setting.why === 'obsolete') return t('legacy.obsolete', vars);
  return t(misusedKeys[setting.name as keyof typeof misusedKeys] ?? 'legacy.misused', vars);
}

/** What takes its place: `planned` gives the value the plan really writes for a parameter it sets itself. */
export function legacyInstead(setting: LegacySetting, planned: Readonly<Record<string, string>> = {}): string {
  const parts = Object.entries(setting.replacement)
    .filter(([name]) => name !== setting.name)
    .map(([name, value]) => `${name} = ${planned[name] ?? value ?? ''}`);
  return parts.length > 0 ? t('legacy.instead', { settings: parts.join(', ') }) : t('legacy.removed');
}
