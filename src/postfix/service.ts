// Starting, reloading and checking Postfix through whatever manages it:
// systemd for the default instance where systemd runs, else postfix(1)
// itself (containers, OpenRC-less setups, private instances with -c).
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

/** Reload a running Postfix (it rereads main.cf), or start a stopped one. */
export function reloadCommand(postfix: PostfixFacts, running: boolean): ServiceCommand {
  if (postfix.serviceManager === 'systemd') {
    return { file: 'systemctl', args: [running ? 'reload' : 'start', 'postfix'] };
  }
  return { file: 'postfix', args: postfixArgs(postfix, running ? 'reload' : 'start') };
}

export function statusCommand(postfix: PostfixFacts): ServiceCommand {
  return { file: 'postfix', args: postfixArgs(postfix, 'status') };
}
