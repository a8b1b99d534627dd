// The machine the setup-credential flow tests share: a recording fake of src/system with Debian's
// Postfix, and a fake Gmail that knows two accounts (test/flow/commands/setup-*.test.ts).
import assert from 'node:assert/strict';
import { installFakePostfix } from './fake-postfix.js';
import { FakeSystem } from './fake-system.js';
import { runCli } from './run-cli.js';

export const A = 'someone@gmail.com';
export const B = 'other@gmail.com';
export const PW_A = 'abcdefghijklmnop';
export const PW_B = 'qrstuvwxyzabcdef';
export const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
export const MAP = '/etc/postfix/sasl_passwd';
export const bad535 = {
  ok: false,
  errorCode: 'EAUTH',
  responseCode: 535,
  response:
    '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp',
};
export const bad534 = {
  ok: false,
  errorCode: 'EAUTH',
  responseCode: 534,
  response:
    '534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
};

export function machine() {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent });
  // Gmail knows two accounts.
  const passwords: Record<string, string> = { [A]: PW_A, [B]: PW_B };
  sys.authResult = (user, password) => (passwords[user] === password ? { ok: true } : bad535);
  return { sys, postfix, passwords };
}

/** Run 1: A configured headless with --password-stdin (and so stored in the keychain). */
export async function configuredWithA() {
  const m = machine();
  const run = await runCli(m.sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
  assert.equal(run.exit, 0, run.stdout);
  return m;
}

export function credentialLines(map: string | undefined): string[] {
  return (map ?? '').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

export function assertNoSecret(sys: FakeSystem, ...texts: string[]): void {
  for (const secret of [PW_A, PW_B]) {
    for (const call of sys.calls) {
      assert.ok(!call.args.join(' ').includes(secret), `password in argv of ${call.file}`);
      assert.ok(!JSON.stringify(call.env ?? {}).includes(secret), `password in env of ${call.file}`);
    }
    for (const text of texts) assert.ok(!text.includes(secret), `password in output: ${text.slice(0, 200)}`);
  }
}
