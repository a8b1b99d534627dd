// check's performance data as values (Monitoring Plugins: 'label'=value;warn;crit;min;max): the same
// numbers go into the plugin line (ui/check-view.ts formats them) and into `check --json`.
import type { AccountUse } from '../../gmail/limits.js';
import type { CheckVerdict, Thresholds } from './judge.js';

export interface PerfValue {
  /** `deferred`, `sent_24h` (the first account), `sent_24h ADDRESS` (every further one). */
  label: string;
  value: number;
  warning: number;
  critical: number;
  min: number;
  max?: number;
}

export function perfValues(
  verdict: Pick<CheckVerdict, 'deferred'>,
  use: readonly AccountUse[],
  th: Thresholds,
): PerfValue[] {
  return [
    { label: 'deferred', value: verdict.deferred, warning: th.deferredWarning, critical: th.deferredCritical, min: 0 },
    ...use.map((u, i) => ({
      label: i === 0 ? 'sent_24h' : `sent_24h ${u.account}`,
      value: u.sent,
      warning: Math.floor((u.limit * th.limitPercent) / 100),
      critical: u.limit,
      min: 0,
      max: u.limit,
    })),
  ];
}
