// Starting, reloading and checking Postfix through whatever manages it:
// systemd for the default instance where systemd runs, else postfix(1)
// itself (containers, OpenRC-less setups, private instances with -c).
import { postfixServiceCommand } from '../distro/init.js';
import type { PostfixFacts } from '../flow/types.js';

export interface ServiceCommand {
  file: string;
  args: string[];
}

function postfixArgs(postfix: Pick<PostfixFacts, 'configDir' | 'isDefaultInstance'>, ...args: string[]): string[] {
  return postfix.isDefaultInstance ? args : ['-c', postfix.configDir, ...args];
}

/** `postfix check`: syntax, ownership and permissions, before any reload. */
export function checkCommand(postfix: PostfixFacts): ServiceCommand {
  return { file: 'postfix', args: postfixArgs(postfix, 'check') };
}

/** Reload a running Postfix (it rereads main.cf), or start a stopped one, through its init system. */
export function reloadCommand(postfix: PostfixFacts, running: boolean): ServiceCommand {
  const verb = running ? 'reload' : 'start';
  if (postfix.isDefaultInstance) return postfixServiceCommand(postfix.serviceManager, verb);
  return { file: 'postfix', args: postfixArgs(postfix, verb) };
}

export function statusCommand(postfix: PostfixFacts): ServiceCommand {
  return { file: 'postfix', args: postfixArgs(postfix, 'status') };
}
