// The pre-flight of a relay that admits this machine by its address (--auth none, Workspace's SMTP
// relay service): connect, verified TLS, MAIL FROM and RCPT TO, then RSET — the relay decides at
// MAIL FROM, so a bare connection would prove nothing. Nothing is sent, nothing written on failure.
import { WizardError } from '../../errors.js';
import type { Relay } from '../../gmail/relay.js';
import type { EnvelopeCheck, EnvelopeCheckResult } from '../../system/types.js';
import { type MessageKey, t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { explainPreflight } from './preflight.js';

/** The address Google names in "550 5.7.1 Invalid credentials for relay [ADDRESS]" (earlier: "Mail relay denied [ADDRESS]"). */
export function addressGoogleSaw(response: string | undefined): string | undefined {
  return /(?:Invalid credentials for relay|Mail relay denied) \[([^\]\s]+)\]/i.exec(response ?? '')?.[1];
}

const noLoginWords = {
  connecting: 'authNone.connecting',
  accepted: 'authNone.accepted',
  failed: 'authNone.failed',
} as const satisfies Record<string, MessageKey>;
const oauthWords = {
  connecting: 'authOauth.connecting',
  accepted: 'authOauth.accepted',
  failed: 'authOauth.failed',
} as const satisfies Record<string, MessageKey>;

/** Throws the explained failure (exit 1) unless the relay took the envelope. */
export async function preflightEnvelope(
  ctx: Pick<Context, 'sys' | 'ui'>,
  relay: Relay,
  caPem: string,
  check: EnvelopeCheck,
): Promise<void> {
  const words = check.xoauth2 ? oauthWords : noLoginWords;
  const progress = ctx.ui.progress(t(words.connecting, { host: relay.host, port: relay.port }));
  const result = await ctx.sys.checkEnvelope(
    { host: relay.host, port: relay.port, implicitTls: relay.implicitTls, ca: caPem },
    check,
  );
  if (result.ok) {
    progress.stop(t(words.accepted, { account: check.from, host: relay.host }));
    return;
  }
  const failure = explainEnvelopeFailure(relay, result, check.xoauth2?.user);
  progress.stop(t(words.failed, { host: relay.host, port: relay.port, detail: failure.detail }), 'failed');
  throw new WizardError(`preflight-${failure.code}`, `${failure.cause} ${t('preflight.nothingChanged')}`, failure.fix);
}

/** `oauthUser`: the XOAUTH2 login's account — a refused token is the consent's fault, not an app password's. */
export function explainEnvelopeFailure(
  relay: Relay,
  result: EnvelopeCheckResult,
  oauthUser?: string,
): ReturnType<typeof explainPreflight> {
  const failure = explainPreflight(relay, result, undefined);
  if (oauthUser !== undefined && result.stage === 'auth' && failure.code === 'auth-bad-credentials') {
    const vars = { account: oauthUser };
    return {
      ...failure,
      code: 'auth-bad-credentials',
      cause: t('authOauth.loginRefused.cause', vars),
      fix: t('authOauth.loginRefused.fix', vars),
    };
  }
  const address = addressGoogleSaw(result.response);
  return address ? { ...failure, cause: `${failure.cause} ${t('authNone.addressSeen', { address })}` } : failure;
}
