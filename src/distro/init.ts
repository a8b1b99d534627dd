// Which init system runs services here, and how Postfix is started or
// reloaded through it. Reloading through the init system (not postfix(1)
// behind its back) keeps its idea of the service's state right, and its
// start scripts do distribution work first (Debian's init script copies
// /etc/hosts and resolv.conf into the chroot, configure-instance.sh).
import type { System } from '../system/types.js';
import type { DistroFamily, InitSystem, InstallCommand } from './family.js';

export async function detectInit(sys: System, family: DistroFamily): Promise<InitSystem> {
  if (family.name === 'macos') return 'launchd';
  if (await sys.fileInfo('/run/systemd/system')) return 'systemd';
  if (await sys.fileInfo('/run/openrc/softlevel')) return 'openrc';
  if (await sys.fileInfo('/etc/init.d/postfix')) return 'sysv';
  return 'none';
}

/** `start`, `reload` or `restart` Postfix's default instance under `init` (postfix(1) itself has no restart: see restartCommands). */
export function postfixServiceCommand(init: InitSystem, verb: 'start' | 'stop' | 'reload' | 'restart'): InstallCommand {
  switch (init) {
    case 'systemd':
      return { file: 'systemctl', args: [verb, 'postfix'] };
    case 'openrc':
      return { file: 'rc-service', args: ['postfix', verb] };
    case 'sysv':
      return { file: '/etc/init.d/postfix', args: [verb] };
    case 'launchd': // launchd starts master on demand (org.postfix.master); postfix(1) talks to it
    case 'none':
      return { file: 'postfix', args: [verb] };
  }
}
