// The pre-flight of a relay that admits this machine by its address (--auth none, Workspace's SMTP
// relay service): connect, verified TLS, MAIL FROM and RCPT TO, then RSET — the relay decides at
// MAIL FROM, so a bare connection would prove nothing. Nothing is sent, nothing written on failure.
import { WizardError } from '../../errors.js';
import type { Relay } from '../../gmail/relay.js';
import type { EnvelopeCheck, EnvelopeCheckResult } from '../../system/types.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { explainPreflight } from './preflight.js';

/** The address Google names in "550 5.7.1 Invalid credentials for relay [ADDRESS]" (earlier: "Mail relay denied [ADDRESS]"). */
export function addressGoogleSaw(response: string | undefined): string | undefined {
  return /(?:Invalid credentials for relay|Mail relay denied) \[([^\]\s]+)\]/i.exec(response ?? '')?.[1];
}

/** Throws the explained failure (exit 1) unless the relay took the envelope. */
export async function preflightEnvelope(
  ctx: Pick<Context, 'sys' | 'ui'>,
  relay: Relay,
  caPem: string,
  check: EnvelopeCheck,
): Promise<void> {
  const progress = ctx.ui.progress(t('authNone.connecting', { host: relay.host, port: relay.port }));
  const result = await ctx.sys.checkEnvelope(
    { host: relay.host, port: relay.port, implicitTls: relay.implicitTls, ca: caPem },
    check,
  );
  if (result.ok) {
    progress.stop(t('authNone.accepted', { account: check.from, host: relay.host }));
    return;
  }
  const failure = explainEnvelopeFailure(relay, result);
  progress.stop(t('authNone.failed', { host: relay.host, port: relay.port, detail: failure.detail }), 'failed');
  throw new WizardError(`preflight-${failure.code}`, `${failure.cause} ${t('preflight.nothingChanged')}`, failure.fix);
}

export function explainEnvelopeFailure(relay: Relay, result: EnvelopeCheckResult): ReturnType<typeof explainPreflight> {
  const failure = explainPreflight(relay, result, undefined);
  const address = addressGoogleSaw(result.response);
  return address ? { ...failure, cause: `${failure.cause} ${t('authNone.addressSeen', { address })}` } : failure;
}
