// doctor --fix: the fixable problems' repairs as one Plan, applied by the same transaction as
// setup's (apply.ts: backup, journal, postfix check, reload, rollback).
import { compiledMapPaths, needsPostmap, postmapArgs } from '../../postfix/maps.js';
import type { Problem } from '../../postfix/problems/types.js';
import type { System } from '../../system/types.js';
import { planTlsFixes } from './tls-fixes.js';
import { settingChanges } from './plan.js';
import type { PostfixFacts } from '../types.js';
import type { PlannedCommand, SecretFileFix } from '../../transaction/plan.js';
import { type ShownFile, type ShownPlan, shownPlan } from './plan-part.js';
import { instanceDir } from '../../postfix/postconf.js';
import type { PlannedDirectory } from '../../transaction/directories.js';
import { dirname } from 'node:path';

export interface RepairPlan {
  plan: ShownPlan;
  /** Postfix is stopped and a problem asks for it to run. */
  start: boolean;
  /** The codes the plan repairs. */
  codes: string[];
}

export async function repairPlan(
  sys: System,
  postfix: PostfixFacts,
  problems: readonly Problem[],
  current: Readonly<Record<string, string>>,
): Promise<RepairPlan> {
  const repairs = problems.filter((p) => p.fixable && p.repair);
  const dir = instanceDir(postfix);
  const mainCf = `${postfix.configDir.replace(/\/+$/, '')}/main.cf`;
  // In the rules' order, a later repair wins: tls-unverified's secure over the level an obsolete switch meant.
  const wanted: Record<string, string> = {};
  const remove = new Set<string>();
  for (const { repair } of repairs) {
    for (const name of repair!.removeSettings ?? []) remove.add(name);
    Object.assign(wanted, repair!.settings ?? {});
  }
  for (const name of Object.keys(wanted)) remove.delete(name);
  const settings = settingChanges(postfix, wanted, current);
  const removeSettings = [...remove].filter((name) => name in current || postfix.explicit.includes(name));
  const secretFixes: SecretFileFix[] = [];
  const files: ShownFile[] = [];
  const commands: PlannedCommand[] = [];
  const postmapped = new Set<string>();
  const directories: PlannedDirectory[] = [];
  const touches = new Set<string>(settings.length + removeSettings.length > 0 ? [mainCf] : []);
  const secretFiles = new Set<string>();
  for (const { repair } of repairs) {
    for (const path of repair!.chmod ?? []) {
      const info = await sys.fileInfo(path);
      if (info) secretFixes.push({ path, mode: info.mode, action: 'chmod' });
      secretFiles.add(path);
      touches.add(path);
    }
    for (const { type, path } of repair!.postmap ?? []) {
      if (!needsPostmap(type) || postmapped.has(`${type}:${path}`)) continue;
      postmapped.add(`${type}:${path}`);
      commands.push({ file: 'postmap', args: postmapArgs(dir, type, path) });
      for (const p of [path, ...compiledMapPaths(type, path)]) touches.add(p);
    }
    for (const { path, owner } of repair!.chown ?? []) {
      // Not in touches: a backup of the directory would not be one worth putting back (it is what stopped Postfix).
      commands.push({ file: 'chown', args: ['-R', owner, '--', path] });
    }
    for (const { from, to } of repair!.copy ?? []) {
      const [content, info, previous] = await Promise.all([sys.readFile(from), sys.fileInfo(from), sys.readFile(to)]);
      if (content === undefined) continue;
      const mode = (info?.mode ?? 0o644) & 0o755;
      files.push({ path: to, content, mode, secret: false, ...(previous !== undefined ? { previous } : {}) });
      touches.add(to);
      // A copy into the chroot may need the directories above it (etc/ssl/certs), root's as setup makes them.
      for (let dir = dirname(to); dir !== '/' && !(await sys.fileInfo(dir)); dir = dirname(dir))
        directories.unshift({ path: dir, mode: 0o755, uid: 0, gid: 0 });
    }
  }
  let tls: ReturnType<typeof planTlsFixes> | undefined;
  if (repairs.some((p) => p.repair!.tlsSecure) && postfix.tls) {
    try {
      tls = planTlsFixes(postfix, postfix.tls, { ...current, ...wanted });
    } catch {
      tls = undefined; // a table the wizard cannot edit (regexp, ldap, …): the problem stays, its fix says what to do
    }
  }
  for (const p of tls?.touches ?? []) touches.add(p);
  const overridden = tls !== undefined && tls.overrides.length > 0;
  const notes =
    tls && overridden
      ? { tlsOverrides: tls.overrides, tlsTarget: { nexthop: postfix.tls!.nexthop, level: 'secure' } }
      : undefined;
  const plan = shownPlan(postfix.configDir, notes, {
    settings,
    removeSettings,
    files: [...files, ...(tls?.files ?? [])],
    commands: [...commands, ...(tls?.commands ?? [])],
    touches: [...touches],
    secretFixes,
    // postmap keeps an existing compiled map's mode; these are checked for 0600 again after it.
    secretFiles: [...secretFiles],
    ...(directories.length > 0 ? { directories } : {}),
    ...(tls && overridden ? { masterRemovals: tls.masterRemovals } : {}),
  });
  const start = repairs.some((p) => p.repair!.start) && !postfix.running;
  return { plan, start, codes: repairs.map((p) => p.code) };
}
