// Wrappers over Postfix's own commands for fault-injection tests. The wizard runs /usr/sbin/NAME
// whatever its PATH says (src/system/child-env.ts), so a wrapper is bind-mounted over
// /usr/sbin/NAME in a mount namespace of the wizard's own: the machine's /usr/sbin never changes.
// In a body, "/usr/sbin/NAME" means the real program (a copy of it kept beside the wrapper) and
// "@DIR@" the wrappers' folder.
import { chmod, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The prefix for runWizard({ prefix }) that runs the wizard with these wrappers in place. */
export async function plantOverSbin(dir: string, wrappers: Record<string, string>): Promise<string[]> {
  const mounts: string[] = [];
  for (const [name, body] of Object.entries(wrappers)) {
    const real = join(dir, `${name}.real`);
    await copyFile(`/usr/sbin/${name}`, real);
    await chmod(real, 0o755);
    const wrapper = join(dir, name);
    // "@DIR@" in a body is this folder: "$0" is /usr/sbin/NAME once bound there.
    await writeFile(wrapper, `#!/bin/sh\n${body.replaceAll(`/usr/sbin/${name}`, real).replaceAll('@DIR@', dir)}\n`);
    await chmod(wrapper, 0o755);
    mounts.push(`mount --bind '${wrapper}' '/usr/sbin/${name}'`);
  }
  return [
    'unshare',
    '--mount',
    '--propagation',
    'private',
    '--',
    'sh',
    '-c',
    `${mounts.join(' && ')} && exec "$@"`,
    'sh',
  ];
}
