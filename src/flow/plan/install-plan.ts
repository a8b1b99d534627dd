// What must be installed before the relay can work — Postfix, the SASL PLAIN/LOGIN plugins, a map
// type's plugin, or (Gentoo) a Postfix rebuilt with USE="sasl ssl" — as a transaction Plan: Gentoo's
// package.use edit written first, then the package manager's commands; a failed command rolls the
// edit back with the rest of the transaction (transaction/transaction.ts), never by hand.
import type { InstallCommand } from '../../distro/family.js';
import { emergePostfix, missingUseFlags, packageUseEdit } from '../../distro/gentoo.js';
import { buildPlan, type Plan } from '../../transaction/plan.js';
import { t } from '../../ui/messages.js';
import type { HostFacts } from '../types.js';
import { planXoauth2Install, type Xoauth2Templates } from './xoauth2-install.js';

export interface InstallPlan {
  /** Why, in the user's words, one line each. */
  reasons: string[];
  /** Gentoo: the package.use file to write (whole new content) before emerge; `previous` for the display. */
  packageUse?: { path: string; content: string; previous?: string };
  commands: InstallCommand[];
  /** Other new files written before the commands (Debian experimental's source and pin), whole content. */
  newFiles: { path: string; content: string }[];
  /** Postfix itself is new: start it afterwards through the init system. */
  installsPostfix: boolean;
  /** What the transaction executes: the package.use edit, then the commands. */
  plan: Plan;
}

/**
 * What must be installed for the relay to work here; undefined when nothing (or nothing the wizard
 * knows how to). `xoauth2`: --auth oauth, so the sasl-xoauth2 plugin too (flow/plan/xoauth2-install.ts).
 */
export function planInstall(facts: HostFacts, xoauth2?: Xoauth2Templates): InstallPlan | undefined {
  const family = facts.distro;
  if (!family.install) return undefined; // macOS, unknown systems: requirements name the manual steps
  const reasons: string[] = [];
  const packages: string[] = [];
  let packageUse: InstallPlan['packageUse'];
  let rebuild: InstallCommand | undefined;
  if (facts.gentoo) {
    const missing = missingUseFlags(facts.gentoo);
    if (missing.length > 0) {
      reasons.push(
        facts.gentoo.installed ? t('install.why.useFlags', { flags: missing.join(' ') }) : t('install.why.gentooNew'),
      );
      packageUse = packageUseEdit(facts.gentoo, t('install.packageUseComment'));
      rebuild = emergePostfix(Boolean(facts.gentoo.installed));
    }
  } else if (!facts.postfix) {
    reasons.push(t('install.why.postfix'));
    packages.push(family.postfixPackage);
  }
  // On Gentoo, postfix[sasl] pulls in cyrus-sasl with every mechanism.
  if (!facts.saslPlugins.plain && !facts.saslPlugins.login && family.saslPackages.length > 0 && !rebuild) {
    reasons.push(t('install.why.sasl'));
    packages.push(...family.saslPackages);
  }
  const mapType = facts.postfix?.defaultMapType;
  const mapPackage = mapType ? family.mapTypePackages?.[mapType] : undefined;
  if (mapType && mapPackage && !facts.postfix?.mapTypes.includes(mapType)) {
    reasons.push(t('install.why.mapType', { type: mapType, package: mapPackage }));
    packages.push(mapPackage);
  }
  const plugin = xoauth2 ? planXoauth2Install(facts, xoauth2) : undefined;
  if (packages.length === 0 && !rebuild && !plugin) return undefined;
  const commands = packages.length > 0 ? [...(family.beforeInstall?.(packages) ?? []), family.install(packages)] : [];
  if (rebuild) commands.push(rebuild);
  if (plugin) {
    reasons.push(plugin.reason);
    commands.push(...plugin.commands);
  }
  const newFiles = plugin?.files ?? [];
  const files = [...(packageUse ? [packageUse] : []), ...newFiles];
  const plan = buildPlan(facts.postfix?.configDir ?? '/etc/postfix', {
    files: files.map((f) => ({ path: f.path, content: f.content, mode: 0o644, secret: false })),
    installs: commands,
  });
  return { reasons, packageUse, newFiles, commands, installsPostfix: !facts.postfix, plan };
}
