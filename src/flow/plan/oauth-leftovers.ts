// Switching how Postfix signs in leaves nothing of OAuth behind (issue 23): a token file holds a
// refresh token, a secret, so every token file in the wizard's token directory that no account signs
// in with after this run goes (into the backup, root-only, like every file a plan deletes). When no
// account uses OAuth any more, the plugin configs the wizard wrote (a person's own stays), the
// token directory and the record of when the consents end go too (while OAuth stays, oauth-plan.ts
// rewrites that record for the one token kept). The mechanism filter is plan.ts's (it is part of main.cf's login settings).
import type { OauthRemovalFacts } from '../../postfix/xoauth2-files.js';
import type { ShownPiece } from './plan-part.js';

/** `keep`: the token file the run signs in with (OAuth stays), undefined when OAuth is left. */
export function oauthLeftoversPiece(files: OauthRemovalFacts, keep: string | undefined): ShownPiece | undefined {
  const tokens = files.tokens.filter((t) => t.path !== keep).map((t) => t.path);
  const leaving = keep === undefined;
  const record = leaving && files.consentRecord ? [files.consentRecord.path] : [];
  const deletes = [...tokens, ...(leaving ? files.configs.map((c) => c.path) : []), ...record];
  // The directory only when OAuth is left and it held token files only (readOauthFilesIn says so).
  const dir = leaving ? files.dir : undefined;
  if (deletes.length === 0 && !dir) return undefined;
  return { deletes, touches: deletes, ...(dir ? { removeDirectories: [dir] } : {}) };
}
