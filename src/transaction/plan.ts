// The Plan: what a command will change, as plain data — the settings (postconf -e / -X), the files
// (path, content, mode), the commands (postmap …) and what may be touched. Every writer (setup,
// remove, restore, doctor's fixes) builds one, shows it, and hands it to runTransaction. It holds
// only what the transaction does; what a plan says beside it for the reader (a file's text before,
// a password file's masked stand-in, the notes) is flow/plan's ShownPlan.
import type { CommandLine } from '../system/types.js';
import type { PlannedDirectory } from './directories.js';
import type { StepUndo } from './journal.js';

/** A package manager's command (apt-get, dnf, emerge …): its output logged, its environment and input given. */
export interface PlannedInstall extends CommandLine {
  env?: Record<string, string>;
  /** Written to standard input (debconf-set-selections reads its answers there). */
  input?: string;
}

export interface SettingChange {
  name: string;
  from: string;
  to: string;
}

export interface PlannedFile {
  path: string;
  /** Text for files the wizard renders; bytes when a backup puts a compiled map back. */
  content: string | Buffer;
  mode: number;
  uid?: number;
  gid?: number;
  /** The content holds the app password: never shown, logged or backed up readable. */
  secret: boolean;
}

/** A file holding a password that others can read now, and how the apply makes it root-only. */
export interface SecretFileFix {
  path: string;
  mode: number;
  /** remove: a compiled map postmap rebuilds next (a new 0600 file, so nobody holding the old one open reads the new password); chmod: made 0600. */
  action: 'remove' | 'chmod';
}

/** A command the apply runs after the files and settings (postmap, newaliases, systemctl …). */
export interface PlannedCommand extends CommandLine {
  /** What a rollback runs once this command began, for an effect the backup does not put back (a timer enabled). */
  undo?: StepUndo;
}

export interface Plan {
  configDir: string;
  /** `postconf -e`, one batch. */
  settings: SettingChange[];
  /** `postconf -X`: parameters taken out of main.cf (remove). */
  removeSettings: string[];
  files: PlannedFile[];
  /** Files taken away (remove; restore of a backup in which they did not exist). */
  deletes: string[];
  /** Package installs, run after the files are written (Gentoo's package.use) and before the commands; a failed one rolls the files back. */
  installs?: PlannedInstall[];
  /** Run after files and settings are in place (postmap …). */
  commands: PlannedCommand[];
  /** Every path the apply may change, for the backup. */
  touches: string[];
  /** Stop and start Postfix instead of reloading it: a reload ignores a new inet_interfaces. */
  restart?: boolean;
  /** Exposed password files, made root-only after the writes and before any command (postmap) runs. */
  secretFixes?: SecretFileFix[];
  /** Every file that holds a password (maps and their compiled forms): checked for 0600 again after the commands. */
  secretFiles?: string[];
  /** `postconf -PX service/type/parameter`: master.cf `-o` overrides taken out. */
  masterRemovals?: string[];
  /** `postconf -P service/type/parameter=value`: master.cf `-o` values put back (remove). */
  masterSettings?: string[];
  /** Directories made (or given their owner and mode) before the files are written: directories.ts. */
  directories?: PlannedDirectory[];
  /** Directories the deletes empty (remove): taken out once the change completed (directories.ts). */
  removeDirectories?: PlannedDirectory[];
}

/** A part of a plan: the password map, the relay options, the TLS fixes, what remove puts back … */
export type PlanPiece = Partial<Omit<Plan, 'configDir'>>;

const lists = ['settings', 'removeSettings', 'files', 'deletes', 'commands', 'touches'] as const;
const optionalLists = [
  'installs',
  'secretFixes',
  'secretFiles',
  'masterRemovals',
  'masterSettings',
  'directories',
  'removeDirectories',
] as const;

/**
 * The one way a Plan is made (setup, remove, restore, doctor's fixes): the pieces in order, and every
 * path they change in `touches` — main.cf when a setting changes, master.cf for its `-o` edits, each
 * file written or deleted — so that nothing a plan changes is missing from the backup.
 */
export function buildPlan(configDir: string, ...pieces: readonly (PlanPiece | undefined)[]): Plan {
  const plan: Plan = { configDir, settings: [], removeSettings: [], files: [], deletes: [], commands: [], touches: [] };
  const dir = configDir.replace(/\/+$/, '');
  for (const piece of pieces) {
    if (!piece) continue;
    for (const key of lists) (plan[key] as unknown[]).push(...((piece[key] ?? []) as unknown[]));
    for (const key of optionalLists)
      if (piece[key])
        (plan[key] as unknown[] | undefined) = [...((plan[key] ?? []) as unknown[]), ...(piece[key] as unknown[])];
    if (piece.restart) plan.restart = true;
  }
  if (plan.settings.length + plan.removeSettings.length > 0) plan.touches.unshift(`${dir}/main.cf`);
  if ((plan.masterRemovals?.length ?? 0) + (plan.masterSettings?.length ?? 0) > 0)
    plan.touches.push(`${dir}/master.cf`);
  // Two pieces may name the same parameter or file (remove: the saved record and the accounts'
  // removal both take out sender_dependent_relayhost_maps): each once, in the plan shown and applied.
  plan.removeSettings = [...new Set(plan.removeSettings)];
  plan.deletes = [...new Set(plan.deletes)];
  plan.touches = [...new Set([...plan.touches, ...plan.files.map((f) => f.path), ...plan.deletes])];
  return plan;
}

export function planIsEmpty(plan: Plan): boolean {
  return (
    plan.settings.length +
      plan.removeSettings.length +
      plan.files.length +
      plan.deletes.length +
      plan.commands.length +
      (plan.installs?.length ?? 0) +
      (plan.secretFixes?.length ?? 0) +
      (plan.masterRemovals?.length ?? 0) +
      (plan.masterSettings?.length ?? 0) +
      (plan.directories?.length ?? 0) +
      (plan.removeDirectories?.length ?? 0) ===
    0
  );
}
