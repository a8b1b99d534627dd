// The sasl-xoauth2 plugin's own lines in Postfix's log. The plugin (0.27, src/log.cc) keeps its trace in
// memory and, when a sign-in fails, writes one summary through syslog(3) — "[sasl-xoauth2] auth failed:
// DATE TIME: <its last trace line>" — under smtp(8)'s syslog ident, when the SASL session ends: after
// Postfix's "QUEUEID: SASL authentication failed; cannot authenticate to server …" line, and for the last
// address tried after the deferral itself (tarickb/sasl-xoauth2 issue #69 shows that order too).
import { ownerQueueId, parseDeliveryLine, splitLogLine, stripQueueId } from './log.js';

/** The plugin's summary line (0.27 writes "[sasl-xoauth2] " under smtp's ident; older ones their own ident). */
const SUMMARY = /(?:\[sasl-xoauth2\]|sasl-xoauth2\[\d+\]:) auth failed: /;
/**
 * The summaries doctor words: the token endpoint refused the refresh (TokenStore::Refresh: request failed;
 * exceeded maximum attempts), or libcurl could not use the CA bundle it verifies the endpoint with — curl 8's
 * "Problem with the SSL CA cert (path? access rights?)" (unreadable) and "SSL certificate verification failed"
 * (a bundle without the issuer: another CA's copy) — both captured, test/fixtures/postfix-output/SOURCE.md —,
 * older curl's "error setting certificate verify locations" (tarickb/sasl-xoauth2 issue #88) and its OpenSSL
 * builds' "SSL certificate problem: unable to get local issuer certificate" (not captured here).
 */
const KNOWN = new RegExp(
  'TokenStore::Refresh: (?:request failed|exceeded maximum|http error: (?:Problem with the SSL CA cert|' +
    'error setting certificate|SSL certificate (?:verification failed|problem)))',
);
/** Cyrus SASL failed on this side (a plugin's error), unlike "SASL authentication failed; server X said: …". */
const CLIENT_SASL_FAILED = /^SASL authentication failed; cannot authenticate to server \S+: /;
const SASL_BAD_PROTOCOL = /^SASL authentication failed; cannot authenticate to server \S+: bad protocol \/ cancel$/;

/**
 * The plugin's refresh failures in the log, for failures whose reason is Postfix's bare "bad protocol /
 * cancel": the message the plugin wrote, without its prefix.
 */
export function oauthRefreshNotes(logText: string, reason: string): string[] {
  if (!SASL_BAD_PROTOCOL.test(reason.trim())) return [];
  const summaries = logText
    .split('\n')
    .map((line) => splitLogLine(line).message)
    .filter((m) => SUMMARY.test(m));
  return known(summaries);
}

/** The latest summary, when doctor knows its words: an older one never speaks for a newer failure. */
function known(summaries: readonly string[]): string[] {
  const last = summaries.at(-1);
  return last !== undefined && KNOWN.test(last) ? [last] : [];
}

/** Whether a delivery reason (or a note) is Postfix's word for a SASL failure on this side. */
export function clientSaslFailed(text: string): boolean {
  return CLIENT_SASL_FAILED.test(text.trim());
}

export interface OauthSession {
  /** The process logged "QUEUEID: SASL authentication failed; cannot authenticate to server …" for this message. */
  saslFailed: boolean;
  /** The plugin's summaries the same process logged after it (without their prefix). */
  notes: string[];
}

/**
 * What one smtp process (by its pid) logged about this message's sign-in, from its "SASL authentication
 * failed" line on: the plugin's summary follows it, and Postfix may then try the next address (a refused
 * ::1), whose error becomes the deferral's reason — the plugin's line is still the cause. A line of the
 * same process that names another message ends the tie (smtp processes are reused, the pid with them).
 */
export function oauthSessionFor(logText: string, queueId: string): OauthSession {
  const open = new Map<string, string[]>();
  let found: OauthSession = { saslFailed: false, notes: [] };
  for (const line of logText.split('\n')) {
    const { message, pid } = splitLogLine(line);
    if (pid === undefined) continue;
    const owner = parseDeliveryLine(line)?.queueId ?? ownerQueueId(message);
    if (owner !== undefined && owner !== queueId) {
      open.delete(pid);
    } else if (owner === queueId && clientSaslFailed(stripQueueId(message))) {
      // The session's notes are shared with `found`: the summary the plugin logs after the verdict counts too.
      const notes = open.get(pid) ?? [];
      open.set(pid, notes);
      found = { saslFailed: true, notes };
    } else if (SUMMARY.test(message)) {
      open.get(pid)?.push(message);
    }
  }
  return { saslFailed: found.saslFailed, notes: known(found.notes) };
}
