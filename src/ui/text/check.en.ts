// check's sentences (English): commands/check.ts, ui/check-view.ts, check-options.ts. doctor's own
// problems are worded by doctor.*.ts, so check and doctor name a cause and its fix the same way.
export const checkEn = {
  'check.ok': '{relay} as {account}, {deferred} deferred, {sent} sent in 24 h',
  'check.noAccount': 'no account',
  'check.noRelay': 'no relay',
  'check.more': '(and {count} more below)',
  'check.title.deferred': '{count} messages deferred (more than {threshold})',
  'check.fix.deferred': 'Run postfix-gmail-wizard doctor to see why they wait.',
  'check.title.waiting': '{count} messages waiting longer than {threshold} s (the oldest for {oldest} s)',
  'check.fix.waiting': 'Run postfix-gmail-wizard doctor to see why they wait.',
  'check.badNumber': '{option} {value}: not a whole number in range',
  'check.badNumberFix': 'Give {option} a whole number (percentages up to 100), e.g. {option} 5.',
  'check.textfileRelative': '--textfile {path}: not an absolute path',
  'check.textfileFix':
    "Give the directory node_exporter's textfile collector reads, e.g. /var/lib/prometheus/node-exporter.",
  'check.textfileFailed': 'Could not write {path}: {reason}',
  'check.textfileFailedFix':
    'Create the directory (Debian: apt-get install prometheus-node-exporter makes it) and run check as root.',
} as const;
