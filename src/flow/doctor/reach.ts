// Can the relay be reached (per address family), and does it take the password Postfix holds?
// The password is read from the map only under exactly relayhost's key and sent only there, over
// TLS verified with the anchors Postfix itself trusts (postfix/trust-anchors.ts).
import { diagnose } from '../../gmail/diagnose.js';
import { parseRelayhost } from '../../gmail/relay.js';
import { passwordMapCredential } from '../../postfix/password-map.js';
import type { DoctorFacts } from '../../postfix/problems/types.js';
import { postfixTrustAnchors } from '../../postfix/trust-anchors.js';
import { signInInUse } from '../../postfix/sign-in.js';
import type { System } from '../../system/types.js';
import type { HostFacts, PostfixFacts } from '../types.js';

const probeTimeoutMs = 5000;

export async function probeRelay(sys: System, postfix: PostfixFacts): Promise<DoctorFacts['relay']> {
  const relay = parseRelayhost(postfix.settings.relayhost ?? '');
  if (!relay) return undefined;
  const probe = await sys.probeRelay(relay.host, relay.port, { timeoutMs: probeTimeoutMs, tls: true });
  return { host: relay.host, port: relay.port, ...probe };
}

/** The relay as main.cf names it, not contacted: no address is known to work or fail. */
export async function namedRelay(postfix: PostfixFacts): Promise<DoctorFacts['relay']> {
  const relay = parseRelayhost(postfix.settings.relayhost ?? '');
  return relay ? { host: relay.host, port: relay.port, addresses: [] } : undefined;
}

export async function tryLogin(
  sys: System,
  facts: HostFacts,
  postfix: PostfixFacts,
  relay: DoctorFacts['relay'],
): Promise<DoctorFacts['login']> {
  // OAuth: the map's "password" is the token file's path, which the relay must never be sent as one (it
  // answers 535, doctor would say login-refused, and Gmail counts a failed login); the plugin's log says why.
  if (signInInUse(postfix.settings) === 'oauth') return undefined;
  const relayhost = (postfix.settings.relayhost ?? '').trim();
  const stored = postfix.passwordMap?.content
    ? passwordMapCredential(postfix.passwordMap.content, relayhost)
    : undefined;
  if (!stored || !relay?.addresses.some((a) => a.ok)) return undefined;
  const main = postfix.tls?.main ?? postfix.settings;
  const caFile = (main.smtp_tls_CAfile ?? '').trim();
  const caPath = (main.smtp_tls_CApath ?? '').trim();
  // A CApath that names a file (the old recipe's) is read as what it was meant to be.
  const pem =
    (caFile && (await sys.readFile(caFile))) ||
    (caPath && (await sys.readFile(caPath).catch(() => undefined))) ||
    (facts.caBundle && (await sys.readFile(facts.caBundle))) ||
    '';
  const anchors = await postfixTrustAnchors(sys, pem, main, postfix.tls?.chrootDir);
  // What the relay speaks, as the probe found it (a wrong smtp_tls_wrappermode is its own problem).
  const implicitTls = relay.implicitTls ?? (/^yes$/i.test(main.smtp_tls_wrappermode ?? '') || relay.port === 465);
  const result = await sys.checkSmtpAuth(
    { host: relay.host, port: relay.port, implicitTls, ca: anchors },
    stored.account,
    stored.password,
  );
  if (result.ok) return { ok: true };
  const diagnosis = diagnose(result.response ?? '', { errorCode: result.errorCode, responseCode: result.responseCode });
  return { ok: false, diagnosis: diagnosis.code, detail: diagnosis.detail };
}
