// The usual end-to-end setting in one call: a test CA, a fake Gmail on
// loopback trusting-nobody-else, and a private Postfix instance — plus the
// command-line options that point the wizard at them.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeGmail, type FakeGmail, type FakeGmailOptions } from './fake-gmail.js';
import { createPostfixInstance, type PostfixInstance } from './postfix-instance.js';
import { createTestCa, type TestCa } from './test-ca.js';

export interface RelayLab {
  tmp: string;
  ca: TestCa;
  gmail: FakeGmail;
  postfix: PostfixInstance;
  /** --relay, --ca-file, --config-dir, --backup-dir and --state-dir for this lab. */
  args(): string[];
  close(): Promise<void>;
}

export async function startRelayLab(
  name: string,
  accounts: FakeGmailOptions['accounts'],
  options: {
    implicitTls?: boolean;
    start?: boolean;
    mainCf?: string;
    refuse?: FakeGmailOptions['refuse'];
    relay?: FakeGmailOptions['relay'];
    dailyLimit?: number;
  } = {},
): Promise<RelayLab> {
  const tmp = await mkdtemp(`/tmp/pgw-${name}-`);
  const ca = await createTestCa(join(tmp, 'ca'));
  const gmail = await startFakeGmail({
    cert: ca.certPem,
    key: ca.keyPem,
    accounts,
    implicitTls: options.implicitTls,
    refuse: options.refuse,
    relay: options.relay,
    dailyLimit: options.dailyLimit,
  });
  const postfix = await createPostfixInstance({ mainCf: options.mainCf });
  if (options.start ?? true) await postfix.start();
  return {
    tmp,
    ca,
    gmail,
    postfix,
    args: () => [
      '--relay',
      `localhost:${gmail.port}`,
      '--ca-file',
      ca.caPath,
      '--config-dir',
      postfix.configDir,
      '--backup-dir',
      join(postfix.base, 'backups'),
      '--state-dir',
      join(postfix.base, 'state'),
    ],
    close: async () => {
      await postfix.destroy();
      await gmail.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
