// The transaction's safety seams against the real Postfix (relay lab): a
// Postfix that setup started is stopped again when the change is rolled
// back; restore follows no manifest outside what the wizard manages, no
// damaged copy and no setuid mode, and writes nothing when it refuses;
// --state-dir/--backup-dir never change the folder they are given.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { plantOverSbin } from '../../support/planted-commands.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'safe@gmail.com';
const PASSWORD = 'safetytestpasswd';
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function checksums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const info = await stat(join(dir, name));
    sums[name] = info.isFile() ? `${(info.mode & 0o7777).toString(8)} ${sha(await readFile(join(dir, name)))}` : 'dir';
  }
  return sums;
}

describe('transaction safety against the real Postfix', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('safety', { [ACCOUNT]: { password: PASSWORD } }, { start: false });
  });
  after(async () => lab?.close());
  const setupArgs = () => [
    ...lab.args(),
    '--account',
    ACCOUNT,
    '--password-stdin',
    '--no-keychain',
    '--no-test',
    '--yes',
    '--json',
  ];
  const backupRoot = () => join(lab.postfix.base, 'backups', 'postfix-gmail-wizard');
  const common = () => [
    '--config-dir',
    lab.postfix.configDir,
    '--backup-dir',
    join(lab.postfix.base, 'backups'),
    '--state-dir',
    join(lab.postfix.base, 'state'),
    '--json',
  ];

  it('--state-dir/--backup-dir DIR: the wizard works in DIR/postfix-gmail-wizard (0700) and leaves a 1777 DIR as it was', async () => {
    const shared = await mkdtemp(join(lab.tmp, 'shared-tmp-')); // made like /tmp: root's, 1777
    await chmod(shared, 0o1777);
    const run = await runWizard([
      'remove',
      '--yes',
      '--json',
      '--config-dir',
      lab.postfix.configDir,
      '--state-dir',
      shared,
      '--backup-dir',
      shared,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await stat(shared)).mode & 0o7777, 0o1777, 'the given folder keeps its mode');
    const own = await stat(join(shared, 'postfix-gmail-wizard'));
    assert.ok(own.isDirectory());
    assert.equal(own.mode & 0o7777, 0o700);
  });

  it('refuses a DIR/postfix-gmail-wizard another user made (it could be swapped under root)', async () => {
    const shared = await mkdtemp(join(lab.tmp, 'hostile-'));
    await chmod(shared, 0o1777);
    await mkdir(join(shared, 'postfix-gmail-wizard'), { mode: 0o777 });
    await chown(join(shared, 'postfix-gmail-wizard'), 65534, 65534);
    const run = await runWizard([
      'remove',
      '--yes',
      '--json',
      '--config-dir',
      lab.postfix.configDir,
      '--state-dir',
      shared,
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).error.code, 'state-dir');
    assert.deepEqual(await readdir(join(shared, 'postfix-gmail-wizard')), [], 'no lock was made in it');
  });

  it('a Postfix that was stopped and that setup started is stopped again when the change is rolled back', async () => {
    assert.equal(await lab.postfix.isRunning(), false);
    const before = await checksums(lab.postfix.configDir);
    // The start works, then reports a failure: the wizard must undo the start along with the files.
    const prefix = await plantOverSbin(await mkdtemp(join(lab.tmp, 'bin-')), {
      postfix:
        '/usr/sbin/postfix "$@"; status=$?\ncase " $* " in *" start "*) echo "postfix: injected failure after start" >&2; exit 1;; esac\nexit $status',
    });
    const run = await runWizard(setupArgs(), { stdin: `${PASSWORD}\n`, prefix });
    assert.equal(run.code, 1, run.stderr);
    assert.match(JSON.parse(run.stdout).error.code, /apply-failed/);
    assert.equal(await lab.postfix.isRunning(), false, 'Postfix is stopped again');
    assert.deepEqual(await checksums(lab.postfix.configDir), before, 'the files are back');
  });

  describe('restore checks a backup before writing anything', () => {
    let good: string;
    before(async () => {
      await lab.postfix.start();
      const run = await runWizard(setupArgs(), { stdin: `${PASSWORD}\n` });
      assert.equal(run.code, 0, run.stderr);
      good = JSON.parse(run.stdout).backupId;
    });

    /** A copy of the setup's backup under a new id, its manifest changed by `edit`. */
    async function plant(
      id: string,
      edit: (manifest: { entries: Record<string, unknown>[] }, dir: string) => Promise<void>,
    ): Promise<void> {
      const dir = join(backupRoot(), id);
      await cp(join(backupRoot(), good), dir, { recursive: true });
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      await edit(manifest, dir);
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    }

    async function refused(id: string, code: string): Promise<void> {
      const config = await checksums(lab.postfix.configDir);
      const shadow = sha(await readFile('/etc/shadow'));
      const run = await runWizard(['restore', id, '--yes', ...common()]);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(JSON.parse(run.stdout).error.code, code, run.stderr);
      assert.deepEqual(await checksums(lab.postfix.configDir), config, 'nothing in the config dir changed');
      assert.equal(sha(await readFile('/etc/shadow')), shadow, '/etc/shadow is untouched');
    }

    it('a manifest naming /etc/shadow (to write, or to delete) is refused', async () => {
      await plant('29990101T000000001Z', async (m, dir) => {
        await writeFile(join(dir, '9-shadow'), 'root::0:0:99999:7:::\n', { mode: 0o600 });
        m.entries.push({
          path: '/etc/shadow',
          existed: true,
          mode: 0o640,
          uid: 0,
          gid: 42,
          sha256: sha('root::0:0:99999:7:::\n'),
          copy: '9-shadow',
        });
      });
      await refused('29990101T000000001Z', 'backup-unmanaged-path');
      await plant('29990101T000000002Z', async (m) => void m.entries.push({ path: '/etc/shadow', existed: false }));
      await refused('29990101T000000002Z', 'backup-unmanaged-path');
      await plant(
        '29990101T000000003Z',
        async (m) => void m.entries.push({ path: `${lab.postfix.configDir}/../../../etc/shadow`, existed: false }),
      );
      await refused('29990101T000000003Z', 'backup-unmanaged-path');
    });

    it('a damaged copy is refused before the first file is written', async () => {
      await plant('29990101T000000004Z', async (m, dir) => {
        // main.cf (first entry, intact) would change the config; a later copy no longer matches its checksum.
        const masterCf = join(lab.postfix.configDir, 'master.cf');
        await writeFile(join(dir, '8-master.cf'), 'tampered\n');
        m.entries.push({
          path: masterCf,
          existed: true,
          mode: 0o644,
          uid: 0,
          gid: 0,
          sha256: sha(await readFile(masterCf)),
          copy: '8-master.cf',
        });
      });
      await refused('29990101T000000004Z', 'backup-damaged');
    });

    it('a setuid or setgid mode is refused', async () => {
      await plant(
        '29990101T000000005Z',
        async (m) => void Object.assign(m.entries.find((e) => e.existed)!, { mode: 0o4755 }),
      );
      await refused('29990101T000000005Z', 'backup-setuid');
      await plant(
        '29990101T000000006Z',
        async (m) => void Object.assign(m.entries.find((e) => e.existed)!, { mode: 0o2644 }),
      );
      await refused('29990101T000000006Z', 'backup-setuid');
    });

    it('the untouched backup still restores', async () => {
      const run = await runWizard(['restore', good, '--yes', ...common()]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((await lab.postfix.postconf('-h', 'relayhost')).trim(), '');
    });
  });
});
