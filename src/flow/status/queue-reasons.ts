// What status reports about the queue and main.cf's level beyond doctor's problems: the deferred
// messages grouped by diagnosis (the table the test send uses, so the two never disagree), and the
// obsolete switch that sets the level on a relay set up by hand.
import { diagnose, type DiagnosisCode } from '../../gmail/diagnose.js';
import type { DeferredReason } from '../../outcome.js';
import type { QueueEntry } from '../../postfix/queue.js';
import type { PostfixFacts } from '../types.js';

const levelSwitches = ['smtp_use_tls', 'smtp_enforce_tls', 'smtp_tls_enforce_peername'];

/** The deferred messages grouped by diagnosis, in the order first seen. */
export function deferredReasons(queue: readonly QueueEntry[]): DeferredReason[] {
  const reasons = new Map<DiagnosisCode, DeferredReason>();
  for (const entry of queue) {
    if (entry.queueName !== 'deferred') continue;
    const { code, detail } = diagnose(entry.recipients.map((r) => r.delayReason ?? '').find(Boolean) ?? '');
    const known = reasons.get(code);
    if (known) known.count++;
    else reasons.set(code, { code, detail, count: 1 });
  }
  return [...reasons.values()];
}

/** The obsolete switches that give main.cf's level (only while smtp_tls_security_level is not set). */
export function levelFromObsolete(postfix: Pick<PostfixFacts, 'legacy' | 'settings'>): string | undefined {
  if ((postfix.settings.smtp_tls_security_level ?? '').trim()) return undefined;
  const switches = (postfix.legacy ?? []).filter((s) => levelSwitches.includes(s.name));
  return switches.length > 0 ? switches.map((s) => `${s.name} = ${s.value}`).join(', ') : undefined;
}
