// What must be true of the machine before a plan can work, each failure
// with the command that fixes it on this distribution.
import { WizardError } from '../../errors.js';
import { t } from '../../ui/messages.js';
import type { HostFacts, PostfixFacts } from '../types.js';

export function installHint(facts: HostFacts, packages: string[]): string {
  const command = facts.distro.install?.(packages);
  return command
    ? [command.file, ...command.args].join(' ')
    : t('req.installManually', { packages: packages.join(' ') });
}

export function requirePostfix(facts: HostFacts): PostfixFacts {
  if (!facts.postfix) {
    throw new WizardError(
      'postfix-missing',
      t('req.postfixMissing'),
      t('req.runThen', { command: installHint(facts, [facts.distro.postfixPackage]) }),
    );
  }
  return facts.postfix;
}

/** Problems that stop the relay from working, as errors to throw (first) or report (all, for status). */
export function relayProblems(facts: HostFacts, postfix: PostfixFacts): WizardError[] {
  const problems: WizardError[] = [];
  if (!postfix.saslClientTypes.includes('cyrus')) {
    problems.push(
      new WizardError(
        'postfix-without-sasl',
        t('req.noSasl', { types: postfix.saslClientTypes.join(' ') || '—' }),
        t('req.noSaslFix', { command: installHint(facts, [facts.distro.postfixPackage]) }),
      ),
    );
  }
  // Gentoo says what the binary was built with: without USE=ssl there is no STARTTLS, and Gmail refuses AUTH.
  if (facts.gentoo?.installed && !facts.gentoo.useFlags.includes('ssl')) {
    problems.push(new WizardError('postfix-without-tls', t('req.noTls'), t('req.noTlsFix')));
  }
  if (!facts.saslPlugins.plain && !facts.saslPlugins.login) {
    const fix =
      facts.distro.saslPackages.length > 0
        ? t('req.runThen', { command: installHint(facts, facts.distro.saslPackages) })
        : t('req.saslPluginsManual');
    problems.push(new WizardError('sasl-plugins-missing', t('req.noPlugins'), fix));
  }
  if (!postfix.mapTypes.includes(postfix.defaultMapType)) {
    problems.push(
      new WizardError(
        'map-type-unsupported',
        t('req.mapType', { type: postfix.defaultMapType, types: postfix.mapTypes.join(' ') }),
        t('req.mapTypeFix'),
      ),
    );
  }
  return problems;
}

export function requireRoot(facts: HostFacts, argv: readonly string[]): void {
  if (facts.isRoot) return;
  throw new WizardError(
    'not-root',
    t('req.notRoot'),
    t('req.notRootFix', { command: ['sudo', 'npx', 'postfix-gmail-wizard', ...argv].join(' ') }),
  );
}
