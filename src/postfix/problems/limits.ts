// Gmail's daily sending limit (gmail/limits.ts), read from the log before Gmail answers 550 5.4.5:
// a warning from `warnPercent` of an account's limit, an error once it is reached.
import type { DoctorFacts, Problem } from './types.js';

export function dailyLimit(facts: Pick<DoctorFacts, 'sending'>): Problem[] {
  const sending = facts.sending;
  if (!sending) return [];
  const near = sending.accounts
    .map((use) => ({ use, percent: use.limit > 0 ? Math.floor((use.sent * 100) / use.limit) : 0 }))
    .filter(({ use, percent }) => use.sent >= use.limit || percent >= sending.warnPercent)
    .sort((a, b) => b.percent - a.percent);
  const worst = near[0];
  if (!worst) return [];
  return [
    {
      code: 'daily-limit',
      severity: worst.use.sent >= worst.use.limit ? 'error' : 'warning',
      fixable: false,
      evidence: near.map(
        ({ use, percent }) =>
          `${use.account}: ${use.sent} of ${use.limit} recipients in 24 h (${percent} %, ${use.kind})`,
      ),
      vars: { account: worst.use.account, sent: worst.use.sent, limit: worst.use.limit, percent: worst.percent },
    },
  ];
}
