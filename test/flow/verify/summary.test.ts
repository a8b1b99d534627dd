// The end of a run, each step called with the context it declares: reportTest's words and exit
// code for each test status, saveLastTest's record for status, and the command line that repeats
// the run (quoted for a shell, never with the password).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExitCode } from '../../../src/errors.js';
import {
  equivalentWords,
  passwordFileSteps,
  reportTest,
  saveLastTest,
  signInFilesText,
} from '../../../src/flow/verify/summary.js';
import type { Answers } from '../../../src/flow/types.js';
import { explainDiagnosis } from '../../../src/ui/diagnosis-text.js';
import { t } from '../../../src/ui/messages.js';
import { gmailAnswers, stepContext, stepPassword } from '../../support/step-context.js';

const reply = '250 2.0.0 OK  1764320401 x - gsmtp';

describe('reportTest', () => {
  it('sent: success naming the relay and its reply, exit 0', () => {
    const ctx = stepContext([]);
    assert.equal(
      reportTest(ctx, {
        to: 'friend@example.com',
        status: 'sent',
        relay: 'smtp.gmail.com[142.250.102.109]:587',
        reply,
      }),
      ExitCode.ok,
    );
    assert.deepEqual(ctx.ui.shown, [
      `success: ${t('summary.sent', { to: 'friend@example.com', relay: 'smtp.gmail.com[142.250.102.109]:587', reply })}`,
    ]);
  });

  it('sent, but delivered on this machine: exit 0 with a warning to test an outside address', () => {
    const ctx = stepContext([]);
    assert.equal(
      reportTest(ctx, { to: 'root@vm', status: 'sent', relay: 'local', reply: 'delivered to mailbox' }),
      ExitCode.ok,
    );
    assert.equal(ctx.ui.shown[1], `warn: ${t('summary.deliveredLocally', { to: 'root@vm' })}`);
  });

  it('still queued: exit 3, the queue id to follow', () => {
    const ctx = stepContext([]);
    assert.equal(
      reportTest(ctx, { to: 'friend@example.com', status: 'queued', queueId: '4F2C21A0B3' }),
      ExitCode.notDelivered,
    );
    assert.deepEqual(ctx.ui.shown, [`warn: ${t('summary.stillQueued', { id: '4F2C21A0B3' })}`]);
  });

  it('deferred by a refused login: exit 3, the error, then the cause and fix of its diagnosis', () => {
    const ctx = stepContext([]);
    const result = {
      to: 'friend@example.com',
      status: 'deferred',
      queueId: '4F2C21A0B3',
      reply: '535-5.7.8 Username and Password not accepted',
      diagnosis: 'auth-bad-credentials',
    } as const;
    assert.equal(reportTest(ctx, result), ExitCode.notDelivered);
    const { cause, fix } = explainDiagnosis('auth-bad-credentials');
    assert.deepEqual(ctx.ui.shown, [
      `error: ${t('summary.failed', { status: 'deferred', id: '4F2C21A0B3', reply: result.reply })}`,
      `note: ${t('summary.whatToDo')}\n${cause}\n${fix}`,
    ]);
  });

  it('a test from a sender-dependent account says which account it went through first', () => {
    const ctx = stepContext([]);
    reportTest(ctx, {
      to: 'friend@example.com',
      status: 'sent',
      relay: 'r',
      reply,
      from: 'billing@example.com',
      account: 'billing@gmail.com',
    });
    assert.equal(
      ctx.ui.shown[0],
      `info: ${t('accounts.wentThrough', { from: 'billing@example.com', account: 'billing@gmail.com' })}`,
    );
  });
});

describe('saveLastTest', () => {
  it('writes last-test.json 0600 in the state folder, with the time of the run', async () => {
    const ctx = stepContext(['--state-dir', '/srv/state']);
    await saveLastTest(ctx, { to: 'friend@example.com', status: 'sent', queueId: '4F2C21A0B3' });
    const path = '/srv/state/postfix-gmail-wizard/last-test.json';
    assert.equal(ctx.sys.files.get(path)?.mode, 0o600);
    assert.deepEqual(JSON.parse(ctx.sys.text(path) ?? '{}'), {
      to: 'friend@example.com',
      status: 'sent',
      queueId: '4F2C21A0B3',
      at: '2026-11-28T09:00:00.000Z',
    });
    assert.ok(ctx.sys.dirs.has('/srv/state/postfix-gmail-wizard'));
  });

  it('a state folder that cannot be made: no record, and no failure for a delivered run', async () => {
    const ctx = stepContext([]);
    ctx.sys.ensurePrivateDir = async () => {
      throw new Error('EACCES');
    };
    await saveLastTest(ctx, { to: 'friend@example.com', status: 'sent' });
    assert.deepEqual(ctx.sys.writes, []);
  });
});

describe('equivalentWords', () => {
  it('the defaults: account, a password file (never the password), --yes', () => {
    const ctx = stepContext([]);
    const words = equivalentWords(ctx.options, gmailAnswers({ to: 'someone@gmail.com' }));
    assert.deepEqual(words, [
      'npx',
      'postfix-gmail-wizard',
      '--account',
      'someone@gmail.com',
      '--password-file',
      '/root/gmail-app-password',
      '--yes',
    ]);
    assert.ok(!words.join(' ').includes(stepPassword));
  });

  it('as the person types it: sudo first when they ran the wizard with sudo; the file made 0600 before it is written', () => {
    const ctx = stepContext([]);
    const words = equivalentWords(ctx.options, gmailAnswers({ to: 'someone@gmail.com' }), true);
    assert.deepEqual(words.slice(0, 3), ['sudo', 'npx', 'postfix-gmail-wizard']);
    assert.deepEqual(passwordFileSteps(true), [
      'sudo install -m 600 /dev/null /root/gmail-app-password',
      'sudoedit /root/gmail-app-password',
    ]);
    assert.deepEqual(passwordFileSteps(false), [
      'install -m 600 /dev/null /root/gmail-app-password',
      'editor /root/gmail-app-password',
    ]);
  });

  it('every choice that differs from the default, each word quoted where a shell needs it', () => {
    const ctx = stepContext([
      '--no-test',
      '--no-keychain',
      '--config-dir',
      '/etc/postfix-out',
      '--ca-file',
      '/etc/ssl/ca.pem',
    ]);
    const answers = gmailAnswers({
      relay: { host: 'smtp-relay.gmail.com', port: 465, implicitTls: true },
      to: "o'brien@example.com",
      senders: ['billing@example.com'],
      options: { mapSenders: true, rootAlias: 'ops@example.com', loopbackOnly: false, local: undefined as never },
    });
    assert.deepEqual(equivalentWords(ctx.options, answers), [
      'npx',
      'postfix-gmail-wizard',
      '--account',
      'someone@gmail.com',
      '--password-file',
      '/root/gmail-app-password',
      '--relay',
      'smtp-relay.gmail.com:465',
      '--ca-file',
      '/etc/ssl/ca.pem',
      '--config-dir',
      '/etc/postfix-out',
      '--to',
      "'o'\\''brien@example.com'",
      '--senders',
      'billing@example.com',
      '--no-test',
      '--no-keychain',
      '--map-senders',
      '--root-alias',
      'ops@example.com',
      '--no-loopback-only',
      '--yes',
    ]);
  });

  it('an app password: the closing screen says how to make its file root-only', () => {
    const ctx = stepContext([]);
    const [create, edit] = passwordFileSteps(false);
    assert.equal(
      signInFilesText(ctx.options, gmailAnswers({ to: 'someone@gmail.com' }), false),
      t('tui.passwordFile', { create: create!, edit: edit! }),
    );
  });

  it('the Workspace relay by address: --auth none, and no password file to make', () => {
    const ctx = stepContext([]);
    const answers = gmailAnswers({ to: 'someone@gmail.com', auth: 'none', credential: undefined });
    const words = equivalentWords(ctx.options, answers);
    assert.deepEqual(words.slice(2, 6), ['--account', 'someone@gmail.com', '--auth', 'none']);
    assert.ok(!words.includes('--password-file'), 'an app password flag would switch the machine to an app password');
    assert.equal(signInFilesText(ctx.options, answers, false), undefined);
  });

  it('OAuth: --auth oauth with the client and a root-only copy of the token this run saved, never a password file', () => {
    const ctx = stepContext([]);
    const tokenPath = '/etc/postfix/sasl-xoauth2/someone@gmail.com.json';
    const answers = gmailAnswers({
      to: 'someone@gmail.com',
      auth: 'oauth',
      credential: undefined,
      oauth: { files: { tokenPath } as NonNullable<Answers['oauth']>['files'] },
    });
    const words = equivalentWords(ctx.options, answers, true);
    assert.deepEqual(words.slice(3), [
      '--account',
      'someone@gmail.com',
      '--auth',
      'oauth',
      '--oauth-client',
      '/root/oauth-client.json',
      '--oauth-token-file',
      '/root/oauth-token.json',
      '--yes',
    ]);
    const text = signInFilesText(ctx.options, answers, true) ?? '';
    assert.ok(text.includes(`sudo install -m 600 ${tokenPath} /root/oauth-token.json`), text);
    assert.ok(!/app password/i.test(text), text);
  });

  it('OAuth with --oauth-client and --oauth-token-file given: those files, nothing to copy', () => {
    const ctx = stepContext(['--auth', 'oauth', '--oauth-client', '/srv/c.json', '--oauth-token-file', '/srv/t.json']);
    const answers = gmailAnswers({ to: 'someone@gmail.com', auth: 'oauth', credential: undefined });
    assert.deepEqual(equivalentWords(ctx.options, answers).slice(4, 10), [
      '--auth',
      'oauth',
      '--oauth-client',
      '/srv/c.json',
      '--oauth-token-file',
      '/srv/t.json',
    ]);
    assert.equal(
      signInFilesText(ctx.options, answers, false),
      t('tui.oauthFiles', { client: '/srv/c.json', token: '/srv/t.json' }),
    );
  });
});
