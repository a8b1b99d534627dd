// The hook for OAuth (--auth oauth): when the account's consent stops working. check turns it into a
// WARNING before the end and a CRITICAL after it, and --textfile into
// postfix_gmail_wizard_oauth_token_expiry_timestamp_seconds. Until the wizard signs in with OAuth there
// is no consent to read, so this answers undefined; the OAuth code fills it from its token store.
import type { System } from '../../system/types.js';
import type { PostfixFacts } from '../types.js';
import type { ConsentFacts } from './judge.js';

export async function readConsent(_sys: System, _postfix: PostfixFacts): Promise<ConsentFacts | undefined> {
  return undefined;
}
