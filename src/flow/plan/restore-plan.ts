// restore's plan: a checked backup's files put back byte for byte (mode and owner as they were),
// the files it did not hold deleted; a password file is root's alone whatever the backup recorded.
import { disableCommands, enableCommands, scheduleFiles, timerFile, timerUnit } from '../../distro/schedule.js';
import { mainCfValue } from '../../postfix/networks.js';
import { everyCompiledForm } from '../../postfix/maps.js';
import { passwordMapPath } from '../../postfix/wizard-files.js';
import { isTokenFile, tokenDirectories } from './oauth-restore.js';
import type { System } from '../../system/types.js';
import type { Backup } from '../../transaction/backup.js';
import { namedMapFiles, namedMaps, wizardFiles } from '../../transaction/backup-check.js';
import { type ShownFile, type ShownPlan, shownPlan } from './plan-part.js';

/** The backup's files as a plan: bytes (already checked), mode and owner as they were; absent ones deleted. */
export async function restorePlan(
  sys: Pick<System, 'readFile' | 'fileInfo'>,
  configDir: string,
  backup: Backup,
  copies: ReadonlyMap<string, Buffer>,
  currentPasswordMaps: string,
): Promise<ShownPlan> {
  const files: ShownFile[] = [];
  const { sources, secrets } = passwordFiles(configDir, copies, currentPasswordMaps);
  for (const entry of backup.entries.filter((e) => e.existed)) {
    const bytes = copies.get(entry.path)!;
    const token = isTokenFile(entry.path);
    const secret = secrets.has(entry.path) || token;
    const isText =
      sources.has(entry.path) ||
      entry.path.endsWith('.cf') ||
      /\/(gmail_generic|aliases|postfix-gmail-wizard\.saved)$/.test(entry.path);
    // A password file is root's alone whatever mode the backup recorded (issue 11: root-only, always).
    // sasl-xoauth2's token file stays the user's smtp runs as: the plugin rewrites it.
    const owner = token
      ? { mode: 0o600, uid: entry.uid, gid: entry.gid }
      : secret
        ? { mode: 0o600, uid: 0, gid: entry.gid }
        : { mode: entry.mode ?? 0o600, uid: entry.uid, gid: entry.gid };
    files.push({
      path: entry.path,
      content: isText ? bytes.toString('utf8') : bytes,
      ...owner,
      secret,
      previous: isText ? await sys.readFile(entry.path) : undefined,
    });
  }
  const deletes = [
    ...backup.entries.filter((e) => !e.existed).map((e) => e.path),
    ...(await laterWizardMaps(sys, configDir, backup, copies)),
  ];
  // A reload ignores a changed inet_interfaces (loopback-only): then Postfix is stopped and started.
  const restart = files.some(
    (f) =>
      f.path.endsWith('/main.cf') &&
      typeof f.content === 'string' &&
      mainCfValue(f.content, 'inet_interfaces') !== mainCfValue(f.previous ?? '', 'inet_interfaces'),
  );
  // The scheduled check's units: systemd rereads them, and the timer runs or stops as the backup had it.
  const units = (paths: readonly string[]) => paths.some((p) => scheduleFiles.systemd.includes(p));
  const timerBack = files.some((f) => f.path.endsWith(`/${timerUnit}`));
  const timerNow = (await sys.fileInfo(timerFile)) !== undefined;
  const commands = units([...files.map((f) => f.path), ...deletes])
    ? timerBack
      ? enableCommands(timerNow)
      : disableCommands(timerNow)
    : [];
  const directories = await tokenDirectories(sys, backup.entries);
  return shownPlan(configDir, undefined, {
    files,
    deletes,
    commands,
    touches: backup.entries.map((e) => e.path),
    restart,
    ...(directories.length > 0 ? { directories } : {}),
  });
}

/**
 * The wizard's own maps a later run made (a second account's sender_relay), which a backup taken
 * before them cannot list: gone too when the main.cf put back names none of them, so that a restore
 * of an older backup leaves the config dir as it was then.
 */
async function laterWizardMaps(
  sys: Pick<System, 'fileInfo'>,
  configDir: string,
  backup: Backup,
  copies: ReadonlyMap<string, Buffer>,
): Promise<string[]> {
  const dir = configDir.replace(/\/+$/, '');
  const main = copies.get(`${dir}/main.cf`)?.toString('utf8');
  if (main === undefined) return [];
  const named = new Set(
    ['smtp_sasl_password_maps', 'smtp_generic_maps', 'sender_dependent_relayhost_maps'].flatMap((name) =>
      namedMapFiles(mainCfValue(main, name) ?? '', dir),
    ),
  );
  const listed = new Set(backup.entries.map((e) => e.path));
  const candidates = wizardFiles(dir).filter(
    (path) => !path.endsWith('.cf') && !path.endsWith('.saved') && !listed.has(path) && !named.has(path),
  );
  const present = await Promise.all(candidates.map(async (path) => ((await sys.fileInfo(path)) ? path : '')));
  return present.filter(Boolean);
}

/**
 * Which files hold a password, by role: the wizard's own map and every map smtp_sasl_password_maps
 * names — in the backup's main.cf (the state it goes back to) or now — with their compiled forms.
 */
function passwordFiles(
  configDir: string,
  copies: ReadonlyMap<string, Buffer>,
  currentPasswordMaps: string,
): { sources: Set<string>; secrets: Set<string> } {
  const dir = configDir.replace(/\/+$/, '');
  const saved = copies.get(`${dir}/main.cf`)?.toString('utf8');
  const named = [saved === undefined ? '' : (mainCfValue(saved, 'smtp_sasl_password_maps') ?? ''), currentPasswordMaps];
  const sources = new Set([passwordMapPath({ configDir: dir }), ...named.flatMap((value) => namedMaps(value, dir))]);
  return { sources, secrets: new Set([...sources].flatMap((path) => [path, ...everyCompiledForm(path)])) };
}
