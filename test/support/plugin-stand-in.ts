// Debian 12 has no sasl-xoauth2, and setup checks for the plugin before anything else. The OAuth e2e
// tests run each wizard in a mount namespace of its own, where the plugin directory is a copy holding an
// empty libsasl-xoauth2.so and /etc an overlay whose changes (the plugin's /etc/sasl-xoauth2.conf) land
// in the test's folder: nothing on the machine changes. The empty plugin cannot sign in; the real
// plugin with a real Postfix is npm run releases:oauth (Debian sid).
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PostfixInstance } from './postfix-instance.js';
import { runWizard, type WizardRun } from './wizard-process.js';

export const pluginDir = '/usr/lib/x86_64-linux-gnu/sasl2';
/** The plugin path is Debian's on x86_64: elsewhere the stand-in would stand in nowhere. */
export const pluginStandInSkip = process.arch === 'x64' ? undefined : 'x86_64 plugin path';

/** The stand-in's files in `tmp`: the plugin directory's copy with the empty plugin, the overlay's folders. */
export async function preparePluginStandIn(tmp: string): Promise<void> {
  await mkdir(join(tmp, 'sasl2'));
  await cp(pluginDir, join(tmp, 'sasl2'), { recursive: true, verbatimSymlinks: true });
  await writeFile(join(tmp, 'sasl2', 'libsasl-xoauth2.so'), '');
  for (const dir of ['etc-up', 'etc-work']) await mkdir(join(tmp, dir));
}

/**
 * The built wizard on `postfix` (its own backups and state, no keychain), in the stand-in's namespace.
 * `mounts`: more shell commands run there before it, with "$0" the test's folder.
 */
export function wizardWithPlugin(
  postfix: PostfixInstance,
  tmp: string,
  args: string[],
  options: { secret?: string; stdin?: string; mounts?: string[] } = {},
): Promise<WizardRun> {
  const setup = [
    'mount --bind "$0/sasl2" "$1"',
    'mount -t overlay overlay -o "lowerdir=/etc,upperdir=$0/etc-up,workdir=$0/etc-work" /etc',
    ...(options.mounts ?? []),
  ].join(' && ');
  return runWizard(
    [
      ...args,
      '--config-dir',
      postfix.configDir,
      '--backup-dir',
      join(postfix.base, 'backups'),
      '--state-dir',
      join(postfix.base, 'state'),
      '--no-keychain',
    ],
    {
      prefix: [
        'unshare',
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        `${setup} && shift 2 && exec "$@"`,
        tmp,
        pluginDir,
      ],
      ...(options.secret !== undefined ? { secret: options.secret } : {}),
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    },
  );
}
