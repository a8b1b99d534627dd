// After a change to the machine's own Postfix on Debian: debconf's answers made to say what main.cf
// now says (postfix/debconf.ts), the way a person answering `dpkg-reconfigure postfix` would, so
// that the postinst of the next reconfigure or upgrade writes the relay back instead of taking it
// out. A private instance (--config-dir elsewhere) has no debconf answers: nothing to do there.
import {
  answersDiffer,
  answersFor,
  parseDebconfShow,
  postfixDebconfScript,
  selectionsFor,
} from '../../postfix/debconf.js';
import { readSettings } from '../../postfix/postconf.js';
import type { System } from '../../system/types.js';
import type { PostfixFacts } from '../types.js';

export type DebconfSync =
  | { done: 'skipped' | 'in-step' }
  | { done: 'updated'; mailerType: string; relayhost: string }
  | { done: 'failed'; reason: string };

export async function keepDebconfInStep(
  sys: System,
  postfix: Pick<PostfixFacts, 'isDefaultInstance'>,
): Promise<DebconfSync> {
  if (!postfix.isDefaultInstance || !(await sys.fileInfo(postfixDebconfScript))) return { done: 'skipped' };
  const settings = await readSettings(sys, undefined, ['relayhost', 'default_transport', 'inet_interfaces']);
  const shown = await sys.exec('debconf-show', ['postfix']);
  if (shown.exitCode !== 0 || shown.notFound) return { done: 'skipped' };
  const wanted = answersFor(settings);
  if (!answersDiffer(parseDebconfShow(shown.stdout), wanted)) return { done: 'in-step' };
  const set = await sys.exec('debconf-set-selections', [], { input: selectionsFor(wanted) });
  if (set.exitCode !== 0) return { done: 'failed', reason: (set.stderr || set.stdout).trim() };
  return { done: 'updated', ...wanted };
}
