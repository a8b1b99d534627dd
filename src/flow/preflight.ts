// Pre-flight: before any file is touched, log in to the relay exactly as
// Postfix will (TLS verified against the same CA file, then AUTH), so a
// wrong password or a blocked port is found while nothing has changed.
import { WizardError } from '../errors.js';
import { diagnose, type DiagnosisCode } from '../gmail/diagnose.js';
import type { Relay } from '../gmail/relay.js';
import { explainDiagnosis } from '../ui/diagnosis-text.js';
import { t } from '../ui/messages.js';
import { askPassword } from './ask.js';
import type { Context } from './context.js';
import type { PasswordSource } from './types.js';

const maxAttempts = 3;
const retryable: DiagnosisCode[] = ['auth-bad-credentials', 'auth-app-password-required'];

export async function preflight(
  ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'readStdin'>,
  relay: Relay,
  caPem: string,
  account: string,
  first: { password: string; source: PasswordSource },
): Promise<{ password: string; source: PasswordSource }> {
  let credential = first;
  for (let attempt = 1; ; attempt++) {
    const progress = ctx.ui.progress(t('preflight.connecting', { host: relay.host, port: relay.port }));
    const result = await ctx.sys.checkSmtpAuth({ host: relay.host, port: relay.port, implicitTls: relay.implicitTls, ca: caPem }, account, credential.password);
    if (result.ok) {
      progress.stop(t('preflight.accepted', { account, host: relay.host }));
      return credential;
    }
    const diagnosis = diagnose(result.response ?? '', { errorCode: result.errorCode, responseCode: result.responseCode });
    const { cause, fix } = explainDiagnosis(diagnosis.code);
    progress.stop(t('preflight.refused', { detail: diagnosis.detail }), 'failed');
    if (!ctx.ui.interactive || !retryable.includes(diagnosis.code) || attempt >= maxAttempts) {
      throw new WizardError(`preflight-${diagnosis.code}`, `${cause} ${t('preflight.nothingChanged')}`, fix);
    }
    ctx.ui.warn(`${cause}\n${fix}`);
    const retry = await askPassword({ ...ctx, options: { ...ctx.options, passwordStdin: false, passwordFile: undefined } }, undefined);
    if (!retry) throw new WizardError('preflight-aborted', cause, fix);
    credential = retry;
  }
}
