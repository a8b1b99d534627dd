// OAuth 2.0's interactive consent (--auth oauth at a terminal, no --oauth-token-file): the client
// JSON (the one-screen explanation of how to make it, then its path, unless --oauth-client gave it),
// then the authorization-code flow with PKCE and state to a loopback listener on 127.0.0.1, and the
// code exchanged at the client's token_uri (TLS verified against the relay's trust anchors). The
// browser's answer comes to the listener or is pasted back into the prompt, whichever is first; the
// other is ended cleanly, and the listener is closed whatever happens (Ctrl-C included). From the
// token on, the run is the headless one's (the same pre-flight and plan). The verifier, the code and
// the tokens stay in memory: never shown, never in argv, a child's environment or a file here.
import { CancelledError, UsageError, WizardError } from '../../errors.js';
import {
  type ConsentAnswer,
  codeExchangeForm,
  consentRequest,
  overSsh,
  readConsentAnswer,
  readPastedAnswer,
  sshForwardCommand,
} from '../../gmail/oauth-consent.js';
import {
  consentInTesting,
  type OauthClient,
  type OauthProblem,
  type OauthToken,
  parseOauthClient,
  parseTokenReply,
} from '../../gmail/oauth.js';
import { consentPages } from '../../ui/consent-page.js';
import { type MessageKey, t } from '../../ui/messages.js';
import type { Context } from '../context.js';

type Ctx = Pick<Context, 'sys' | 'ui'>;

/** What a consent leaves: the token as --oauth-token-file would give it, for the client it was given to. */
export interface Consented {
  client: OauthClient;
  token: Required<Pick<OauthToken, 'refreshToken' | 'accessToken' | 'expiry'>> & Pick<OauthToken, 'consentExpiresAt'>;
  /** The code exchange carried refresh_token_expires_in: the consent screen is in Testing (7 days). */
  testing: boolean;
}

/**
 * The consent (at a terminal, no --oauth-token-file): `client` is --oauth-client's when given, else it
 * is explained and asked for. The caller has checked the plugin first: nobody should consent and then
 * be told that Postfix cannot use it. `caPem`: the relay's trust anchors, --ca-file's included.
 */
export async function consentInBrowser(
  ctx: Ctx,
  client: OauthClient | undefined,
  account: string,
  caPem: string,
): Promise<Consented> {
  return giveConsent(ctx, client ?? (await askOauthClient(ctx)), caPem, account);
}

/** The client JSON at a typed path, read as a secret file (root's or the sudo user's, no one else's). */
async function readClientFile(sys: Ctx['sys'], path: string): Promise<OauthClient> {
  const vars = { flag: '--oauth-client', path };
  const file = await sys.readSecretFile(path);
  if (file.problem || file.text === undefined)
    throw new UsageError(
      'unsafe-oauth-file',
      t('authOauth.fileRefused', { ...vars, problem: file.problem ?? 'unreadable' }),
      t('authOauth.fileRefusedFix', vars),
    );
  const parsed = parseOauthClient(file.text);
  if (!parsed.ok)
    throw new UsageError(
      'invalid-oauth-file',
      t(`authOauth.${parsed.problem}` as `authOauth.${OauthProblem}` & MessageKey, {
        ...vars,
        field: parsed.field ?? '',
      }),
      t('authOauth.inputFix'),
    );
  return parsed.value;
}

/** The one-screen explanation of the Desktop client, then its path, asked until a usable client JSON is given. */
export async function askOauthClient(ctx: Ctx): Promise<OauthClient> {
  ctx.ui.note(t('consent.clientHelp'), t('consent.clientTitle'));
  for (;;) {
    const typed = await ctx.ui.text({
      message: t('consent.clientPath'),
      placeholder: '/root/client_secret.json',
      validate: (v) => (v.trim() === '' ? t('consent.clientPathEmpty') : undefined),
    });
    // A path dragged into a terminal comes quoted.
    const path = typed.trim().replace(/^(['"])(.*)\1$/, '$2');
    try {
      return await readClientFile(ctx.sys, path);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      ctx.ui.warn(error.fix ? `${error.message}\n${error.fix}` : error.message);
    }
  }
}

/** The consent for `client` as `account`: the browser's answer, then the code exchanged for a refresh token. */
export async function giveConsent(ctx: Ctx, client: OauthClient, caPem: string, account: string): Promise<Consented> {
  let state = '';
  const judge = (query: URLSearchParams) => {
    const answer = readConsentAnswer(query, state);
    return answer.kind === 'not-an-answer' ? 'ignore' : answer.kind === 'state-mismatch' ? 'refuse' : 'take';
  };
  const listener = await ctx.sys.listenLoopback('/', judge, consentPages());
  const stop = new AbortController();
  try {
    const request = consentRequest(client, listener.port, account);
    state = request.state;
    ctx.ui.info(t('consent.open', { account }));
    ctx.ui.print(`\n${request.url}\n`);
    ctx.ui.info(t('consent.listening', { port: listener.port }));
    if (overSsh(ctx.sys.env()))
      ctx.ui.command(t('consent.ssh', { port: listener.port }), sshForwardCommand(ctx.sys.env(), listener.port));
    // Masked: the address holds the code, a secret the screen must not show.
    const pasted = ctx.ui
      .password({
        message: t('consent.paste'),
        signal: stop.signal,
        validate: (v) => pasteProblem(readPastedAnswer(v, state)),
      })
      .then((text) => (stop.signal.aborted ? undefined : { heard: false, answer: readPastedAnswer(text, state) }));
    // A wrong state at the listener is refused there and the wait goes on: only the right answer comes here.
    const heard = listener.answer.then(({ query }) => ({ heard: true, answer: readConsentAnswer(query, state) }));
    const first = await Promise.race([pasted, heard]);
    stop.abort(); // the listener came first: the prompt ends (resolves undefined, shows nothing)
    await pasted;
    if (first === undefined) throw new CancelledError(t('cancelled'));
    const { answer } = first;
    if (first.heard) ctx.ui.success(t('consent.heard', { port: listener.port }));
    return await exchange(ctx, client, caPem, answer, request);
  } finally {
    stop.abort();
    await listener.close();
  }
}

function pasteProblem(answer: ConsentAnswer): string | undefined {
  if (answer.kind === 'not-an-answer') return t('consent.pasteNotAnswer');
  if (answer.kind === 'state-mismatch') return t('consent.pasteStateMismatch');
  return undefined;
}

async function exchange(
  ctx: Ctx,
  client: OauthClient,
  caPem: string,
  answer: ConsentAnswer,
  request: ReturnType<typeof consentRequest>,
): Promise<Consented> {
  const endpoint = client.tokenUri;
  if (answer.kind !== 'code') {
    const error = answer.kind === 'denied' ? answer.error : 'no_code';
    throw new WizardError(
      'oauth-consent-denied',
      `${t('consent.denied.cause', { error })} ${t('preflight.nothingChanged')}`,
      t('consent.denied.fix'),
    );
  }
  const progress = ctx.ui.progress(t('consent.exchanging', { endpoint: new URL(endpoint).host }));
  const reply = await ctx.sys.postForm(endpoint, codeExchangeForm(client, request, answer.code), caPem);
  const parsed = reply.status === 0 ? undefined : parseTokenReply(reply.status, reply.body);
  if (!parsed?.ok) {
    const error = parsed?.error ?? reply.errorCode ?? 'ESOCKET';
    progress.stop(t('consent.exchangeFailed', { error }), 'failed');
    const [cause, fix] =
      parsed === undefined
        ? [t('authOauth.unreachable.cause', { endpoint, error }), t('authOauth.unreachable.fix')]
        : [t('consent.exchange.cause', { endpoint, error }), t('consent.exchange.fix')];
    throw new WizardError('oauth-code-refused', `${cause} ${t('preflight.nothingChanged')}`, fix);
  }
  if (!parsed.refreshToken) {
    progress.stop(t('consent.exchangeFailed', { error: 'no refresh_token' }), 'failed');
    throw new WizardError(
      'oauth-no-refresh-token',
      `${t('consent.noRefresh.cause', { endpoint })} ${t('preflight.nothingChanged')}`,
      t('consent.noRefresh.fix'),
    );
  }
  progress.stop(t('consent.exchanged'));
  const expiry = Math.floor(Date.now() / 1000) + parsed.expiresIn;
  const token = { refreshToken: parsed.refreshToken, accessToken: parsed.accessToken, expiry };
  // Testing: the consent ends refresh_token_expires_in from now (7 days); the pre-flight keeps the earliest end.
  const left = parsed.refreshTokenExpiresIn;
  const ends = left === undefined ? {} : { consentExpiresAt: Math.floor(ctx.sys.now().getTime() / 1000) + left };
  return { client, token: { ...token, ...ends }, testing: consentInTesting(parsed) };
}
