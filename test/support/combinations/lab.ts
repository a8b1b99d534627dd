// The machine one combination runs on, inside a private network namespace (the runner's): Google's
// two relay names lead to fake Gmails on loopback — smtp.gmail.com to 127.0.0.1, Workspace's
// smtp-relay.gmail.com to 127.0.0.2, each on 587 (STARTTLS) and 465 (TLS from the first byte),
// with one certificate for both names from a test CA — and a private Postfix set up as the
// combination's starting point, with the map type it asks for and aliases and mailname of its own.
import { join } from 'node:path';
import { startFakeGmail, type FakeGmail, type ReceivedMessage } from '../fake-gmail.js';
import { ownAliases } from '../own-aliases.js';
import { createPostfixInstance, type PostfixInstance } from '../postfix-instance.js';
import { buildSeedRecipe } from '../seed-recipe.js';
import { createTestCa, type TestCa } from '../test-ca.js';
import type { Combination } from './model.js';

export const GMAIL = 'smtp.gmail.com';
export const WORKSPACE = 'smtp-relay.gmail.com';
export const hostsFile = `127.0.0.1 localhost\n127.0.0.1 ${GMAIL}\n127.0.0.2 ${WORKSPACE}\n`;

/** Every account the fakes know, with its app password. */
export const passwords: Record<string, string> = {
  'someone@gmail.com': 'qwertyuiopasdfgh',
  'admin@company.example': 'mnbvcxzlkjhgfdsa',
  'billing@company.example': 'zxcvbnmlkjhgfdsq',
  'ops@gmail.com': 'ppppoooouuuuyyyy',
  'other@gmail.com': 'aaaabbbbccccdddd',
  'boss@company.example': 'eeeeffffgggghhhh',
};

export interface Arrival extends ReceivedMessage {
  /** host:port of the fake that took it. */
  relay: string;
}

export interface ComboLab {
  ca: TestCa;
  postfix: PostfixInstance;
  /** The message with this subject once one of the fakes has it. */
  arrival(subject: string, timeoutMs?: number): Promise<Arrival>;
  close(): Promise<void>;
}

/** After privateHosts: the fakes, and the Postfix instance in its starting state, started. */
export async function startComboLab(work: string, c: Combination): Promise<ComboLab> {
  const ca = await createTestCa(join(work, 'ca'), { host: GMAIL, alsoNames: [WORKSPACE] });
  const accounts = Object.fromEntries(Object.entries(passwords).map(([a, password]) => [a, { password }]));
  const fakes: [string, FakeGmail][] = [];
  for (const [host, address] of [
    [GMAIL, '127.0.0.1'],
    [WORKSPACE, '127.0.0.2'],
  ] as const)
    for (const port of [587, 465])
      fakes.push([
        `${host}:${port}`,
        await startFakeGmail({
          cert: ca.certPem,
          key: ca.keyPem,
          accounts,
          port,
          address,
          implicitTls: port === 465,
        }),
      ]);
  const postfix = await createPostfixInstance(); // copies the private /etc/hosts into its chroot
  try {
    await startingPoint(postfix, ca, c);
    await postfix.start();
  } catch (error) {
    await postfix.destroy();
    await Promise.all(fakes.map(([, f]) => f.close()));
    throw error;
  }
  return {
    ca,
    postfix,
    async arrival(subject, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const [relay, fake] of fakes) {
          const found = fake.messages.find((m) => m.headers.subject === subject);
          if (found) return { ...found, relay };
        }
        if (Date.now() > deadline) {
          const tried = fakes.flatMap(([relay, f]) => f.auths.map((a) => `${relay} ${a.user} ${a.accepted}`));
          throw new Error(`no message "${subject}" at any relay; logins: ${tried.join(', ') || 'none'}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await postfix.destroy();
      await Promise.all(fakes.map(([, f]) => f.close()));
    },
  };
}

/**
 * The fixture is what Debian's postinst writes for "Local only"; the other answers differ from it
 * as the postinst makes them differ on a fresh install (debian/postfix.postinst, postfix.config):
 * "Internet Site" listens everywhere and delivers out (no error transports); "Satellite system"
 * listens on loopback, sends everything to the relayhost debconf asked for (written without
 * brackets: an MX lookup) and does not take mail for the mail name.
 */
async function startingPoint(postfix: PostfixInstance, ca: TestCa, c: Combination): Promise<void> {
  if (c.mapType !== 'default') await postfix.postconf('-e', `default_database_type=${c.mapType}`);
  await ownAliases(postfix);
  if (c.start === 'internet-site') {
    await postfix.postconf('-X', 'default_transport', 'relay_transport');
    await postfix.postconf('-e', 'inet_interfaces=all');
  } else if (c.start === 'satellite') {
    await postfix.postconf('-X', 'default_transport', 'relay_transport');
    await postfix.postconf(
      '-e',
      `relayhost=${GMAIL}`,
      'mydestination=$myhostname, vm, localhost.localdomain, localhost',
      'inet_interfaces=loopback-only',
    );
  } else if (c.start === 'seed-recipe') {
    const account = c.workspace ? 'admin@company.example' : 'someone@gmail.com';
    await buildSeedRecipe({ postfix, ca, gmail: { port: 587 } }, account, passwords[account]!, `[${GMAIL}]:587`);
  }
}
