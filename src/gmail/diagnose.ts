// Turns a failure text (Postfix delay reason / delivery reply / log notes, or a nodemailer error)
// into a stable cause code. Rules are tried in order, most specific first; each one is anchored on
// wording seen in real output, kept under test/fixtures/postfix-output/ (see SOURCE.md there).
import type { DeliveryEvent } from '../postfix/log.js';

export const DIAGNOSIS_CODES = [
  'auth-bad-credentials',
  'auth-app-password-required',
  'auth-web-login-required',
  'auth-too-many-attempts',
  'auth-not-attempted',
  'relay-address-refused',
  'sasl-password-map',
  'oauth-consent-revoked',
  'oauth-ca-unreadable',
  'sasl-no-mechanism',
  'sasl-not-offered',
  'starttls-not-offered',
  'tls-untrusted',
  'tls-name-mismatch',
  'tls-handshake',
  'greeting-timeout',
  'connect-timeout',
  'connect-refused',
  'network-unreachable',
  'dns',
  'dns-chroot',
  'mail-loop',
  'transport-unavailable',
  'relay-transport-error',
  'sender-rejected',
  'recipient-rejected',
  'message-rejected',
  'quota-exceeded',
  'rate-limited',
  'server-temporary',
  'unknown',
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

export interface Diagnosis {
  code: DiagnosisCode;
  /** The relevant server reply or error, trimmed, one line. */
  detail: string;
}

export interface DiagnoseHints {
  /** nodemailer's err.code (EAUTH, ETIMEDOUT, ESOCKET, …) or its err.originalCode (ECONNREFUSED, …). */
  errorCode?: string;
  /** The SMTP reply code nodemailer saw (err.responseCode). */
  responseCode?: number;
  /** The Postfix daemon that logged the verdict (DeliveryEvent.agent); "error" is a refusing transport. */
  agent?: string;
}

interface Rule {
  code: DiagnosisCode;
  text?: RegExp;
  errorCodes?: readonly string[];
  responseCodes?: readonly number[];
  /** Tried on the last message (the delivery reply itself) when the text rules did not match. */
  when?: (reply: string, hints: DiagnoseHints) => boolean;
}

/** An SMTP reply code with its enhanced code, as Gmail writes it: "535-5.7.8" or "535 5.7.8". */
const reply = (code: string, enhanced: string): string =>
  `(?<![\\w.])${code}[ -]${enhanced.replace(/\./g, '\\.')}(?![\\d])`;
const re = (...parts: string[]): RegExp => new RegExp(parts.join('|'), 'i');

const CERT_CODES = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
];
const UNTRUSTED = [
  'Server certificate not (?:trusted|verified)',
  'self[- ]signed certificate',
  'untrusted issuer',
  'certificate has expired',
  'unable to (?:verify the first|get local issuer) certificate',
  'certificate verification failed',
  ...CERT_CODES,
];
const HANDSHAKE = [
  'Cannot start TLS',
  'TLS library problem',
  'SSL_connect error',
  'wrong version number',
  'handshake failure',
  'tlsv1 alert',
  'Error (?:initiating TLS|upgrading connection with STARTTLS)',
];
const LOOP = [
  'loops back to myself',
  'greeted me with my own hostname',
  'replied to HELO/EHLO with my own hostname',
  'too many hops',
  'hopcount exceeded',
];
const DNS = [
  'Host or domain name not found',
  'unable to look up host',
  'Name service error',
  'ENOTFOUND',
  'EAI_AGAIN',
  'getaddrinfo',
  'Temporary failure in name resolution',
];
// 550 5.4.5 is a bounce, not a retry: the account's daily limit (500 a day for Gmail, 2,000 for Workspace).
const QUOTA = [reply('5\\d\\d', '5.4.5'), 'Daily user sending (?:limit|quota) exceeded'];
const RATE = [
  'Try again later, closing connection',
  reply('421', '4.7.0'),
  reply('45\\d', '4.7.28'),
  reply('450', '4.2.1'),
  'unusual rate',
];
const RECIPIENT = [
  reply('5\\d\\d', '5.1.[0-3]'),
  'email account that you tried to reach does not exist',
  'find the recipient domain',
  'Recipient address rejected',
  'all recipients were rejected',
  'unknown user: ',
  '\\(in reply to RCPT TO command\\)',
];
const MESSAGE = [
  reply('55\\d', '5.7.[01]'),
  'content presents a potential',
  'likely unsolicited mail',
  'message (?:was |has been )?(?:blocked|rejected)',
  '\\(in reply to end of DATA command\\)',
];
const REFRESH = 'TokenStore::Refresh: ';
const CA_FAILED = '(?:Problem with the SSL CA|error setting cert|SSL cert)';
// The error(8) agent bounces with nothing but the next hop as its reason, e.g. "([smtp.gmail.com]:587)".
const BARE_NEXTHOP = /^\[[^\]\s]+\](?::\d+)?$/;

// Order matters: Gmail's 530 5.7.0 means "log in first" unless it says STARTTLS; a connect timeout
// beside an IPv6 "Network is unreachable" note is the real cause (Postfix reports the last address).
const RULES: readonly Rule[] = [
  // 534-5.7.14: Google wants a browser sign-in first (a new device, a password it distrusts).
  { code: 'auth-web-login-required', text: re(reply('534', '5.7.14'), 'Please log in (?:via|with) your web browser') },
  {
    code: 'auth-app-password-required',
    text: re(reply('534', '5.7.9'), 'Application-specific password required'),
    responseCodes: [534],
  },
  { code: 'auth-too-many-attempts', text: re('Too many login attempts') },
  {
    code: 'auth-bad-credentials',
    text: re(
      reply('535', '5.7.\\d+'),
      'Username and Password not accepted',
      'Authentication unsuccessful',
      'authentication credentials invalid',
    ),
    responseCodes: [535],
  },
  {
    code: 'sasl-password-map',
    text: re(
      'smtp_sasl_password_maps lookup error',
      'sasl_passwd\\S* is unavailable',
      'local data error while talking to',
    ),
  },
  // sasl-xoauth2 0.27's notes (postfix/xoauth2-log.ts): its libcurl could not use the CA bundle, or Google refused
  // the refresh (invalid_grant: a revoked or expired consent); Postfix's "bad protocol / cancel" alone is neither.
  { code: 'oauth-ca-unreadable', text: re(`${REFRESH}http error: ${CA_FAILED}`) },
  { code: 'oauth-consent-revoked', text: re(`${REFRESH}(?:request failed|exceeded maximum)`, 'invalid_grant') },
  { code: 'sasl-no-mechanism', text: re('no mechanism available', 'No worthy mechs found') },
  // Workspace's SMTP relay service: the client's address is in no "Allowed senders / IP addresses" rule.
  { code: 'relay-address-refused', text: re('Invalid credentials for relay', 'Mail relay denied \\[') },
  { code: 'sasl-not-offered', text: re('Must issue a STARTTLS command first') },
  {
    code: 'auth-not-attempted',
    text: re(reply('530', '5.7.0'), 'Authentication Required', 'Client not authenticated', reply('530', '5.7.57')),
  },
  {
    code: 'starttls-not-offered',
    text: re('TLS is required, but was not offered', 'STARTTLS not (?:supported|offered)'),
  },
  {
    code: 'tls-name-mismatch',
    text: re(
      'hostname mismatch',
      "does not match certificate's altnames",
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'name mismatch',
    ),
  },
  { code: 'tls-untrusted', text: re(...UNTRUSTED), errorCodes: CERT_CODES },
  { code: 'greeting-timeout', text: re('while receiving the initial server greeting', 'Greeting never received') },
  { code: 'tls-handshake', text: re(...HANDSHAKE), errorCodes: ['ETLS', 'ERR_SSL_WRONG_VERSION_NUMBER'] },
  { code: 'mail-loop', text: re(...LOOP) },
  // smtp(8) runs chrooted (master.cf chroot = y) and the chroot has no resolver files: glibc's
  // getaddrinfo then fails with EBUSY (Debian copies /etc/resolv.conf, hosts, … there at start).
  { code: 'dns-chroot', text: re('unable to look up host [^:]+: Device or resource busy') },
  { code: 'dns', text: re(...DNS), errorCodes: ['EDNS', 'ENOTFOUND', 'EAI_AGAIN'] },
  {
    code: 'connect-timeout',
    text: re('connect to \\S+: (?:Connection|Operation) timed out', 'Connection timeout', 'connect ETIMEDOUT'),
    errorCodes: ['ETIMEDOUT'],
  },
  {
    code: 'network-unreachable',
    text: re('Network is unreachable', 'No route to host', 'ENETUNREACH', 'EHOSTUNREACH'),
    errorCodes: ['ENETUNREACH', 'EHOSTUNREACH'],
  },
  { code: 'connect-refused', text: re('Connection refused', 'ECONNREFUSED'), errorCodes: ['ECONNREFUSED'] },
  { code: 'transport-unavailable', text: re('mail transport unavailable') },
  { code: 'quota-exceeded', text: re(...QUOTA) },
  { code: 'rate-limited', text: re(...RATE) },
  {
    code: 'server-temporary',
    text: re(
      'Temporary System Problem',
      reply('4\\d\\d', '4.3.0'),
      'Service (?:not available|temporarily unavailable)',
    ),
  },
  {
    code: 'sender-rejected',
    text: re(
      reply('5\\d\\d', '5.1.[78]'),
      'Sender address rejected',
      'sender address <[^>]*> is not',
      '\\(in reply to MAIL FROM command\\)',
    ),
  },
  { code: 'recipient-rejected', text: re(...RECIPIENT) },
  { code: 'message-rejected', text: re(...MESSAGE) },
  // Debian's "Local only" answer sets default_transport/relay_transport = error.
  {
    code: 'relay-transport-error',
    text: re('^mail (?:to|for) \\S+ (?:is )?not delivered'),
    when: (last, hints) => hints.agent === 'error' || BARE_NEXTHOP.test(last),
  },
  { code: 'auth-bad-credentials', errorCodes: ['EAUTH'] },
];

export function diagnose(text: string, hints: DiagnoseHints = {}): Diagnosis {
  const parts = segments(text);
  for (const rule of RULES) {
    const hit = parts.find((part) => rule.text?.test(part));
    if (hit !== undefined || matchesHints(rule, parts, hints)) {
      return { code: rule.code, detail: tidy(hit ?? parts.at(-1) ?? '') };
    }
  }
  return { code: 'unknown', detail: tidy(parts.join(' ')) };
}

/** The diagnosis for a failed delivery line, helped by the notes logged just before it. */
export function diagnoseDelivery(event: DeliveryEvent, notes: readonly string[] = []): Diagnosis | undefined {
  if (event.status === 'sent') return undefined;
  const hints: DiagnoseHints = event.agent === undefined ? {} : { agent: event.agent };
  return diagnose([...notes, event.reply].join('\n'), hints);
}

function matchesHints(rule: Rule, parts: readonly string[], hints: DiagnoseHints): boolean {
  if (hints.errorCode !== undefined && rule.errorCodes?.includes(hints.errorCode)) return true;
  if (hints.responseCode !== undefined && rule.responseCodes?.includes(hints.responseCode)) return true;
  return rule.when?.(parts.at(-1) ?? '', hints) ?? false;
}

// One entry per message: a line that continues a multi-line reply ("535 5.7.8  https://…",
// "5.7.9 https://…" or an indented line) is joined to the line before it.
function segments(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = oneLine(raw);
    if (line === '') continue;
    const continues = /^\s/.test(raw) || /^(?:\d{3}[ -])?\d\.\d{1,3}\.\d{1,3}\s/.test(line);
    if (continues && out.length > 0) out[out.length - 1] += ` ${line}`;
    else out.push(line);
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Gmail's multi-line replies arrive as "…go to?535 5.7.8  https://…" (Postfix) or "…go to\n535 5.7.8 …"
// (nodemailer); keep the first code and drop the repeats so the line reads as one sentence.
function tidy(line: string): string {
  const first = /(?<![\w.])\d{3}[ -]\d\.\d{1,3}\.\d{1,3}\b/.exec(line);
  let out = line;
  if (first) {
    const head = out.slice(0, first.index + first[0].length);
    const tail = out.slice(head.length).replace(/(?:\?|\s)\s*\d{3}[ -]\d\.\d{1,3}\.\d{1,3}\s+/g, ' ');
    out = head + tail;
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > 300 ? `${out.slice(0, 299)}…` : out;
}
