// Every flag value that can be judged without looking at Postfix is judged
// here, in cli.ts before the first frame: a malformed flag is exit 2 before
// anything is read, locked or printed besides the error (CLI.md).
import { UsageError } from '../../errors.js';
import { checkAccount } from '../../gmail/credentials.js';
import type { Options } from '../../options.js';
import type { System } from '../../system/types.js';
import { inputText } from '../../ui/input-text.js';
import { t } from '../../ui/messages.js';
import { checkGivenSenders } from './accounts.js';
import { checkedPassword, checkGivenAddresses, readPasswordFile, resolveRelay } from './ask.js';
import { checkGivenRootAlias } from './relay-options.js';
import { programTrust } from '../detect/local-facts.js';
import { programRefusal } from './monitor-choice.js';

export async function checkFlags(options: Options, loadSystem: () => Promise<System>): Promise<void> {
  const ctx = { options };
  if (options.to === '') throw new UsageError('invalid-recipient', t('recipient.empty'), t('recipient.fix'));
  checkGivenAddresses(ctx);
  if (options.command === 'setup') {
    resolveRelay(ctx);
    checkGivenRootAlias(ctx);
    checkGivenSenders(ctx);
  }
  // A root timer must not call npx's cache or a program others can change (monitor-choice.ts).
  if (options.command === 'setup' && options.monitor === true) {
    const { problem } = await programTrust(await loadSystem());
    if (problem) throw programRefusal(problem);
  }
  // The file is read here and again when the password is needed: a bad one stops the run before its first frame.
  if (options.passwordFile !== undefined)
    checkedPassword((await readPasswordFile(await loadSystem(), options.passwordFile)).text);
  if (options.from !== undefined) {
    const given = checkAccount(options.from);
    if (!given.ok)
      throw new UsageError(
        'invalid-sender',
        t('accounts.fromInvalid', { problem: inputText(given.problem) }),
        t('accounts.fromFix'),
      );
  }
}
