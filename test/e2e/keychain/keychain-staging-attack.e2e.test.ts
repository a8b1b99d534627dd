// The keychain helper's copy, attacked by another local user (a throwaway uid):
// swapping every entry it can see for a symlink to a root-owned canary while
// root stages the copy, 200 times; writing into the staging directories; and
// directories that are symlinks, someone else's or world-writable where the
// copy is to go. Root must never chown, chmod or delete through any of it.
import assert from 'node:assert/strict';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultStagingBase } from '../../../src/system/keychain-helper-stage.js';
import { installedKeyringBinding, onlyWritableBy } from '../../../src/system/keyring-binding.js';
import { stageHelper } from '../../../src/system/sudo-keychain.js';
import { createHostileUser, type HostileUser } from '../../support/hostile-user.js';

// Root is needed (useradd, a second uid); on CI, where it is root, nothing here may be skipped.
const skip = process.env.CI ? false : process.getuid?.() !== 0 ? 'needs root (useradd, a second uid)' : false;

// Over and over: every entry under the staging base, and any pgw-keychain-* under /tmp (where
// the helper used to be staged), renamed away and replaced by a symlink to the canary; a symlink
// planted in every directory. After each pass it writes the number of passes to PROGRESS (the test
// waits on it). Counts what it managed, reported on SIGTERM.
const attacker = `
import { readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
const [base, canary, progress] = process.argv.slice(2);
let attempts = 0;
let passes = 0;
let stagedSeen = 0;
const wins = [];
const tryIt = (what, fn) => { attempts++; try { fn(); wins.push(what); } catch {} };
const walk = (dir, depth) => {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  tryIt('plant in ' + dir, () => symlinkSync(canary, dir + '/evil-' + attempts));
  for (const name of names) {
    const path = dir + '/' + name;
    tryIt('swap ' + path, () => { renameSync(path, path + '.moved-' + attempts); symlinkSync(canary, path); });
    if (depth < 3) walk(path, depth + 1);
  }
};
process.on('SIGTERM', () => { process.stdout.write(JSON.stringify({ attempts, passes, stagedSeen, wins: wins.slice(0, 20) })); process.exit(0); });
for (;;) {
  try { if (readdirSync(base).length > 0) stagedSeen++; } catch {}
  walk(base, 0);
  for (const name of (() => { try { return readdirSync('/tmp'); } catch { return []; } })()) if (name.startsWith('pgw-keychain-')) walk('/tmp/' + name, 0);
  writeFileSync(progress, String(++passes));
  await new Promise((resolve) => setImmediate(resolve));
}
`;

describe('keychain helper staging against a hostile local user', { skip }, () => {
  let user: HostileUser;
  let lab: string;
  let canary: string;
  let binding: string | undefined;

  before(async () => {
    user = await createHostileUser();
    lab = await mkdtemp('/run/pgw-attack-');
    await chmod(lab, 0o755);
    canary = join(lab, 'canary');
    await writeFile(canary, 'root only\n', { mode: 0o600 });
    await writeFile(join(lab, 'attacker.mjs'), attacker, { mode: 0o644 });
    binding = await installedKeyringBinding();
  });
  after(async () => {
    await user?.close();
    if (lab) await rm(lab, { recursive: true, force: true });
  });

  const canaryUntouched = async () => {
    const info = await lstat(canary);
    assert.deepEqual(
      [info.uid, info.gid, info.mode & 0o7777, await readFile(canary, 'utf8')],
      [0, 0, 0o600, 'root only\n'],
      'the canary kept its owner, mode and content',
    );
  };

  it("is staged outside /tmp by default, in directories of root's alone", async () => {
    const base = await defaultStagingBase();
    assert.ok(!base.startsWith('/tmp/') && !base.startsWith('/var/tmp/'), base);
    assert.match(base, /^\/(run|var\/lib|(private\/)?var\/db)\/postfix-gmail-wizard\/keychain-helper$/);
    const files = await stageHelper(binding);
    assert.equal(join(files.script, '..', '..'), base);
    assert.ok(
      await onlyWritableBy(files.script, new Set([0])),
      `no one but root can write anything on the way to ${files.script}`,
    );
    assert.ok(files.binding && (await onlyWritableBy(files.binding, new Set([0]))));
  });

  it("200 stagings raced by another uid swapping entries for symlinks: the canary never changes, the copy stays root's", async () => {
    assert.ok(binding, 'the keyring binding is installed');
    const base = join(lab, 'race');
    const progress = join(lab, 'progress');
    await writeFile(progress, '0', { mode: 0o644 });
    await chown(progress, user.uid, user.gid);
    const passes = async () => Number(await readFile(progress, 'utf8')) || 0;
    /** Until the attacker has begun and ended a whole pass since `since`: it tried the copy just staged. */
    const attackerWent = async (since: number) => {
      const deadline = Date.now() + 30_000;
      while ((await passes()) < since + 2) {
        assert.ok(Date.now() < deadline, 'the attacker made no pass in 30 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const attack = user.start(join(lab, 'attacker.mjs'), [base, canary, progress]);
    try {
      await attackerWent(0); // running before the first staging
      for (let i = 0; i < 200; i++) {
        await rm(base, { recursive: true, force: true });
        const files = await stageHelper(binding, base);
        const dir = join(files.script, '..');
        const dirInfo = await lstat(dir);
        assert.deepEqual([dirInfo.isDirectory(), dirInfo.uid, dirInfo.mode & 0o7777], [true, 0, 0o755]);
        for (const name of await readdir(dir)) {
          const info = await lstat(join(dir, name));
          assert.deepEqual([name, info.isFile(), info.uid, info.gid, info.mode & 0o7777], [name, true, 0, 0, 0o644]);
        }
        await canaryUntouched();
        await attackerWent(await passes());
      }
    } finally {
      const report = JSON.parse(await attack.stop()) as { stagedSeen: number; wins: string[] };
      // Waited on above, whatever the CPU's speed: a pass over each staged copy, at the least.
      assert.ok(report.stagedSeen >= 200, `the attacker went over every staged copy (${report.stagedSeen} passes)`);
      assert.deepEqual(report.wins, [], 'the attacker could change nothing');
    }
    await canaryUntouched();
  });

  it('the staging directories are not writable by the user: creating, renaming and replacing all fail', async () => {
    const base = join(lab, 'write');
    const files = await stageHelper(binding, base);
    const dir = join(files.script, '..');
    const tries = `
      const fs = require('node:fs');
      const [base, dir] = process.argv.slice(1);
      const out = {};
      const attempt = (what, fn) => { try { fn(); out[what] = 'done'; } catch (e) { out[what] = e.code; } };
      attempt('create in base', () => fs.writeFileSync(base + '/x', 'x'));
      attempt('create in copy', () => fs.writeFileSync(dir + '/x', 'x'));
      attempt('rename the copy', () => fs.renameSync(dir, base + '/y'));
      attempt('rename a file', () => fs.renameSync(dir + '/keychain.js', dir + '/z'));
      attempt('overwrite a file', () => fs.writeFileSync(dir + '/keychain.js', 'evil'));
      attempt('chmod a file', () => fs.chmodSync(dir + '/keychain.js', 0o666));
      process.stdout.write(JSON.stringify(out));`;
    const run = await user.node(tries, [base, dir]);
    assert.deepEqual(JSON.parse(run.stdout), {
      'create in base': 'EACCES',
      'create in copy': 'EACCES',
      'rename the copy': 'EACCES',
      'rename a file': 'EACCES',
      'overwrite a file': 'EACCES',
      'chmod a file': 'EPERM',
    });
    assert.ok(
      await onlyWritableBy(files.script, new Set([0])),
      'root alone can write anything on the way to the script',
    );
  });

  it("refuses a staging base that is a symlink, another user's, or world-writable, and touches nothing there", async () => {
    const theirs = join(lab, 'theirs');
    await mkdir(theirs, { mode: 0o755 });
    await chown(theirs, user.uid, user.gid);
    const linked = join(lab, 'linked');
    await symlink(theirs, linked);
    const open = join(lab, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    for (const base of [linked, join(linked, 'deeper'), theirs, join(theirs, 'deeper'), open]) {
      await assert.rejects(stageHelper(binding, base), { code: 'EUNSAFE' }, base);
    }
    const info = await lstat(theirs);
    assert.deepEqual([info.uid, info.mode & 0o7777, await readdir(theirs)], [user.uid, 0o755, []]);
    assert.deepEqual([(await lstat(open)).mode & 0o7777, await readdir(open)], [0o777, []]);
    await canaryUntouched();
  });

  it('a tampered copy is replaced, older versions unused for a day are removed, one in use is kept', async () => {
    const base = join(lab, 'stale');
    const first = await stageHelper(binding, base);
    await writeFile(first.script, '// tampered\n', { flag: 'a' });
    const version = async (name: string, lastUsed: Date) => {
      const dir = join(base, name);
      await mkdir(dir, { mode: 0o755 });
      await writeFile(join(dir, 'keychain-helper.js'), `// version ${name}\n`, { mode: 0o644 });
      await utimes(dir, lastUsed, lastUsed);
    };
    await version('0123456789abcdef0123456789abcdef', new Date(Date.now() - 2 * 24 * 3600 * 1000));
    // Another version's run staged this a minute ago and is about to start its helper from it.
    await version('fedcba9876543210fedcba9876543210', new Date(Date.now() - 60 * 1000));
    const second = await stageHelper(binding, base);
    assert.equal(second.script, first.script, 'content-addressed: the same place for the same files');
    assert.ok(!(await readFile(second.script, 'utf8')).includes('// tampered'));
    const mine = join(second.script, '..').split('/').pop() as string;
    assert.deepEqual((await readdir(base)).sort(), [mine, 'fedcba9876543210fedcba9876543210'].sort());
    assert.equal((await stat(second.script)).uid, 0);
  });

  it('trusts a binding only where no other user could have put it', async () => {
    assert.ok(binding && (await onlyWritableBy(binding, new Set([0]))), `${binding} is root's alone`);
    const planted = await mkdtemp('/tmp/pgw-planted-');
    try {
      await writeFile(join(planted, 'keyring.node'), 'x', { mode: 0o644 });
      assert.equal(
        await onlyWritableBy(join(planted, 'keyring.node'), new Set([0])),
        true,
        "root's own dir in sticky /tmp",
      );
      await chown(planted, user.uid, user.gid);
      assert.equal(await onlyWritableBy(join(planted, 'keyring.node'), new Set([0])), false, 'a dir of another user');
      await chown(planted, 0, 0);
      await chmod(planted, 0o777);
      assert.equal(
        await onlyWritableBy(join(planted, 'keyring.node'), new Set([0])),
        false,
        'a world-writable dir without the sticky bit',
      );
    } finally {
      await rm(planted, { recursive: true, force: true });
    }
  });
});
