// The interactive way to an OAuth token: a consent given in the browser (PKCE, a loopback redirect or
// the address pasted back). Whatever it does, it ends with what --oauth-token-file gives — an
// OauthToken for a Desktop client — and setup then runs the same pre-flight and plan on it
// (oauth-step.ts). Until the consent is built, a run without --oauth-token-file is refused here.
import { WizardError } from '../../errors.js';
import type { OauthClient, OauthToken } from '../../gmail/oauth.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';

/** `client`: --oauth-client's, when given; the consent may ask for it. */
export async function obtainConsent(
  _ctx: Context,
  _client: OauthClient | undefined,
  _account: string,
): Promise<{ client: OauthClient; token: OauthToken }> {
  throw new WizardError(
    'oauth-consent-unavailable',
    t('authOauth.consentUnavailable'),
    t('authOauth.consentUnavailableFix'),
  );
}
