// The record of when each OAuth consent ends (postfix/oauth-consent-record.ts), as a file of setup's
// plan: written beside the saved settings in the config dir, so that the transaction backs it up,
// rollback puts it back, restore trusts it and remove takes it out like the wizard's other files.
// It holds no secret (an account, a token file's path, a time): root's, 0644 like the saved settings.
import { renderTemplate } from './render-template.js';
import type { OauthCredential } from '../../gmail/oauth.js';
import { parseConsentRecord, withConsent } from '../../postfix/oauth-consent-record.js';
import type { OauthFileFacts } from '../../postfix/xoauth2-files.js';
import type { TemplateName } from '../../system/templates.js';
import type { ShownPiece } from './plan-part.js';

export const consentRecordMode = 0o644;

/** `sameConsent`: the token file already holds this credential's refresh token (it is kept). */
export function consentRecordPiece(
  credential: OauthCredential | undefined,
  files: Pick<OauthFileFacts, 'account' | 'tokenPath' | 'consentRecord'>,
  sameConsent: boolean,
  templates: Partial<Record<TemplateName, string>>,
): ShownPiece {
  // --dry-run proves no token: the record stays as it is.
  if (!credential) return {};
  const record = files.consentRecord;
  // OAuth signs in for the default account only: every other token file goes (oauth-leftovers.ts), its entry with it.
  const entries = withConsent(
    parseConsentRecord(record.content),
    { account: files.account, tokenFile: files.tokenPath },
    credential.consentExpiresAt,
    sameConsent,
  ).filter((e) => e.tokenFile === files.tokenPath);
  const content = entries.length > 0 ? renderTemplate(templates.oauth_consent ?? '', { consents: entries }) : undefined;
  if (content === record.content && (content === undefined || record.mode === consentRecordMode)) return {};
  if (content === undefined) return { deletes: [record.path], touches: [record.path] };
  return {
    files: [
      {
        path: record.path,
        content,
        mode: consentRecordMode,
        secret: false,
        ...(record.content !== undefined ? { previous: record.content } : {}),
      },
    ],
    touches: [record.path],
  };
}
