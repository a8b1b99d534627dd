// After `remove`: the relay is gone, but copies of the password may remain —
// in backups (each holds the map as it was) and in the keychain. Offered
// interactively (default no: a backup deleted cannot be restored), done
// headless only with --purge.
import { t } from '../../ui/messages.js';
import { listBackups, type Backup } from '../../transaction/backup.js';
import type { Context } from '../context.js';
import { keychainState } from '../keychain/keychain-state.js';

/** A backup holding a password: a copy of a password map (the source or its compiled form). */
export function holdsPassword(backup: Backup, mapPaths: readonly string[]): boolean {
  return backup.entries.some(
    (e) =>
      e.existed &&
      (mapPaths.includes(e.path) ||
        /\/sasl_passwd(\.[a-z]+)?$/.test(e.path) ||
        // sasl-xoauth2's token files (plan/oauth-plan.ts) hold a refresh token and the client secret.
        /\/sasl-xoauth2\/[^/]+\.json$/.test(e.path)),
  );
}

/** What was purged (outcome.purged): the backups deleted, and how many keychain entries; undefined: nothing. */
export interface Purged {
  backups: string[];
  accounts: number;
  /** OAuth refresh tokens revoked at Google (remove --purge after --auth oauth). */
  revoked?: number;
}

/** The sentences that name only what there is: "0 keychain entr(ies)" or "0 backup(s)" says nothing. */
function purgeTexts(counts: { backups: number; accounts: number }) {
  if (counts.accounts === 0) return { ask: 'remove.purgeConfirmBackups', done: 'remove.purgedBackups' } as const;
  if (counts.backups === 0) return { ask: 'remove.purgeConfirmKeychain', done: 'remove.purgedKeychain' } as const;
  return { ask: 'remove.purgeConfirm', done: 'remove.purged' } as const;
}

export async function offerPurge(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  mapPaths: readonly string[],
): Promise<Purged | undefined> {
  const { sys, ui, options } = ctx;
  const backups = (await listBackups(sys, options.backupDir)).filter((b) => holdsPassword(b, mapPaths));
  const keychain = await keychainState(ctx);
  // Every entry of the wizard's, whichever relay it belongs to (its keys name the relay: keychain-step.ts).
  const accounts = keychain.available ? ((await keychain.keychain?.accounts().catch(() => [])) ?? []) : [];
  if (backups.length + accounts.length === 0) return undefined;
  const counts = { backups: backups.length, accounts: accounts.length };
  const purge =
    options.purge ||
    (ui.interactive &&
      !options.yes &&
      (await ui.confirm({
        message: t(purgeTexts(counts).ask, counts),
        initialValue: false,
      })));
  if (!purge) {
    if (backups.length > 0) ui.info(t('remove.purgeHint', { backups: backups.length, dir: options.backupDir }));
    return undefined;
  }
  for (const backup of backups) await sys.removeTree(backup.dir);
  let removed = 0;
  for (const account of accounts) {
    if (await keychain.keychain?.remove(account).catch(() => false)) removed++;
  }
  const done = { backups: backups.length, accounts: removed };
  ui.success(t(purgeTexts(counts).done, done));
  return { backups: backups.map((b) => b.id), accounts: removed };
}
