// offerPurge called with the context it declares (sys, ui, options, outcome) after `remove`: the
// backups that hold a password and the wizard's keychain entries are deleted with --purge, offered
// at a terminal (default no), only hinted at otherwise; a backup without a password map stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdsPassword, offerPurge } from '../../../src/flow/apply/purge.js';
import { createBackup, listBackups } from '../../../src/transaction/backup.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { stepContext } from '../../support/step-context.js';

const backupDir = '/var/backups/postfix-gmail-wizard';
const mapPaths = ['/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db'];

/** Two backups with the map in them, one of main.cf alone; two keychain entries. */
async function machine(flags: string[], answers: boolean[] = [], headless = false) {
  const sys = new FakeSystem({
    '/etc/postfix/main.cf': 'relayhost = [smtp.gmail.com]:587\n',
    '/etc/postfix/sasl_passwd': { content: 'secret', mode: 0o600 },
  });
  const withMap = [
    await createBackup(sys, backupDir, ['/etc/postfix/main.cf', '/etc/postfix/sasl_passwd'], 'setup'),
    await createBackup(sys, backupDir, ['/etc/postfix/sasl_passwd'], 'remove'),
  ];
  const mainOnly = await createBackup(sys, backupDir, ['/etc/postfix/main.cf'], 'doctor');
  sys.secrets.set('someone@gmail.com', 'abcdefghijklmnop');
  sys.secrets.set('other@example.com [smtp-relay.gmail.com]:587', 'ponmlkjihgfedcba');
  return { ctx: stepContext(['remove', ...flags], { sys, answers, headless }), withMap, mainOnly };
}

describe('offerPurge', () => {
  it('--purge: the backups with the map and every keychain entry deleted, it says which', async () => {
    const { ctx, withMap, mainOnly } = await machine(['--purge', '--yes'], [], true);
    const purged = await offerPurge(ctx, mapPaths);
    assert.deepEqual(
      (await listBackups(ctx.sys, backupDir)).map((b) => b.id),
      [mainOnly.id],
    );
    assert.equal(ctx.sys.secrets.size, 0);
    assert.deepEqual(purged, { backups: withMap.map((b) => b.id), accounts: 2 });
    assert.deepEqual(ctx.ui.shown, [`success: ${t('remove.purged', { backups: 2, accounts: 2 })}`]);
  });

  it('at a terminal: asked with the counts, default no; declined, all stays and the hint names the folder', async () => {
    const { ctx } = await machine([], [false]);
    const purged = await offerPurge(ctx, mapPaths);
    assert.deepEqual(ctx.ui.asked, [t('remove.purgeConfirm', { backups: 2, accounts: 2 })]);
    assert.equal((await listBackups(ctx.sys, backupDir)).length, 3);
    assert.equal(ctx.sys.secrets.size, 2);
    assert.equal(purged, undefined);
    assert.deepEqual(ctx.ui.shown, [`info: ${t('remove.purgeHint', { backups: 2, dir: backupDir })}`]);
  });

  it('at a terminal, accepted: deleted as with --purge', async () => {
    const { ctx } = await machine([], [true]);
    await offerPurge(ctx, mapPaths);
    assert.equal((await listBackups(ctx.sys, backupDir)).length, 1);
    assert.equal(ctx.sys.secrets.size, 0);
  });

  it('headless without --purge, or --yes at a terminal: not asked, nothing deleted', async () => {
    for (const [flags, headless] of [
      [[], true],
      [['--yes'], false],
    ] as const) {
      const { ctx } = await machine([...flags], [], headless);
      await offerPurge(ctx, mapPaths);
      assert.deepEqual(ctx.ui.asked, []);
      assert.equal((await listBackups(ctx.sys, backupDir)).length, 3);
    }
  });

  it('--no-keychain: the keychain is not touched; no password anywhere: nothing said', async () => {
    const { ctx } = await machine(['--purge', '--no-keychain'], [], true);
    const purged = await offerPurge(ctx, mapPaths);
    assert.equal(ctx.sys.secrets.size, 2);
    assert.deepEqual(purged?.accounts, 0);
    const empty = stepContext(['remove', '--purge'], { headless: true });
    assert.deepEqual([await offerPurge(empty, mapPaths), empty.ui.shown], [undefined, []]);
  });

  it('backups only (no keychain entry): the question and the result name the backups alone, not "0 keychain entries"', async () => {
    const { ctx } = await machine(['--no-keychain'], [true]);
    await offerPurge(ctx, mapPaths);
    assert.deepEqual(ctx.ui.asked, [
      'Also delete 2 backup(s) that still hold a password? (They cannot be restored afterwards.)',
    ]);
    assert.deepEqual(ctx.ui.shown, ['success: Deleted 2 backup(s) that held a password.']);
  });

  it('keychain entries only (no backup holds a password): the question and the result name the entries alone', async () => {
    const sys = new FakeSystem({ '/etc/postfix/main.cf': 'relayhost = [smtp.gmail.com]:587\n' });
    sys.secrets.set('someone@gmail.com', 'abcdefghijklmnop');
    const ctx = stepContext(['remove'], { sys, answers: [true] });
    await offerPurge(ctx, mapPaths);
    assert.deepEqual(ctx.ui.asked, [
      'Also delete 1 keychain entr(ies) that still hold a password? (They cannot be restored afterwards.)',
    ]);
    assert.deepEqual(ctx.ui.shown, ['success: Deleted 1 keychain entr(ies) that held a password.']);
    assert.equal(sys.secrets.size, 0);
  });
});

describe('holdsPassword', () => {
  it('a copy of the map or its compiled form counts; a map that did not exist, or main.cf alone, does not', () => {
    const backup = (entries: { path: string; existed: boolean }[]) => ({
      id: 'x',
      dir: '/b/x',
      createdAt: '',
      reason: 'setup',
      entries,
    });
    assert.equal(
      holdsPassword(backup([{ path: '/etc/postfix/saslpass.db', existed: true }]), [
        '/etc/postfix/saslpass',
        '/etc/postfix/saslpass.db',
      ]),
      true,
    );
    assert.equal(holdsPassword(backup([{ path: '/etc/postfix-out/sasl_passwd.lmdb', existed: true }]), []), true);
    assert.equal(holdsPassword(backup([{ path: '/etc/postfix/sasl_passwd', existed: false }]), mapPaths), false);
    assert.equal(holdsPassword(backup([{ path: '/etc/postfix/main.cf', existed: true }]), mapPaths), false);
  });
});
