// remove puts back what the setup's TLS fixes took out (flow/plan/putback.ts), and says what it leaves as it is.
export const putbackEn = {
  'apply.step.masterSet': 'Putting master.cf options back (postconf -P)',
  'putback.masterChanged': 'master.cf {where} was not put back to "{value}": it says "{now}" now, set since the setup, and that stays.',
  'putback.masterServiceGone': 'master.cf {where} was not put back to "{value}": the service is no longer in master.cf.',
  'putback.tableChanged': 'The entry "{value}" was not put back into {where}: it has another entry for {key} now ("{now}"), written since the setup, and that stays.',
  'putback.tableGone': 'The entry "{value}" was not put back into {where}: the file is gone.',
} as const;
