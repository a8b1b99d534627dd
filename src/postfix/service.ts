// Starting, reloading and checking Postfix through whatever manages it:
// systemd for the default instance where systemd runs, else postfix(1)
// itself (containers, OpenRC-less setups, private instances with -c).
import { postfixServiceCommand } from '../distro/init.js';
import type { InitSystem } from '../distro/family.js';
import type { CommandLine } from '../system/types.js';
import type { PostfixInstance } from './postconf.js';

/** The Postfix to act on, and who manages it (the init system, or 'none': postfix -c DIR). */
export interface ManagedPostfix extends PostfixInstance {
  serviceManager: InitSystem;
}

function postfixArgs(postfix: PostfixInstance, ...args: string[]): string[] {
  return postfix.isDefaultInstance ? args : ['-c', postfix.configDir, ...args];
}

/** `postfix check`: syntax, ownership and permissions, before any reload. */
export function checkCommand(postfix: ManagedPostfix): CommandLine {
  return { file: 'postfix', args: postfixArgs(postfix, 'check') };
}

/** Reload a running Postfix (it rereads main.cf), or start a stopped one, through its init system. */
export function reloadCommand(postfix: ManagedPostfix, running: boolean): CommandLine {
  const verb = running ? 'reload' : 'start';
  if (postfix.isDefaultInstance) return postfixServiceCommand(postfix.serviceManager, verb);
  return { file: 'postfix', args: postfixArgs(postfix, verb) };
}

/** Stop Postfix again (a start that a failed setup made is undone). */
export function stopCommand(postfix: ManagedPostfix): CommandLine {
  if (postfix.isDefaultInstance) return postfixServiceCommand(postfix.serviceManager, 'stop');
  return { file: 'postfix', args: postfixArgs(postfix, 'stop') };
}

/**
 * Stop and start: a reload does not apply a changed inet_interfaces ("to change inet_interfaces,
 * stop and start Postfix", master(8)). Through the init system where one manages the default
 * instance; postfix(1) has no restart verb, so elsewhere it is stop, then start.
 */
export function restartCommands(postfix: ManagedPostfix): CommandLine[] {
  const init = postfix.serviceManager;
  if (postfix.isDefaultInstance && (init === 'systemd' || init === 'openrc' || init === 'sysv'))
    return [postfixServiceCommand(init, 'restart')];
  return [
    { file: 'postfix', args: postfixArgs(postfix, 'stop') },
    { file: 'postfix', args: postfixArgs(postfix, 'start') },
  ];
}
