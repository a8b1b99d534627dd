// The scheduled check's sentences (English): flow/ask/monitor-choice.ts, src/options.ts (--textfile of
// setup), the status view. The check's own words are check.en.ts.
export const monitorEn = {
  'monitor.badTextfile': '--textfile {path}: not an absolute path of plain characters',
  'monitor.badTextfileFix':
    "Give the directory node_exporter's textfile collector reads, without spaces, quotes, $ or %, e.g. --textfile /var/lib/prometheus/node-exporter.",
  'monitor.textfileAlone': '--textfile of setup is where the scheduled check writes: it needs --monitor',
  'monitor.textfileAloneFix': 'Add --monitor (a re-run keeps the directory used before), or leave out --textfile.',
  'monitor.kind.systemd': 'a systemd timer',
  'monitor.kind.cron': 'a cron.d entry',
  'monitor.explain':
    'A scheduled check can watch the relay: every {minutes} minutes, {kind} runs postfix-gmail-wizard check --textfile {textfile}, which writes its state for node_exporter (Prometheus). It reads this machine only and sends no mail.',
  'monitor.question': 'Run the check every {minutes} minutes ({kind})?',
  'monitor.program.npx-cache':
    "--monitor: this copy of postfix-gmail-wizard runs from npx's cache ({path}), which npm deletes (npm cache clean, a newer version): a timer calling it would stop working",
  'monitor.program.unsafe-dir':
    '--monitor: a root timer would run this program from {path}, which a user other than root can change',
  'monitor.program.odd-path':
    '--monitor: the path {path} holds a space or a character that a cron line or a systemd unit would misread',
  'monitor.programFix':
    'Install the wizard for good where only root can write, then run it from there: sudo npm install -g postfix-gmail-wizard && sudo postfix-gmail-wizard --monitor',
  'monitor.notOffered': 'No scheduled check is offered: {reason}. {fix}',
  'status.monitor': 'Scheduled check',
  'status.monitorOn': '{kind}, every {minutes} min, writes {textfile}/postfix_gmail_wizard.prom',
  'status.monitorOff': 'none (setup --monitor adds one)',
} as const;
