// One line on what detect found, shown when the spinner stops.
import { t } from '../../ui/messages.js';
import type { HostFacts } from '../types.js';

export function describeFacts(facts: HostFacts): string {
  const os = facts.os.prettyName ?? facts.os.id;
  if (!facts.postfix) return t('detect.noPostfix', { os });
  const p = facts.postfix;
  return t('detect.summary', {
    os,
    version: p.version,
    configDir: p.configDir,
    state: p.running ? t('detect.running.yes') : t('detect.running.no'),
    mapType: p.defaultMapType,
  });
}
