// Where the sasl-xoauth2 plugin (tarickb/sasl-xoauth2) comes from, per distribution, as data.
// Packaged: Fedora 43+ and EPEL 8–10 (`sasl-xoauth2`), Debian experimental (0.27), which installs on
// Debian's next release (sid: no VERSION_ID in os-release) pinned so that nothing else comes from
// experimental. Not packaged: Debian 12 and 13, Ubuntu's archive (a PPA exists), everything else.
import type { DistroFamily } from './family.js';
import type { OsRelease } from './os-release.js';

export const xoauth2Package = 'sasl-xoauth2';

/** apt's pin (templates/apt_experimental_pin.ejs): experimental at priority 1, 500 for the plugin alone. */
export const experimentalPinPath = '/etc/apt/preferences.d/sasl-xoauth2';
/** Debian experimental as an apt source (templates/apt_experimental_source.ejs). */
export const experimentalSourcePath = '/etc/apt/sources.list.d/experimental.list';

export type Xoauth2Source =
  /** The distribution's own archive has it (EPEL: once EPEL is enabled). */
  | { kind: 'package'; name: string; epel?: boolean }
  /** Debian's next release: experimental, pinned. */
  | { kind: 'experimental'; name: string }
  /** No package: build it from source, or a third-party repository (Ubuntu's PPA). */
  | { kind: 'none'; ppa?: boolean };

export function xoauth2Source(os: OsRelease, family: DistroFamily): Xoauth2Source {
  const major = Number.parseInt(os.versionId ?? '', 10);
  if (os.id === 'fedora') return major >= 43 ? { kind: 'package', name: xoauth2Package } : { kind: 'none' };
  if (family.name === 'rhel')
    return major >= 8 && major <= 10 ? { kind: 'package', name: xoauth2Package, epel: true } : { kind: 'none' };
  if (os.id === 'debian' && os.versionId === undefined) return { kind: 'experimental', name: xoauth2Package };
  if (os.id === 'ubuntu' || os.idLike.includes('ubuntu')) return { kind: 'none', ppa: true };
  return { kind: 'none' };
}
