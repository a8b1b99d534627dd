// remove's part for OAuth (--auth oauth's files, plan/oauth-plan.ts): the token files in the wizard's
// token directory, the directory, the plugin configs the wizard wrote (a person's own stays), and
// the XOAUTH2-only mechanism filter, and the record of when the consents end. The token files go into
// the backup like every file a plan deletes.
import type { OauthRemovalFacts } from '../../postfix/xoauth2-files.js';
import type { PlanPiece } from '../../transaction/plan.js';
import type { Settings } from '../../postfix/postconf.js';

export function oauthRemovalPiece(removal: OauthRemovalFacts, explicit: Settings): PlanPiece {
  const deletes = [
    ...removal.tokens.map((t) => t.path),
    ...removal.configs.map((c) => c.path),
    ...(removal.consentRecord ? [removal.consentRecord.path] : []),
  ];
  const filter = (explicit.smtp_sasl_mechanism_filter ?? '').trim().toLowerCase() === 'xoauth2';
  return {
    deletes,
    touches: deletes,
    ...(filter ? { removeSettings: ['smtp_sasl_mechanism_filter'] } : {}),
    ...(removal.dir ? { removeDirectories: [removal.dir] } : {}),
  };
}
