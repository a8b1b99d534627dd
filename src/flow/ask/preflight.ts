// Pre-flight: before any file is touched, log in to the relay exactly as
// Postfix will (TLS verified against the same CA file and the relay's name,
// then AUTH), so a wrong password or a blocked port is found while nothing has
// changed. The SMTP conversation is nodemailer's verify() (system/smtp.ts): it
// never sends AUTH over a connection whose certificate failed verification.
import { WizardError } from '../../errors.js';
import { diagnose, type DiagnosisCode } from '../../gmail/diagnose.js';
import type { Relay } from '../../gmail/relay.js';
import { explainDiagnosis } from '../../ui/diagnosis-text.js';
import { t } from '../../ui/messages.js';
import { promptPassword } from './ask.js';
import { chooseAuth, wayIsOpen } from './auth-choice.js';
import type { Context } from '../context.js';
import type { Credential } from '../types.js';

const maxAttempts = 3;
/** What a person can fix by typing another password. */
const retryable: readonly DiagnosisCode[] = ['auth-bad-credentials', 'auth-app-password-required'];
/** Failures before AUTH: the password never left this machine. */
const beforeAuth: readonly DiagnosisCode[] = [
  'tls-untrusted',
  'tls-name-mismatch',
  'tls-handshake',
  'starttls-not-offered',
  'greeting-timeout',
  'connect-timeout',
  'connect-refused',
  'network-unreachable',
  'dns',
];

/** Their explanation (diagnoses.*.ts) already says that the password was not sent. */
const saysNotSent: readonly DiagnosisCode[] = ['tls-untrusted', 'tls-name-mismatch'];

export interface PreflightFailure {
  code: DiagnosisCode;
  /** The server's reply or the socket error, one line. */
  detail: string;
  cause: string;
  fix: string;
}

/** The plain-words report of a failed login, with the fix that fits this relay. */
export function explainPreflight(
  relay: Relay,
  result: { response?: string; responseCode?: number; errorCode?: string },
  /** undefined: no password at all (--auth none). */
  source: Credential['source'] | undefined,
): PreflightFailure {
  const diagnosis = diagnose(result.response ?? '', { errorCode: result.errorCode, responseCode: result.responseCode });
  const explained = explainDiagnosis(diagnosis.code, relay.host);
  let cause = explained.cause;
  let fix = explained.fix;
  if (
    diagnosis.code === 'connect-timeout' ||
    diagnosis.code === 'connect-refused' ||
    diagnosis.code === 'greeting-timeout'
  ) {
    // Port 587 blocked: 465 may pass, and the other way round (OP25B rules differ by ISP).
    const other = relay.port === 465 ? 587 : 465;
    fix = t('preflight.otherPort', { host: relay.host, port: relay.port, other });
  }
  if (source !== undefined && beforeAuth.includes(diagnosis.code) && !saysNotSent.includes(diagnosis.code))
    cause = `${cause} ${t('preflight.passwordNotSent')}`;
  if (retryable.includes(diagnosis.code) && (source === 'keychain' || source === 'map')) {
    cause = `${cause} ${t(source === 'keychain' ? 'preflight.storedRefused' : 'preflight.mapRefused')}`;
  }
  return { code: diagnosis.code, detail: diagnosis.detail, cause, fix };
}

export async function preflight(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  relay: Relay,
  caPem: string,
  account: string,
  first: Credential,
): Promise<Credential> {
  let credential = first;
  for (let attempt = 1; ; attempt++) {
    const progress = ctx.ui.progress(t('preflight.connecting', { host: relay.host, port: relay.port }));
    const result = await ctx.sys.checkSmtpAuth(
      { host: relay.host, port: relay.port, implicitTls: relay.implicitTls, ca: caPem },
      account,
      credential.password,
    );
    if (result.ok) {
      progress.stop(t('preflight.accepted', { account, host: relay.host }));
      return credential;
    }
    const failure = explainPreflight(relay, result, credential.source);
    progress.stop(t('preflight.failed', { host: relay.host, port: relay.port, detail: failure.detail }), 'failed');
    if (!ctx.ui.interactive || !retryable.includes(failure.code) || attempt >= maxAttempts) {
      throw new WizardError(
        `preflight-${failure.code}`,
        `${failure.cause} ${t('preflight.nothingChanged')}`,
        failure.fix,
      );
    }
    // 534-5.7.9: the account may have no app password to give; another way is offered then (auth-choice.ts).
    // Its fix ends in "run the wizard again", but the wizard asks again right here.
    ctx.ui.warn(`${failure.cause}\n${t('preflight.askAgain', { attempt: attempt + 1, max: maxAttempts, account })}`);
    if (failure.code === 'auth-app-password-required' && wayIsOpen(ctx))
      await chooseAuth(ctx, account, 'app-password-refused');
    credential = await promptPassword(ctx);
  }
}
