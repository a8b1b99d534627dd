// --auth oauth needs the sasl-xoauth2 Cyrus SASL plugin in the plugin directory. It is checked after
// detect and before anything costly (a consent, a login) or anything written: where it is missing,
// the run ends (exit 1) saying where this distribution gets `sasl-xoauth2` — its package (then
// --install), Debian experimental on sid, or the source and the PPA where there is no package.
import { WizardError } from '../../errors.js';
import { xoauth2Package, xoauth2Source } from '../../distro/xoauth2.js';
import { t } from '../../ui/messages.js';
import type { HostFacts } from '../types.js';

export function requireXoauth2Plugin(facts: HostFacts): void {
  if (facts.saslPlugins.xoauth2) return;
  const source = xoauth2Source(facts.os, facts.distro);
  const where = facts.saslPlugins.dir ?? facts.distro.saslPluginDirs[0] ?? '';
  const vars = { package: xoauth2Package, dir: where, os: facts.os.prettyName ?? facts.os.id };
  const fix =
    source.kind === 'package'
      ? t(source.epel ? 'authOauth.plugin.fixEpel' : 'authOauth.plugin.fixPackage', vars)
      : source.kind === 'experimental'
        ? t('authOauth.plugin.fixExperimental', vars)
        : t(source.ppa ? 'authOauth.plugin.fixPpa' : 'authOauth.plugin.fixSource', vars);
  throw new WizardError(
    'oauth-plugin-missing',
    `${t('authOauth.plugin.missing', vars)} ${t('preflight.nothingChanged')}`,
    fix,
  );
}
