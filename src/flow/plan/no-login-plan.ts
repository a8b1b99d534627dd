// --auth none (Workspace's SMTP relay service admitting this machine by address): Postfix signs in
// with nothing, so the password map's part of the plan becomes its opposite — no SASL settings in
// main.cf and no password map on disk (a map left there would still hold a password; it goes into
// the backup like every file the plan deletes).
import type { ShownPiece } from './plan-part.js';
import type { PasswordMapFacts, PostfixFacts } from '../types.js';
import { authCacheSettings, hardening } from '../../postfix/hardening.js';

/** The main.cf parameters that make Postfix log in; --auth none takes out the ones main.cf sets. */
export const saslSettings = [
  'smtp_sasl_auth_enable',
  'smtp_sasl_password_maps',
  'smtp_sasl_tls_security_options',
  'smtp_sasl_mechanism_filter',
];

/** `loginPiece`: what plan.ts built for a login; its settings and its map's retirement are kept, its writes dropped. */
export function noLoginPiece(
  postfix: PostfixFacts,
  loginPiece: ShownPiece,
  onDisk: PasswordMapFacts | undefined,
): ShownPiece {
  const mapFiles = onDisk
    ? [
        ...(onDisk.content !== undefined || onDisk.mode !== undefined ? [onDisk.path] : []),
        ...onDisk.compiled.map((c) => c.path),
      ]
    : [];
  const deletes = [...new Set([...(loginPiece.deletes ?? []), ...mapFiles])];
  // The login cache the wizard set for a password (hardening.ts); a person's own value stays.
  const own = hardening(postfix, []);
  const cache = authCacheSettings.filter((n) => postfix.explicit.includes(n) && postfix.settings[n] === own[n]);
  return {
    ...loginPiece,
    removeSettings: [
      ...new Set([
        ...(loginPiece.removeSettings ?? []),
        ...saslSettings.filter((n) => postfix.explicit.includes(n)),
        ...cache,
      ]),
    ],
    files: [],
    commands: [],
    deletes,
    touches: deletes,
    secretFixes: [],
  };
}
