// The install part of --auth oauth: the sasl-xoauth2 plugin where the distribution packages it
// (distro/xoauth2.ts). Debian's next release takes it from experimental: the source and a pin
// (nothing else from there) are files of the install plan, so a failed apt-get rolls both back with
// the rest of the transaction; then apt-get update and the install. EL enables EPEL first.
import type { InstallCommand } from '../../distro/family.js';
import { experimentalPinPath, experimentalSourcePath, xoauth2Package, xoauth2Source } from '../../distro/xoauth2.js';
import { t } from '../../ui/messages.js';
import type { HostFacts } from '../types.js';
import { renderTemplate } from './render-template.js';

/** templates/apt_experimental_source.ejs and apt_experimental_pin.ejs, as loaded. */
export interface Xoauth2Templates {
  apt_experimental_source: string;
  apt_experimental_pin: string;
}

export interface Xoauth2Install {
  reason: string;
  files: { path: string; content: string }[];
  commands: InstallCommand[];
}

/** What installs the plugin here; undefined when it is there, or where no package exists (requireXoauth2Plugin refuses). */
export function planXoauth2Install(facts: HostFacts, templates: Xoauth2Templates): Xoauth2Install | undefined {
  const family = facts.distro;
  if (facts.saslPlugins.xoauth2 || !family.install) return undefined;
  const source = xoauth2Source(facts.os, family);
  if (source.kind === 'none') return undefined;
  const install = family.install([source.name]);
  if (source.kind === 'experimental') {
    const data = { pkg: source.name, pinPath: experimentalPinPath };
    return {
      reason: t('install.why.xoauth2Experimental', { package: xoauth2Package }),
      files: [
        { path: experimentalSourcePath, content: renderTemplate(templates.apt_experimental_source, data) },
        { path: experimentalPinPath, content: renderTemplate(templates.apt_experimental_pin, data) },
      ],
      commands: [{ file: 'apt-get', args: ['update'], env: { DEBIAN_FRONTEND: 'noninteractive' } }, install],
    };
  }
  return {
    reason: t(source.epel ? 'install.why.xoauth2Epel' : 'install.why.xoauth2', { package: xoauth2Package }),
    files: [],
    commands: source.epel ? [family.install(['epel-release']), install] : [install],
  };
}
