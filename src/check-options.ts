// check's flags (CLI.md): thresholds in the Monitoring Plugins style (-w/-c) and --textfile. A value
// N means "alert above N", as the guidelines' plain threshold "N" (outside 0..N) does for counts.
import { plainWord } from './distro/schedule.js';
import { UsageError } from './errors.js';
import { defaultWarnPercent } from './gmail/limits.js';
import { consentWarnSecondsDefault } from './gmail/oauth.js';
import { t } from './ui/messages.js';

/** Debian's prometheus-node-exporter reads *.prom files here (--collector.textfile.directory). */
export const defaultTextfileDir = '/var/lib/prometheus/node-exporter';

export interface Thresholds {
  /** Deferred messages above this: WARNING (-w). */
  deferredWarning: number;
  /** Deferred messages above this: CRITICAL (-c). */
  deferredCritical: number;
  /** Per cent of the daily limit at which a WARNING starts. */
  limitPercent: number;
  /** A message queued longer than this many seconds: WARNING. */
  queueAge: number;
  /** An OAuth consent that ends within this many seconds: WARNING. */
  consentWarning: number;
}

export const defaultThresholds: Thresholds = {
  deferredWarning: 5,
  deferredCritical: 20,
  limitPercent: defaultWarnPercent,
  queueAge: 3600,
  consentWarning: consentWarnSecondsDefault,
};

export interface CheckOptions {
  thresholds: Thresholds;
  /** Also write the metrics here (DIR/postfix_gmail_wizard.prom). */
  textfile?: string;
  /** Replaces Google's daily limit for every account (a Workspace plan with another number). */
  dailyLimit?: number;
}

type CheckValues = {
  warning?: string;
  critical?: string;
  'queue-age'?: string;
  'limit-percent'?: string;
  'daily-limit'?: string;
  'consent-days'?: string;
  textfile?: string;
};

/** `--textfile` with no DIR after it (last, or followed by another option) means the default DIR. */
export function withTextfileDefault(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) =>
    arg === '--textfile' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('-'))
      ? [arg, defaultTextfileDir]
      : [arg],
  );
}

function count(flag: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > max)
    throw new UsageError(
      'usage',
      t('check.badNumber', { option: flag, value }),
      t('check.badNumberFix', { option: flag }),
    );
  return n;
}

export function parseCheckOptions(v: CheckValues): CheckOptions {
  const thresholds: Thresholds = {
    ...defaultThresholds,
    deferredWarning: count('-w', v.warning, defaultThresholds.deferredWarning),
    deferredCritical: count('-c', v.critical, defaultThresholds.deferredCritical),
    queueAge: count('--queue-age', v['queue-age'], defaultThresholds.queueAge),
    limitPercent: count('--limit-percent', v['limit-percent'], defaultThresholds.limitPercent, 100),
    // Days: a consent in Testing lasts 7; 0 warns only when it has ended (then CRITICAL).
    consentWarning: count('--consent-days', v['consent-days'], defaultThresholds.consentWarning / 86400, 36500) * 86400,
  };
  const textfile = v.textfile;
  if (textfile !== undefined && !textfile.startsWith('/'))
    throw new UsageError('usage', t('check.textfileRelative', { path: textfile }), t('check.textfileFix'));
  return {
    thresholds,
    ...(textfile !== undefined ? { textfile: textfile.replace(/(.)\/+$/, '$1') } : {}),
    ...(v['daily-limit'] !== undefined ? { dailyLimit: count('--daily-limit', v['daily-limit'], 0) } : {}),
  };
}

/**
 * setup's --monitor / --no-monitor, and --textfile DIR, where the scheduled check writes: with --monitor
 * only, absolute, and one plain word — it goes into a cron line and a unit's ExecStart as it is.
 */
export function monitorFlags(v: { monitor?: boolean; 'no-monitor'?: boolean; textfile?: string }): {
  monitor?: boolean;
  monitorTextfile?: string;
} {
  const monitor = v.monitor ? true : v['no-monitor'] ? false : undefined;
  const dir = v.textfile;
  if (dir === undefined) return { monitor };
  if (monitor === undefined)
    throw new UsageError('textfile-without-monitor', t('monitor.textfileAlone'), t('monitor.textfileAloneFix'));
  if (!dir.startsWith('/') || !plainWord.test(dir))
    throw new UsageError(
      'invalid-path',
      t('monitor.badTextfile', { path: JSON.stringify(dir) }),
      t('monitor.badTextfileFix'),
    );
  return { monitor, monitorTextfile: dir.replace(/(.)\/+$/, '$1') };
}
