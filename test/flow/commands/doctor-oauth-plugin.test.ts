// doctor on what the sasl-xoauth2 plugin logs, through main() on the recording fake (Debian 12, smtp
// chrooted) after setup --auth oauth, with the lines the real plugin and Postfix logged
// (test/fixtures/postfix-output/maillog-xoauth2-*.log, SOURCE.md there): the plugin's line before a refused
// ::1 that became the deferral's reason; its libcurl unable to read the CA bundle; and maillog_file, where
// the plugin's lines cannot be, so that doctor says so instead of calling it a connection or an unknown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine } from '../../support/oauth-machine.js';
import { repoPath } from '../../support/paths.js';
import { runCli } from '../../support/run-cli.js';

const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'postfix-output', name), 'utf8');
const BAD_PROTOCOL =
  'SASL authentication failed; cannot authenticate to server localhost[127.0.0.1]: bad protocol / cancel';

/** After setup: `log` in the mail log (maillog_file when given) and this message deferred with `reason`. */
async function waiting(log: string, queueId: string, reason: string, maillog?: string): Promise<FakeSystem> {
  const sys = oauthMachine();
  assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
  if (maillog) sys.put('/etc/postfix/main.cf', `${sys.text('/etc/postfix/main.cf')}maillog_file = ${maillog}\n`);
  sys.put(maillog ?? '/var/log/mail.log', log);
  const entry = {
    queue_name: 'deferred',
    queue_id: queueId,
    arrival_time: 1,
    message_size: 608,
    forced_expire: false,
    sender: 'you@gmail.com',
    recipients: [{ address: 'you@gmail.com', delay_reason: reason }],
  };
  sys.on('postqueue', (args) => ({
    exitCode: 0,
    stdout: args.includes('-j') ? `${JSON.stringify(entry)}\n` : '',
    stderr: '',
  }));
  return sys;
}

async function problems(sys: FakeSystem) {
  const run = await runCli(sys, ['doctor', '--json']);
  return run.json?.doctor?.problems ?? [];
}

describe('doctor: the sasl-xoauth2 plugin in the mail log', () => {
  it("no login with the map's token file path as a password (the relay refused it: a false login-refused)", async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    const before = sys.authChecks.length;
    const found = await problems(sys);
    assert.equal(sys.authChecks.length, before, JSON.stringify(sys.authChecks.slice(before)));
    assert.ok(!found.some((p) => p.code === 'login-refused'), JSON.stringify(found));
  });

  it("the plugin's refusal, then a refused ::1 as the reason: tied by smtp's pid, oauth-consent-revoked", async () => {
    const refused = 'connect to localhost[::1]:46535: Connection refused';
    const found = await problems(await waiting(fixture('maillog-xoauth2-then-refused.log'), 'F3A4F23602C', refused));
    const codes = found.map((p) => p.code);
    assert.ok(codes.includes('oauth-consent-revoked'), JSON.stringify(found));
    assert.ok(!codes.includes('mail-deferred'), JSON.stringify(found));
  });

  it("its libcurl could not read the CA bundle: oauth-ca-unreadable, whose fix is the bundle's copy, not a consent", async () => {
    const found = await problems(
      await waiting(fixture('maillog-xoauth2-ca-unreadable.log'), '5F6712323C6', BAD_PROTOCOL),
    );
    const codes = found.map((p) => p.code);
    assert.ok(codes.includes('oauth-ca-unreadable'), JSON.stringify(found));
    assert.ok(!codes.includes('oauth-consent-revoked'), JSON.stringify(found));
    const ca = found.find((p) => p.code === 'oauth-ca-unreadable')!;
    assert.equal(ca.severity, 'error');
    assert.match(ca.fix, /doctor --fix/);
    assert.doesNotMatch(ca.fix, /--oauth-token-file/);
  });

  it("maillog_file: the failed sign-in without the plugin's line is oauth-plugin-unheard, with how to see its reason", async () => {
    // maillog_file as postlogd wrote it under the real plugin (npm run releases:oauth): Postfix's lines only;
    // the plugin's went to /dev/log (syslog-xoauth2-beside-maillog-file.log).
    const postlog = fixture('maillog-file-xoauth2-unheard.log');
    assert.ok(!postlog.includes('[sasl-xoauth2]'));
    const sys = await waiting(postlog, '5D75321C9A8', BAD_PROTOCOL, '/var/log/postfix.log');
    const found = await problems(sys);
    const unheard = found.find((p) => p.code === 'oauth-plugin-unheard');
    assert.ok(unheard, JSON.stringify(found));
    assert.equal(unheard.severity, 'error');
    assert.ok(unheard.evidence.includes('maillog_file = /var/log/postfix.log'), unheard.evidence.join('\n'));
    assert.ok(unheard.evidence.includes('/dev/log: missing (nothing receives syslog(3) here)'));
    assert.match(unheard.fix, /syslog\(3\).*log_to_syslog_on_failure.*log_full_trace_on_failure/s);
    assert.ok(!found.some((p) => p.code === 'mail-deferred'), JSON.stringify(found));
    sys.put('/dev/log', '');
    const heard = (await problems(sys)).find((p) => p.code === 'oauth-plugin-unheard');
    assert.ok(heard?.evidence.includes('/dev/log: present'));
  });

  it('the same lines in a syslog file (no maillog_file): no such claim, the deferral stays a deferral', async () => {
    const syslog = fixture('maillog-xoauth2-invalid-grant.log')
      .split('\n')
      .filter((l) => !l.includes('[sasl-xoauth2]'))
      .join('\n');
    const found = await problems(await waiting(syslog, '6DED4240004', BAD_PROTOCOL));
    assert.ok(!found.some((p) => p.code === 'oauth-plugin-unheard'), JSON.stringify(found));
    assert.ok(
      found.some((p) => p.code === 'mail-deferred'),
      JSON.stringify(found),
    );
  });

  it('maillog_file, and the plugin line there all the same: its diagnosis, not a claim that it cannot be seen', async () => {
    const found = await problems(
      await waiting(fixture('maillog-xoauth2-invalid-grant.log'), '6DED4240004', BAD_PROTOCOL, '/var/log/postfix.log'),
    );
    const codes = found.map((p) => p.code);
    assert.ok(codes.includes('oauth-consent-revoked') && !codes.includes('oauth-plugin-unheard'), codes.join());
  });
});
