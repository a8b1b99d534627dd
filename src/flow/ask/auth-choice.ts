// How Postfix signs in (issue 23 §3), asked only when it matters: a Google Workspace address (its
// admin decides which ways are open), or an app password Gmail refused with 534-5.7.9 (the account
// has none to give: Advanced Protection, security keys only, turned off by an admin). Otherwise, and
// whenever a flag decided it (--auth, --password-stdin/--password-file), today's app-password path
// runs unchanged. A way other than the app password restarts the ask phase as if --auth had been
// given (withAuthChoice), so every later question and check is the one that way has.
import { isConsumerGmail } from '../../gmail/credentials.js';
import type { AuthMethod } from '../../options.js';
import { type MessageKey, t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import type { PostfixFacts } from '../types.js';

/** Thrown by the question when a way other than the app password is chosen: the ask phase starts again with it. */
export class AuthSwitch extends Error {
  constructor(
    readonly auth: Exclude<AuthMethod, 'app-password'>,
    readonly account: string,
  ) {
    super(`sign in with ${auth}`);
    this.name = 'AuthSwitch';
  }
}

export type ChoiceReason = 'workspace' | 'app-password-refused';

const words: Record<AuthMethod, { explain: MessageKey; label: MessageKey }> = {
  'app-password': { explain: 'authChoice.explain.app-password', label: 'authChoice.label.app-password' },
  oauth: { explain: 'authChoice.explain.oauth', label: 'authChoice.label.oauth' },
  none: { explain: 'authChoice.explain.none', label: 'authChoice.label.none' },
};

type Ctx = Pick<Context, 'ui' | 'options'>;

/** No flag decided how to sign in, and a person is there to answer. */
export function wayIsOpen(ctx: Ctx): boolean {
  const o = ctx.options;
  return ctx.ui.interactive && o.auth === undefined && !o.passwordStdin && o.passwordFile === undefined;
}

/** The ways this account may take: Workspace's relay by address is for Workspace domains only. */
export function waysFor(account: string): AuthMethod[] {
  return isConsumerGmail(account) ? ['app-password', 'oauth'] : ['app-password', 'oauth', 'none'];
}

/** The question, with the ways explained in two lines each; throws AuthSwitch for a way other than the app password. */
export async function chooseAuth(ctx: Ctx, account: string, reason: ChoiceReason): Promise<void> {
  const ways = waysFor(account);
  const explained = ways.map((way) => t(words[way].explain)).join('\n');
  const why = t(reason === 'workspace' ? 'authChoice.why.workspace' : 'authChoice.why.refused', { account });
  ctx.ui.note(`${why}\n\n${explained}`, t('authChoice.title'));
  const way = await ctx.ui.select<AuthMethod>({
    message: t('authChoice.question'),
    options: ways.map((value) => ({ value, label: t(words[value].label) })),
    initialValue: 'app-password',
  });
  if (way !== 'app-password') throw new AuthSwitch(way, account);
}

/** A Workspace address, asked before its app password (not on a re-run that keeps the account). */
export async function offerOtherWays(
  ctx: Ctx,
  postfix: Pick<PostfixFacts, 'currentAccount'>,
  account: string,
): Promise<void> {
  if (!wayIsOpen(ctx) || isConsumerGmail(account) || postfix.currentAccount === account) return;
  await chooseAuth(ctx, account, 'workspace');
}

/**
 * Runs the ask phase; when a person picks another way it runs again with that way, as with --auth
 * (and the account given, so it is not asked twice). `beforeOauth` checks what OAuth needs (the
 * plugin) before any consent is asked for.
 */
export async function withAuthChoice<T>(
  ctx: Pick<Context, 'options'>,
  ask: () => Promise<T>,
  beforeOauth: () => void | Promise<void>,
): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof AuthSwitch)) throw error;
    ctx.options = { ...ctx.options, auth: error.auth, account: error.account };
    if (error.auth === 'oauth') await beforeOauth();
    return ask();
  }
}
