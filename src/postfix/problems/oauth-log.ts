// What doctor can say about the sasl-xoauth2 plugin from the mail log, and when the log cannot hold the
// plugin's words: with maillog_file, Postfix writes its own file through postlogd, while the plugin (0.27,
// src/log.cc) writes only through syslog(3) — so a failed OAuth sign-in shows there without its reason.
import type { DoctorFacts, Failure, Problem } from './types.js';

/** SASL failures on this side that no plugin summary explains, where maillog_file cannot hold one. */
export function unheardFailures(facts: Pick<DoctorFacts, 'failures' | 'oauth'>): Failure[] {
  if (!facts.oauth?.maillogFile) return [];
  return facts.failures.filter((f) => f.signInFailed && !f.diagnosis.startsWith('oauth-'));
}

export function oauthPluginUnheard(facts: Pick<DoctorFacts, 'failures' | 'oauth'>): Problem[] {
  const hits = unheardFailures(facts);
  const file = facts.oauth?.maillogFile;
  if (hits.length === 0 || !file) return [];
  const reasons = [...new Set(hits.map((f) => f.reason))].slice(0, 3);
  return [
    {
      code: 'oauth-plugin-unheard',
      severity: 'error',
      evidence: [
        `maillog_file = ${file}`,
        `/dev/log: ${facts.oauth?.devLog ? 'present' : 'missing (nothing receives syslog(3) here)'}`,
        ...reasons.map((r) => `${hits.find((f) => f.reason === r)!.status}: ${r}`),
      ],
      fixable: false,
      vars: { count: new Set(hits.map((f) => f.queueId)).size, file },
    },
  ];
}
