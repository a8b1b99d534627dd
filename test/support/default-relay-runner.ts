// Runs inside `unshare -m -n` (started by test/e2e/setup/default-relay.e2e.test.ts): a private mount and
// network namespace where only `lo` exists and a private /etc/hosts sends smtp.gmail.com to
// 127.0.0.1. There it starts the fake Gmail on port 587 (certificate for smtp.gmail.com from the test
// CA), a private Postfix (whose chroot gets a copy of that hosts file) and the built CLI with no
// --relay, and prints one JSON document with what happened. Before anything listens or connects, a
// guard refuses to go on unless the name resolves to loopback only, in namespaces of its own.
// Arguments: a work dir holding ca/ (from createTestCa with host smtp.gmail.com), the account, and
// the parent's net and mnt namespace ids; the app password comes on standard input.
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { startFakeGmail } from './fake-gmail.js';
import { guardNamespaces, privateHosts, runnerMain } from './netns.js';
import { createPostfixInstance } from './postfix-instance.js';
import { runWizard } from './wizard-process.js';

const GMAIL = 'smtp.gmail.com';
const isLoopback = (address: string) => address.startsWith('127.') || address === '::1';

/** Throws unless GMAIL resolves to loopback only (and, once Postfix's chroot exists, there too). */
async function guardResolution(chrootHosts?: string): Promise<void> {
  const addresses = (await lookup(GMAIL, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || !addresses.every(isLoopback))
    throw new Error(`refusing to run: ${GMAIL} resolves to ${addresses.join(', ')}`);
  if (chrootHosts !== undefined) {
    const named = chrootHosts
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
      .filter((f) => f.slice(1).includes(GMAIL));
    if (named.length === 0 || !named.every((f) => isLoopback(f[0] ?? '')))
      throw new Error(`refusing to run: Postfix's chroot hosts file does not send ${GMAIL} to loopback`);
  }
}

async function main(): Promise<void> {
  const [work, account, parentNet, parentMnt] = process.argv.slice(2);
  if (!work || !account || !parentNet || !parentMnt)
    throw new Error('usage: default-relay-runner WORK ACCOUNT PARENT_NET PARENT_MNT');
  await guardNamespaces(parentNet, parentMnt); // before anything here touches a mount or a link
  const password = (await text(process.stdin)).trim();
  await privateHosts(work, `127.0.0.1 localhost\n127.0.0.1 ${GMAIL}\n`);
  await guardResolution();

  const ca = join(work, 'ca');
  const [cert, key] = await Promise.all([
    readFile(join(ca, 'test-server.pem'), 'utf8'),
    readFile(join(ca, 'test-server.key'), 'utf8'),
  ]);
  const gmail = await startFakeGmail({ cert, key, accounts: { [account]: { password } }, port: 587 });
  const postfix = await createPostfixInstance(); // copies the private /etc/hosts into its chroot
  try {
    await guardResolution(await readFile(join(postfix.queueDir, 'etc', 'hosts'), 'utf8'));
    // Level 1 logs Postfix's verdict on the certificate ("Verified TLS connection ...").
    await postfix.postconf('-e', 'smtp_tls_loglevel=1');
    await postfix.start();
    const run = await runWizard(
      [
        '--account',
        account,
        '--password-stdin',
        '--ca-file',
        join(ca, 'test-ca.pem'),
        '--config-dir',
        postfix.configDir,
        '--backup-dir',
        join(postfix.base, 'backups'),
        '--state-dir',
        join(postfix.base, 'state'),
        '--to',
        'friend@example.com',
        '--no-keychain',
        '--yes',
        '--json',
        '--wait',
        '60',
      ],
      { stdin: `${password}\n`, secret: password },
    );
    const settings = await postfix.postconf('-h', 'relayhost', 'smtp_tls_security_level', 'smtp_sasl_password_maps');
    const log = await postfix.readLog();
    process.stdout.write(
      JSON.stringify({
        run,
        settings: settings.trim().split('\n'),
        log,
        passwordInLog: log.includes(password),
        messages: gmail.messages.map(({ raw: _raw, ...m }) => m),
        auths: gmail.auths.map(({ password: _password, ...a }) => a),
      }),
    );
  } finally {
    await postfix.destroy();
    await gmail.close();
  }
}

runnerMain(main);
