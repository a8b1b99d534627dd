// What remove reads beyond detect: main.cf's own lines, the relay options' files, the wizard's
// record of what it replaced and what that record is compared with now, and which map files exist.
import { instanceDir, readExplicitSettings } from '../../postfix/postconf.js';
import { parseSavedRecord } from '../../postfix/saved-record.js';
import { passwordMapFiles } from '../../postfix/wizard-files.js';
import { readOauthRemoval } from '../../postfix/xoauth2-files.js';
import type { System } from '../../system/types.js';
import type { PostfixFacts, RemoveFacts } from '../types.js';
import { readLocalFacts, readPutBackFacts } from './local-facts.js';

export async function readRemoveFacts(sys: System, postfix: PostfixFacts): Promise<RemoveFacts> {
  const explicit = await readExplicitSettings(sys, instanceDir(postfix));
  const local = await readLocalFacts(sys, postfix);
  const record = parseSavedRecord(local.saved.content);
  const putBack = await readPutBackFacts(sys, postfix, record);
  const files = passwordMapFiles(postfix);
  const existing = (await Promise.all(files.map(async (p) => ((await sys.fileInfo(p)) ? p : undefined)))).filter(
    (p): p is string => p !== undefined,
  );
  const oauth = await readOauthRemoval(sys, postfix);
  const any =
    oauth.tokens.length + oauth.configs.length > 0 || oauth.dir !== undefined || oauth.consentRecord !== undefined;
  return { explicit, local, record, putBack, existing, ...(any ? { oauth } : {}) };
}
