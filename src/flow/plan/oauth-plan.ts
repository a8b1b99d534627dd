// --auth oauth's files: sasl-xoauth2's token file where smtp(8) reads it (mail_owner's, 0600, in a
// 0700 directory of mail_owner's: the plugin rewrites it), and the plugin's config where smtp reads
// it (postfix/xoauth2-files.ts). The client secret and the refresh token go in the token file only,
// which the plugin accepts as overrides of its config: the config stays 0644 (smtp must read it,
// inside a chroot too) and holds nothing secret. The plugin rewrites the token file whenever it
// refreshes the access token, so a re-run with the same refresh token and client leaves it alone.
// When Google ends the consent goes in the wizard's own record (oauth-consent-plan.ts): the plugin
// drops fields it does not know when it rewrites the token file.
import { renderTemplate } from './render-template.js';
import type { OauthCredential } from '../../gmail/oauth.js';
import type { OauthFileFacts } from '../../postfix/xoauth2-files.js';
import type { TemplateName } from '../../system/templates.js';
import type { ShownFile, ShownPiece } from './plan-part.js';
import { consentRecordPiece } from './oauth-consent-plan.js';

export const tokenMode = 0o600;
export const tokenDirMode = 0o700;
export const configMode = 0o644;
const masked = '********';

export interface OauthPlanInput {
  credential?: OauthCredential;
  files: OauthFileFacts;
  /** --ca-file: the plugin verifies the token endpoint against it too. */
  caBundle?: string;
}

function renderToken(template: string, c: OauthCredential | undefined, mask?: string): string {
  return renderTemplate(template, {
    accessToken: mask ?? c?.accessToken ?? '<access token>',
    refreshToken: mask ?? c?.refreshToken ?? '<refresh token>',
    expiry: String(c?.expiry ?? 0),
    clientId: c?.client.clientId ?? '<client id>',
    clientSecret: mask ?? c?.client.clientSecret ?? '<client secret>',
    tokenEndpoint: c?.client.tokenUri ?? '<token_uri>',
  });
}

/** The fields of the token file that are the wizard's, not the plugin's (it rewrites the access token and expiry). */
function sameConsent(content: string | undefined, c: OauthCredential): boolean {
  try {
    const o = JSON.parse(content ?? '') as Record<string, unknown>;
    return (
      o.refresh_token === c.refreshToken &&
      o.client_id === c.client.clientId &&
      o.client_secret === c.client.clientSecret &&
      o.token_endpoint === c.client.tokenUri
    );
  } catch {
    return false;
  }
}

export function oauthFilesPiece(input: OauthPlanInput, templates: Partial<Record<TemplateName, string>>): ShownPiece {
  const { credential, files } = input;
  const { owner } = files;
  const ownedRight = (f: { mode: number; uid: number; gid: number } | undefined, mode: number) =>
    f !== undefined && f.mode === mode && f.uid === owner.uid && f.gid === owner.gid;
  const directories = ownedRight(files.dir, tokenDirMode)
    ? []
    : [{ path: files.tokenDir, mode: tokenDirMode, uid: owner.uid, gid: owner.gid }];
  const out: ShownFile[] = [];
  const token = files.token;
  // --dry-run proves no token: an existing file stays as it is, a new one is shown with placeholders.
  const same = credential !== undefined && sameConsent(token?.content, credential);
  const keepToken = ownedRight(token, tokenMode) && (credential ? same : true);
  if (!keepToken) {
    out.push({
      path: files.tokenPath,
      content: renderToken(templates.xoauth2_token ?? '', credential),
      mode: tokenMode,
      uid: owner.uid,
      gid: owner.gid,
      secret: true,
      ...(token?.content !== undefined ? { previous: token.content } : {}),
      shown: renderToken(templates.xoauth2_token ?? '', credential, masked),
    });
  }
  const config = renderTemplate(templates.sasl_xoauth2_conf ?? '', {
    clientId: credential?.client.clientId ?? '<client id>',
    tokenEndpoint: credential?.client.tokenUri ?? '<token_uri>',
    caBundleFile: input.caBundle,
  });
  for (const now of files.configs) {
    // --dry-run: an existing config is not replaced by placeholders.
    if (!credential && now.content !== undefined) continue;
    if (now.content === config && now.mode === configMode) continue;
    out.push({
      path: now.path,
      content: config,
      mode: configMode,
      secret: false,
      ...(now.content !== undefined ? { previous: now.content } : {}),
    });
  }
  const record = consentRecordPiece(credential, files, same, templates);
  return {
    files: [...out, ...(record.files ?? [])],
    touches: [...out.map((f) => f.path), ...(record.touches ?? [])],
    ...(record.deletes ? { deletes: record.deletes } : {}),
    secretFiles: [files.tokenPath],
    ...(directories.length > 0 ? { directories } : {}),
  };
}
