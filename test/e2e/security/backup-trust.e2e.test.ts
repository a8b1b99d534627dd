// Where root keeps state and backups, on the real file system (issue 11,
// item 8): every folder on the way is checked, not only the last one, and a
// backup root another user can change is never read — a manifest planted
// there would otherwise be written into main.cf by `restore`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  chmod,
  chown,
  lchown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRealSystem } from '../../../src/system/real-system.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { runWizard } from '../../support/wizard-process.js';

const nobody = 65534;
const skip = process.getuid?.() === 0 ? undefined : 'needs root (chown to another uid)';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('private folders: every directory on the way is checked', { skip }, () => {
  const sys = createRealSystem();
  let lab: string;
  before(async () => {
    lab = await mkdtemp('/tmp/pgw-trust-');
  });
  after(async () => rm(lab, { recursive: true, force: true }));

  it("refuses a parent that others can write, another user owns, or a symlink leads to another's — and makes nothing there", async () => {
    const open = join(lab, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    const theirs = join(lab, 'theirs');
    await mkdir(theirs, { mode: 0o755 });
    await chown(theirs, nobody, nobody);
    const linked = join(lab, 'linked');
    await symlink(theirs, linked);
    const theirLink = join(lab, 'their-link');
    await symlink(join(lab), theirLink);
    await lchown(theirLink, nobody, nobody);
    for (const dir of [
      join(open, 'state'),
      join(open, 'a', 'b', 'state'),
      join(theirs, 'state'),
      join(linked, 'state'),
      join(theirLink, 'x', 'state'),
      linked,
    ]) {
      await assert.rejects(sys.ensurePrivateDir(dir), { code: 'EUNSAFE' }, dir);
    }
    assert.deepEqual([await readdir(open), await readdir(theirs)], [[], []], 'nothing was made in them');
    assert.equal((await lstat(open)).mode & 0o7777, 0o777, 'and nothing was chmodded');
  });

  it('a root-owned sticky folder (/tmp-like) on the way is fine, and keeps its mode; the new folder is 0700', async () => {
    const shared = join(lab, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o1777);
    await sys.ensurePrivateDir(join(shared, 'deep', 'postfix-gmail-wizard'));
    assert.equal((await lstat(shared)).mode & 0o7777, 0o1777);
    assert.equal((await lstat(join(shared, 'deep'))).mode & 0o7777, 0o755);
    assert.equal((await lstat(join(shared, 'deep', 'postfix-gmail-wizard'))).mode & 0o7777, 0o700);
    // A sticky folder is never the private folder itself.
    await assert.rejects(sys.ensurePrivateDir(shared), { code: 'EUNSAFE' });
  });

  it('unsafeDir names the first folder on the way another user could change', async () => {
    const open = join(lab, 'open2');
    await mkdir(join(open, 'backups'), { recursive: true });
    await chmod(open, 0o757);
    assert.deepEqual(await sys.unsafeDir(join(open, 'backups', 'postfix-gmail-wizard')), {
      path: open,
      problem: 'writable',
    });
    const mine = join(lab, 'mine', 'postfix-gmail-wizard');
    await sys.ensurePrivateDir(mine);
    assert.equal(await sys.unsafeDir(mine), undefined);
    assert.equal(
      await sys.unsafeDir(join(lab, 'missing', 'postfix-gmail-wizard')),
      undefined,
      'nothing there, nothing planted',
    );
  });
});

describe('restore reads no backup from a folder another user can change', { skip: skip ?? postfixSkipReason() }, () => {
  let postfix: PostfixInstance;
  before(async () => {
    postfix = await createPostfixInstance();
  });
  after(async () => postfix?.destroy());

  it('a manifest planted under a user-writable --backup-dir is not followed: main.cf stays as it was', async () => {
    const mainCf = join(postfix.configDir, 'main.cf');
    const before = await readFile(mainCf, 'utf8');
    // What another user could plant: a world-writable folder holding a "backup" of main.cf with their relayhost.
    const dropbox = await mkdtemp(join(postfix.base, 'dropbox-'));
    await chmod(dropbox, 0o777);
    const planted = join(dropbox, 'postfix-gmail-wizard', '29990101T000000000Z');
    await mkdir(planted, { recursive: true });
    const evil = `${before}relayhost = [evil.example]:587\n`;
    await writeFile(join(planted, '0-main.cf'), evil);
    await writeFile(
      join(planted, 'manifest.json'),
      JSON.stringify({
        id: '29990101T000000000Z',
        dir: planted,
        createdAt: '2999-01-01T00:00:00Z',
        reason: 'setup',
        entries: [{ path: mainCf, existed: true, mode: 0o644, uid: 0, gid: 0, sha256: sha(evil), copy: '0-main.cf' }],
      }),
    );
    for (const path of [dropbox, join(dropbox, 'postfix-gmail-wizard'), planted]) await chown(path, nobody, nobody);
    const common = [
      '--config-dir',
      postfix.configDir,
      '--backup-dir',
      dropbox,
      '--state-dir',
      join(postfix.base, 'state'),
      '--json',
    ];
    const run = await runWizard(['restore', '--yes', ...common]);
    assert.equal(run.code, 1, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.error.code, 'unsafe-path', run.stderr);
    assert.match(outcome.error.message, new RegExp(dropbox));
    assert.equal(await readFile(mainCf, 'utf8'), before, 'main.cf is untouched');
    const list = await runWizard(['restore', '--list', ...common]);
    assert.equal(JSON.parse(list.stdout).error.code, 'unsafe-path', 'not even listed');
  });
});
