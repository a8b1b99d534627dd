// Which help screen a command shows: `--help` alone lists the commands;
// `COMMAND --help` and `help COMMAND` show that command's own options.
import type { Command } from '../flags.js';
import { type MessageKey, t } from './messages.js';

export const commandHelp: Record<Command, MessageKey> = {
  setup: 'help.setup',
  status: 'help.status',
  test: 'help.test',
  restore: 'help.restore',
  remove: 'help.remove',
  doctor: 'help.doctor',
  check: 'help.check',
};

/** The help text for `command` (undefined: the overview of every command). */
export function helpText(command?: Command): string {
  return t(command ? commandHelp[command] : 'help');
}
