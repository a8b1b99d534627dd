import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSIS_CODES, diagnose, diagnoseDelivery, type DiagnosisCode } from '../../../src/gmail/diagnose.js';
import { clientNotesFor, parseDeliveryLine, type DeliveryEvent } from '../../../src/postfix/log.js';
import { parseQueueJson } from '../../../src/postfix/queue.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/postfix-output');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');
const seen = new Set<DiagnosisCode>();
const isFailure = (e: DeliveryEvent | undefined): e is DeliveryEvent => e !== undefined && e.status !== 'sent';
const check = (code: DiagnosisCode): DiagnosisCode => (seen.add(code), code);

// Recipient domain of each scenario in maillog-scenarios.log → the cause it must be given.
const SCENARIO_CODES: Record<string, DiagnosisCode> = {
  'badcreds.test': 'auth-bad-credentials',
  'apppw.test': 'auth-app-password-required',
  'toomany.test': 'auth-too-many-attempts',
  'xoauth.test': 'sasl-no-mechanism',
  'noauth.test': 'auth-not-attempted',
  'notls.test': 'sasl-not-offered',
  'nosuchuser.test': 'recipient-rejected',
  'nodomain.test': 'recipient-rejected',
  'content.test': 'message-rejected',
  'daily.test': 'quota-exceeded',
  'tryagain.test': 'rate-limited',
  'selfsigned.test': 'tls-untrusted',
  'wrongname.test': 'tls-name-mismatch',
  'tlsbroken.test': 'tls-handshake',
  'implicit.test': 'greeting-timeout',
  'badsender.test': 'sender-rejected',
  'tempproblem.test': 'server-temporary',
  'timeout.test': 'connect-timeout',
  'refused.test': 'connect-refused',
  'loop.test': 'starttls-not-offered',
  'unavail.test': 'transport-unavailable',
  'errtext.test': 'relay-transport-error',
};

test('every failed delivery of the real Postfix scenarios gets its cause', () => {
  const text = fixture('maillog-scenarios.log');
  const failures = text.split('\n').map(parseDeliveryLine).filter(isFailure);
  assert.equal(failures.length, Object.keys(SCENARIO_CODES).length);
  for (const event of failures) {
    const domain = event.to.split('@')[1] ?? '';
    const diagnosis = diagnoseDelivery(event, clientNotesFor(text, event.queueId, event.to));
    assert.equal(diagnosis?.code, check(SCENARIO_CODES[domain] ?? 'unknown'), `${event.to}: ${event.reply}`);
    assert.ok(diagnosis && diagnosis.detail !== '' && !diagnosis.detail.includes('\n'));
  }
});

test('a sent line needs no diagnosis', () => {
  const sent = parseDeliveryLine(
    fixture('maillog-submission.log')
      .split('\n')
      .find((l) => l.includes('status=sent')) ?? '',
  );
  assert.ok(sent);
  assert.equal(diagnoseDelivery(sent), undefined);
});

test('postqueue delay reasons alone (no log notes) still name the cause', () => {
  const reasons = new Map(
    parseQueueJson(fixture('postqueue-j-deferred.jsonl')).map((e) => [
      e.recipients[0]?.address,
      e.recipients[0]?.delayReason ?? '',
    ]),
  );
  const expected: Record<string, DiagnosisCode> = {
    'user@badcreds.test': 'auth-bad-credentials',
    'user@xoauth.test': 'sasl-no-mechanism',
    'user@tlsbroken.test': 'tls-handshake',
    'user@implicit.test': 'greeting-timeout',
    'user@timeout.test': 'connect-timeout',
    'user@unavail.test': 'transport-unavailable',
    // Without the log's "hostname mismatch" note only "not verified" is known.
    'user@wrongname.test': 'tls-untrusted',
  };
  for (const [address, code] of Object.entries(expected))
    assert.equal(diagnose(reasons.get(address) ?? '').code, code, address);
});

test('Debian "Local only": the error transport bounces with just the next hop', () => {
  for (const [file, reply] of [
    ['maillog-local-only.log', 'example.com'],
    ['maillog-local-only-relayhost.log', '[127.0.0.1]:2601'],
  ] as const) {
    const event = fixture(file)
      .split('\n')
      .map(parseDeliveryLine)
      .find((e) => e?.agent === 'error');
    assert.equal(event?.reply, reply);
    assert.equal(event && diagnoseDelivery(event)?.code, check('relay-transport-error'));
  }
  // Without the agent, a bare "[host]:port" is still recognised; a bare domain is not guessed at.
  assert.equal(diagnose('[smtp.gmail.com]:587').code, 'relay-transport-error');
  assert.equal(diagnose('example.com').code, 'unknown');
  // The error agent also relays other reasons ("delivery temporarily suspended: …"): those win.
  assert.equal(
    diagnose('delivery temporarily suspended: connect to a[1.2.3.4]:587: Connection timed out', { agent: 'error' })
      .code,
    'connect-timeout',
  );
});

test('SASL variants captured from the real Postfix', () => {
  const text = fixture('maillog-sasl-variants.log');
  const codes = text
    .split('\n')
    .map(parseDeliveryLine)
    .filter(isFailure)
    .map((e) => diagnoseDelivery(e, clientNotesFor(text, e.queueId))?.code);
  assert.deepEqual(codes, ['sasl-no-mechanism', check('sasl-password-map'), 'auth-not-attempted']);
});

test('a mail loop', () => {
  const text = fixture('maillog-long-ids-loop.log');
  const last = text
    .split('\n')
    .map(parseDeliveryLine)
    .filter((e) => e?.to === 'user@loop.test')
    .at(-1);
  assert.equal(last && diagnoseDelivery(last)?.code, check('mail-loop'));
});

interface NodemailerCase {
  name: string;
  ok: boolean;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  message?: string;
}

test('the errors nodemailer really raises', () => {
  const expected: Record<string, DiagnosisCode> = {
    'auth-535': 'auth-bad-credentials',
    'auth-534': 'auth-app-password-required',
    'auth-454': 'auth-too-many-attempts',
    'auth-not-offered': 'auth-not-attempted',
    'self-signed': 'tls-untrusted',
    'self-signed-in-chain': 'tls-untrusted',
    'unknown-issuer': 'tls-untrusted',
    'name-mismatch': 'tls-name-mismatch',
    'tls-broken': 'tls-handshake',
    'implicit-tls-port-without-secure': 'greeting-timeout',
    'secure-on-starttls-port': 'tls-handshake',
    refused: 'connect-refused',
    'connect-timeout': 'connect-timeout',
    'mail-421': 'rate-limited',
    'bad-sender-553': 'sender-rejected',
    'rcpt-550': 'recipient-rejected',
    'data-552-content': 'message-rejected',
    'data-550-daily-limit': 'quota-exceeded',
    'data-421-temporary': 'server-temporary',
  };
  const cases = (JSON.parse(fixture('nodemailer-errors.json')) as NodemailerCase[]).filter((c) => !c.ok);
  assert.equal(cases.length, Object.keys(expected).length);
  for (const c of cases) {
    const hints = {
      ...(c.code ? { errorCode: c.code } : {}),
      ...(c.responseCode ? { responseCode: c.responseCode } : {}),
    };
    assert.equal(diagnose(c.message ?? '', hints).code, expected[c.name], c.name);
    // The wizard may pass err.originalCode (ECONNREFUSED, …) instead of err.code: same answer.
    if (c.originalCode)
      assert.equal(
        diagnose(c.message ?? '', { errorCode: c.originalCode }).code,
        expected[c.name],
        `${c.name} (originalCode)`,
      );
  }
});

test('error codes alone, when the message says nothing useful', () => {
  assert.equal(diagnose('', { errorCode: 'ETIMEDOUT' }).code, 'connect-timeout');
  assert.equal(diagnose('', { errorCode: 'ECONNREFUSED' }).code, 'connect-refused');
  assert.equal(diagnose('', { errorCode: 'ENETUNREACH' }).code, 'network-unreachable');
  assert.equal(diagnose('', { errorCode: 'EDNS' }).code, 'dns');
  assert.equal(diagnose('', { errorCode: 'ETLS' }).code, 'tls-handshake');
  assert.equal(diagnose('Invalid login', { errorCode: 'EAUTH' }).code, 'auth-bad-credentials');
  assert.equal(diagnose('Invalid login', { errorCode: 'EAUTH', responseCode: 534 }).code, 'auth-app-password-required');
  assert.equal(diagnose('', { errorCode: 'ESOCKET' }).code, 'unknown');
});

interface PublicReply {
  id: string;
  text: string;
  errorCode?: string;
  responseCode?: number;
  agent?: string;
}

test('real Gmail replies and Postfix reasons quoted in public reports', () => {
  const expected: Record<string, DiagnosisCode> = {
    'nodemailer-454': 'auth-too-many-attempts',
    'python-534': 'auth-app-password-required',
    'phpmailer-534': 'auth-app-password-required',
    'twisted-535-old': 'auth-bad-credentials',
    'go-454-learn-more': 'auth-too-many-attempts',
    'erlang-daily-quota': 'quota-exceeded',
    'java-daily-limit': 'quota-exceeded',
    'nodemailer-421-ehlo': 'rate-limited',
    'nodemailer-421-temporary': 'server-temporary',
    'go-530-auth-required': 'auth-not-attempted',
    'c-530-starttls': 'sasl-not-offered',
    'go-552-content': 'message-rejected',
    'exim-550-unsolicited': 'message-rejected',
    'go-550-nosuchuser': 'recipient-rejected',
    'emailjs-553-domain': 'recipient-rejected',
    'r-553-recipient-syntax': 'recipient-rejected',
    'node-enotfound': 'dns',
    'postqueue-dns-aaaa': 'dns',
    'postfix-not-verified': 'tls-untrusted',
    'debian-local-only-ip': 'relay-transport-error',
    'loop-bracketed': 'mail-loop',
    'nodemailer-534-web-login': 'auth-web-login-required',
    'postfix-chroot-no-resolver': 'dns-chroot',
    'ombi-relay-denied': 'relay-address-refused',
  };
  const replies = JSON.parse(fixture('public-replies.json')) as PublicReply[];
  assert.equal(replies.length, Object.keys(expected).length);
  for (const r of replies) {
    const { id, text, ...hints } = r;
    assert.equal(diagnose(text, hints).code, check(expected[id] ?? 'unknown'), id);
  }
});

test('real Postfix log lines quoted in public reports', () => {
  const lines = new Map(
    (JSON.parse(fixture('public-log-lines.json')) as { id: string; line: string }[]).map((l) => [l.id, l.line]),
  );
  const code = (...ids: string[]): DiagnosisCode | undefined => {
    const text = ids.map((id) => lines.get(id) ?? '').join('\n');
    const event = parseDeliveryLine(ids.map((id) => lines.get(id) ?? '').at(-1) ?? '');
    return event ? diagnoseDelivery(event, clientNotesFor(text, event.queueId))?.code : diagnose(text).code;
  };
  assert.equal(code('gmail-535-deferred'), 'auth-bad-credentials');
  assert.equal(code('outlook-535'), 'auth-bad-credentials');
  assert.equal(code('outlook-530-not-authenticated'), 'auth-not-attempted');
  assert.equal(code('rfc3339-no-mechanism'), 'sasl-no-mechanism');
  assert.equal(code('orig-to-timeout'), 'connect-timeout');
  assert.equal(code('musl-operation-timed-out'), 'connect-timeout');
  assert.equal(code('journal-error-suspended'), 'connect-timeout');
  assert.equal(code('dns-error-suspended'), 'dns');
  assert.equal(code('dns-mx'), 'dns');
  assert.equal(code('tls-not-trusted'), 'tls-untrusted');
  assert.equal(code('loop-bounced'), 'mail-loop');
  // The IPv6 attempt is what Postfix reports, but the IPv4 timeout just before it is the cause.
  assert.equal(code('journal-ipv6-unreachable'), check('network-unreachable'));
  assert.equal(
    code('journal-ipv4-timeout', 'journal-ipv6-unreachable-note', 'journal-ipv6-unreachable'),
    'connect-timeout',
  );
  // A client-side OAuth plugin failure is not something the wizard knows a fix for.
  assert.equal(code('xoauth2-bad-protocol'), check('unknown'));
});

test('detail: one line, Gmail continuation codes folded, reply kept', () => {
  const text =
    'SASL authentication failed; server smtp.gmail.com[142.251.2.108] said: 535-5.7.8 Username and Password not accepted. For more information, go to?535 5.7.8  https://support.google.com/mail/?p=BadCredentials 98e67ed59e1d1-309f77521cfsm9763797a91.14 - gsmtp';
  assert.equal(
    diagnose(text).detail,
    'SASL authentication failed; server smtp.gmail.com[142.251.2.108] said: 535-5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials 98e67ed59e1d1-309f77521cfsm9763797a91.14 - gsmtp',
  );
  const nodemailer =
    'Invalid login: 534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor x - gsmtp';
  assert.equal(
    diagnose(nodemailer).detail,
    'Invalid login: 534-5.7.9 Application-specific password required. For more information, go to https://support.google.com/mail/?p=InvalidSecondFactor x - gsmtp',
  );
  assert.equal(diagnose('  \n').code, 'unknown');
  assert.ok(diagnose('x'.repeat(1000)).detail.length <= 300);
});

test("sasl-xoauth2 0.27's summary of a refused refresh (see test/unit/postfix/oauth-refresh-log.test.ts)", () => {
  const note = '[sasl-xoauth2] auth failed: 2026-12-07 23:40:00: TokenStore::Refresh: request failed';
  const reason =
    'SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.102.108]: bad protocol / cancel';
  assert.equal(diagnose(`${note}\n${reason}`).code, check('oauth-consent-revoked'));
  // Its libcurl could not read the CA bundle (captured with the real plugin: maillog-xoauth2-ca-unreadable.log).
  const ca =
    '[sasl-xoauth2] auth failed: 2026-12-08 03:29:13: TokenStore::Refresh: http error: Problem with the SSL CA cert (path? access rights?) (no further error information)';
  assert.equal(diagnose(`${ca}\n${reason}`).code, check('oauth-ca-unreadable'));
});

test('coverage: the fixtures above exercised every code', () => {
  // Runs last (node:test runs a file's tests in order): the codes the tests above met through `check`.
  const missing = DIAGNOSIS_CODES.filter((c) => !seen.has(c));
  assert.deepEqual(missing, []);
});
