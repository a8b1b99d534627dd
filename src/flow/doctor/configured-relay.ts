// The relay the wizard configured, for doctor to compare with relayhost: the one `[host]:port` key of
// the wizard's own password map (the default account's line, keyed by exactly the relayhost it
// wrote; the other accounts' lines are keyed by sender), while the wizard's saved record says the
// setup is in place. A maintainer script that rewrites relayhost (Debian's postinst, answered
// again) leaves both behind.
import { mapEntries } from '../../postfix/password-map.js';
import { passwordMapPath, savedSettingsPath } from '../../postfix/wizard-files.js';
import type { System } from '../../system/types.js';
import type { PostfixFacts } from '../types.js';

export async function configuredRelay(
  sys: System,
  postfix: Pick<PostfixFacts, 'configDir' | 'passwordMap' | 'wizardMap'>,
): Promise<string | undefined> {
  if (!(await sys.fileInfo(savedSettingsPath(postfix)))) return undefined;
  const own = passwordMapPath(postfix);
  const map = postfix.passwordMap?.path === own ? postfix.passwordMap : postfix.wizardMap;
  const keys = new Set(
    mapEntries(map?.content ?? '')
      .map((e) => e.key)
      .filter((key) => /^\[[^\]\s]+\](:\d+)?$/.test(key)),
  );
  return keys.size === 1 ? [...keys][0] : undefined;
}
