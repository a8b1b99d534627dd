// doctor --fix when Google ended the OAuth consent (issue 23), through main() on the recording fake: at a
// terminal the new consent is offered for that account; declined, nothing changes; headless (--yes,
// --json) nothing is offered and the fix text names the command, as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine, oauthSecrets } from '../../support/oauth-machine.js';
import { runCli } from '../../support/run-cli.js';
import { repoPath } from '../../support/paths.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const tokenPath = '/var/spool/postfix/sasl-xoauth2/ops@gmail.com.json';
const day = 86400 * 1000;

/** A setup whose consent screen was in Testing, eight days ago: the consent has ended. */
async function ended(): Promise<FakeSystem> {
  const sys = oauthMachine({ consentSeconds: 604799 });
  assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
  sys.clock += 8 * day;
  return sys;
}

describe('doctor --fix: a new consent offered when Google ended it', () => {
  it('at a terminal the consent is offered for the account; declined, nothing changes and the exit is as before', async () => {
    const sys = await ended();
    const token = sys.text(tokenPath);
    const writes = sys.writes.length;
    const ui = new ScriptedUi([false]);
    const run = await runCli(sys, ['doctor', '--fix'], { ui });
    assert.equal(run.exit, 1, run.stderr);
    assert.match(ui.asked.join('\n'), /Sign in with Google again now, as ops@gmail\.com\?/);
    assert.equal(sys.text(tokenPath), token);
    assert.equal(sys.writes.length, writes);
  });

  for (const flags of [['--yes'], ['--yes', '--json']])
    it(`headless (${flags.join(' ')}): nothing is offered; the fix names the command`, async () => {
      const sys = await ended();
      const ui = new ScriptedUi([], false);
      const run = await runCli(sys, ['doctor', '--fix', ...flags], { ui });
      assert.equal(run.exit, 1, run.stderr);
      assert.deepEqual(ui.asked, []);
      assert.match(
        flags.includes('--json') ? JSON.stringify(run.json) : ui.transcript,
        /postfix-gmail-wizard --account ops@gmail\.com --auth oauth/,
      );
    });

  it('accepted: the consent in the browser with the configured client, the token file replaced, the mail flushed', async () => {
    const sys = await ended();
    const { SECRET, TOKEN_URI } = oauthSecrets;
    const earlier = sys.postResult;
    sys.postResult = (url, form) =>
      url === TOKEN_URI &&
      form.grant_type === 'authorization_code' &&
      form.code === 'c0de' &&
      form.client_secret === SECRET
        ? { status: 200, body: JSON.stringify({ access_token: 'ya29.new', refresh_token: '1//new', expires_in: 3599 }) }
        : url === TOKEN_URI && form.refresh_token === '1//new'
          ? { status: 200, body: JSON.stringify({ access_token: 'ya29.new', expires_in: 3599 }) }
          : earlier(url, form);
    // A message waits in the deferred queue since the refresh failed: the new credential sends it (postqueue -f).
    const waiting = JSON.stringify({
      queue_name: 'deferred',
      queue_id: '6DED4240004',
      arrival_time: 1,
      message_size: 500,
      forced_expire: false,
      sender: 'cron@vm',
      recipients: [{ address: 'you@gmail.com', delay_reason: 'SASL authentication failed' }],
    });
    let flushed = false;
    sys.on('postqueue', (args) => {
      if (args.includes('-f')) flushed = true;
      return { exitCode: 0, stdout: args.includes('-j') && !flushed ? `${waiting}\n` : '', stderr: '' };
    });
    const answer = (message: string): string | boolean => {
      if (/Sign in with Google again|Apply this plan/.test(message)) return true;
      const shown = ui.transcript.match(/https:\/\/accounts\.google\.com\/\S+/g)?.at(-1);
      if (shown && /paste/.test(message)) {
        const q = new URL(shown).searchParams;
        return `${q.get('redirect_uri')}?state=${q.get('state')}&code=c0de&scope=https://mail.google.com/`;
      }
      throw new Error(`unexpected prompt: ${message}\n${ui.transcript}`);
    };
    const ui: ScriptedUi = new ScriptedUi([answer, answer, answer, answer, answer, answer]);
    const run = await runCli(sys, ['doctor', '--fix'], { ui });
    assert.equal(run.exit, 0, `${run.stderr}\n${ui.transcript}\n${ui.asked.join('\n')}`);
    const written = JSON.parse(sys.text(tokenPath) ?? '') as Record<string, string>;
    assert.equal(written.refresh_token, '1//new');
    assert.equal(ui.asked.length, 3, ui.asked.join('\n')); // offer, paste-back, plan: no client JSON asked for
    assert.ok(
      sys.calls.some((c) => c.file === 'postqueue' && c.args.includes('-f')),
      'mail flushed',
    );
    assert.ok(!ui.transcript.includes('1//new') && !ui.transcript.includes(SECRET));
  });

  /** OAuth set up for ops@gmail.com, the real plugin's invalid_grant in the log, and messages waiting from `senders`. */
  async function refused(senders: string[]): Promise<FakeSystem> {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    sys.put(
      '/var/log/mail.log',
      readFileSync(repoPath('test', 'fixtures', 'postfix-output', 'maillog-xoauth2-invalid-grant.log'), 'utf8'),
    );
    sys.processes.set(14435, { comm: 'smtp', uid: 0 });
    const reason =
      'SASL authentication failed; cannot authenticate to server localhost[127.0.0.1]: bad protocol / cancel';
    const lines = senders.map((sender, i) =>
      JSON.stringify({
        queue_name: 'deferred',
        queue_id: `6DED424000${4 + i}`,
        arrival_time: 1,
        message_size: 500,
        forced_expire: false,
        sender,
        recipients: [{ address: 'you@gmail.com', delay_reason: reason }],
      }),
    );
    sys.on('postqueue', () => ({ exitCode: 0, stdout: lines.map((l) => `${l}\n`).join(''), stderr: '' }));
    return sys;
  }

  /** A second token file (another account's consent, with the same client): several token files. */
  function otherTokenFile(sys: FakeSystem): string {
    const other = '/var/spool/postfix/sasl-xoauth2/other@gmail.com.json';
    const text = JSON.parse(sys.text(tokenPath) ?? '{}') as Record<string, string>;
    sys.put(other, JSON.stringify({ ...text, refresh_token: '1//other' }), 0o600, 104, 111);
    return other;
  }

  it('invalid_grant, several token files: offered for the account the waiting message signs in as, and only it', async () => {
    const sys = await refused(['cron@vm']);
    otherTokenFile(sys);
    const ui = new ScriptedUi([false, false]);
    const run = await runCli(sys, ['doctor', '--fix'], { ui });
    assert.equal(run.exit, 1, run.stderr);
    assert.match(ui.transcript, /signs in as ops@gmail\.com/);
    assert.deepEqual(
      ui.asked.map((q) => /Sign in with Google again now, as (\S+)\?/.exec(q)?.[1]),
      ['ops@gmail.com'],
    );
  });

  it('invalid_grant, several token files, the refused message signs in as a hand-made sender-dependent account: no offer, the fix text', async () => {
    const sys = await refused(['alice@example.org']);
    otherTokenFile(sys);
    const map = '/etc/postfix/sasl_passwd';
    sys.put(map, `${sys.text(map)}@example.org other@gmail.com:/sasl-xoauth2/other@gmail.com.json\n`, 0o600);
    sys.put('/etc/postfix/main.cf', `${sys.text('/etc/postfix/main.cf')}smtp_sender_dependent_authentication = yes\n`);
    await sys.exec('postmap', [`hash:${map}`]);
    const ui = new ScriptedUi([false, false]);
    const run = await runCli(sys, ['doctor', '--fix'], { ui });
    assert.equal(run.exit, 1, `${run.stderr}${ui.asked.join('\n')}`);
    assert.match(ui.transcript, /signs in as other@gmail\.com/);
    assert.deepEqual(ui.asked, []);
    assert.match(ui.transcript, /--auth oauth/);
  });

  it('invalid_grant in the mail log (oauth-consent-revoked), one token file: offered for its account', async () => {
    const sys = await refused(['cron@vm']);
    const ui = new ScriptedUi([false]);
    const run = await runCli(sys, ['doctor', '--fix'], { ui });
    assert.equal(run.exit, 1, run.stderr);
    assert.match(ui.transcript, /\[oauth-consent-revoked\]/);
    assert.match(ui.asked.join('\n'), /Sign in with Google again now, as ops@gmail\.com\?/);
  });
});
