// Another local user plants /tmp/node_modules/@napi-rs/keyring (and the platform
// binding package): a module that writes down everything it is given. The
// keychain helper, even when its files sit under /tmp and no binding is
// installed, must never load it: it loads only the binding root names by
// absolute path, and otherwise answers module-missing. Then the whole wizard
// under sudo stores the password in the keychain of the person who ran sudo
// (a second throwaway user, on their own keyring session), and the planted
// module has still received nothing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { installedKeyringBinding } from '../../../src/system/keyring-binding.js';
import { runHelper, stageHelper, type HelperFiles, type UserSession } from '../../../src/system/sudo-keychain.js';
import { createHostileUser, type HostileUser } from '../../support/hostile-user.js';
import { keyringSkipReason, startKeyringSession, type KeyringSession } from '../../support/keyring-session.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const A = 'someone@gmail.com';
const PW = 'plantedplantedpw';
const SERVICE = 'postfix-gmail-wizard';
// Root is needed (useradd, other uids); on CI, where it is root, nothing here may be skipped.
const skip = process.env.CI ? false : (postfixSkipReason() ?? keyringSkipReason() ?? false);

// What the planter writes: a keyring look-alike that records every load, entry and password.
const plantScript = `
const fs = require('node:fs');
const [record] = process.argv.slice(1);
fs.mkdirSync(record, { mode: 0o777 }); fs.chmodSync(record, 0o777);
const spy = \`const fs = require('node:fs');
const note = (what) => fs.appendFileSync(\${JSON.stringify(record + '/got')}, JSON.stringify({ what, uid: process.getuid() }) + '\\\\n');
note('loaded ' + __filename);
class AsyncEntry { constructor(s, a) { note('entry ' + a); } async setPassword(p) { note('password ' + p); } async getPassword() { return 'planted'; } async deletePassword() { return true; } }
module.exports = { AsyncEntry, Entry: AsyncEntry, findCredentials: () => [], findCredentialsAsync: async () => [{ account: 'planted', password: 'x' }], LinuxStore: {},
  getPassword: async () => 'planted', setPassword: async (s, a, p) => note('password ' + p), deletePassword: async () => true, findCredentials: async () => [] };
\`;
const platform = 'keyring-linux-' + process.arch + '-gnu';
const main = '/tmp/node_modules/@napi-rs/keyring';
fs.mkdirSync(main, { recursive: true });
fs.writeFileSync(main + '/package.json', JSON.stringify({ name: '@napi-rs/keyring', version: '2.1.2', main: 'index.js', optionalDependencies: { ['@napi-rs/' + platform]: '2.1.2' } }));
fs.writeFileSync(main + '/index.js', spy);
fs.writeFileSync(main + '/keytar.js', spy);
const binding = '/tmp/node_modules/@napi-rs/' + platform;
fs.mkdirSync(binding, { recursive: true });
fs.writeFileSync(binding + '/package.json', JSON.stringify({ name: '@napi-rs/' + platform, version: '2.1.2', os: ['linux'], cpu: [process.arch], main: platform + '.node' }));
fs.writeFileSync(binding + '/' + platform + '.node', spy);
fs.writeFileSync(binding + '/index.js', spy);
process.stdout.write('planted');
`;

describe('a keyring module planted in /tmp/node_modules by another user', { skip }, () => {
  let planter: HostileUser;
  let victim: HostileUser; // the person who runs sudo
  let desktop: KeyringSession;
  let session: UserSession;
  let record: string;
  let work: string;
  let lab: RelayLab;
  const got = () => join(record, 'got');

  before(async () => {
    planter = await createHostileUser();
    victim = await createHostileUser();
    await rm('/tmp/node_modules', { recursive: true, force: true }); // a leftover of an earlier run
    record = `/tmp/pgw-planted-record-${process.pid}`;
    await rm(record, { recursive: true, force: true });
    const planted = await planter.node(plantScript, [record]);
    assert.equal(planted.stdout, 'planted', planted.stderr);
    desktop = await startKeyringSession({ user: victim });
    session = { DBUS_SESSION_BUS_ADDRESS: desktop.address, XDG_RUNTIME_DIR: desktop.runtimeDir, HOME: desktop.home };
    work = await mkdtemp('/run/pgw-planted-');
    await chmod(work, 0o755);
    lab = await startRelayLab('e2e-planted', { [A]: { password: PW } });
  });
  after(async () => {
    await lab?.close();
    await desktop?.close();
    await rm('/tmp/node_modules', { recursive: true, force: true });
    if (record) await rm(record, { recursive: true, force: true });
    if (work) await rm(work, { recursive: true, force: true });
    await victim?.close();
    await planter?.close();
  });

  const nothingReceived = async () =>
    assert.equal(existsSync(got()) ? await readFile(got(), 'utf8') : '', '', 'the planted module was never loaded');
  const lookup = async (key = A) => (await desktop.secretTool(['lookup', 'service', SERVICE, 'username', key])).stdout;

  /** The helper's files copied under /tmp, where a bare import would find /tmp/node_modules on its way up. */
  const underTmp = async (files: HelperFiles): Promise<HelperFiles> => {
    const dir = await mkdtemp('/tmp/pgw-helper-under-tmp-');
    await chmod(dir, 0o755);
    const from = join(files.script, '..');
    for (const name of await readdir(from)) await copyFile(join(from, name), join(dir, name));
    return {
      script: join(dir, 'keychain-helper.js'),
      ...(files.binding ? { binding: join(dir, 'keyring.node') } : {}),
    };
  };

  it('with no binding installed the helper answers module-missing and loads nothing, even from under /tmp', async () => {
    const files = await underTmp(await stageHelper(undefined, join(work, 'none')));
    try {
      assert.deepEqual(await runHelper(victim, session, { op: 'probe' }, files), {
        ok: true,
        reason: 'module-missing',
      });
      const set = await runHelper(victim, session, { op: 'set', account: A, password: PW }, files);
      assert.deepEqual([set.ok, !set.ok && set.reason], [false, 'module-missing']);
      assert.ok(!JSON.stringify(set).includes(PW));
      await nothingReceived();
      assert.equal(await lookup(), '');
    } finally {
      await rm(join(files.script, '..'), { recursive: true, force: true });
    }
  });

  it('with the binding, the helper (from under /tmp too) stores into the real keychain; the planted module gets nothing', async () => {
    const binding = await installedKeyringBinding();
    assert.ok(binding, 'the keyring binding is installed');
    const files = await underTmp(await stageHelper(binding, join(work, 'with')));
    try {
      assert.deepEqual(await runHelper(victim, session, { op: 'set', account: A, password: PW }, files), { ok: true });
      assert.equal(await lookup(), PW);
      assert.deepEqual(await runHelper(victim, session, { op: 'remove', account: A }, files), {
        ok: true,
        removed: true,
      });
      await nothingReceived();
    } finally {
      await rm(join(files.script, '..'), { recursive: true, force: true });
    }
  });

  it('root, finding the binding from a copy of the wizard under /tmp, refuses the planted one (no keychain rather than theirs)', async () => {
    const tree = await mkdtemp('/tmp/pgw-wizard-under-tmp-');
    try {
      await chmod(tree, 0o755);
      await writeFile(join(tree, 'package.json'), '{ "type": "module" }\n');
      await copyFile(
        fileURLToPath(new URL('../../../src/system/keyring-binding.js', import.meta.url)),
        join(tree, 'keyring-binding.js'),
      );
      const copy = (await import(
        pathToFileURL(join(tree, 'keyring-binding.js')).href
      )) as typeof import('../../../src/system/keyring-binding.js');
      assert.equal(await copy.installedKeyringBinding(), undefined);
      assert.equal(await copy.loadInstalledKeyring(), undefined);
      await nothingReceived();
    } finally {
      await rm(tree, { recursive: true, force: true });
    }
  });

  it('the wizard under sudo stores the password in their keychain, and the planted module never sees it', async () => {
    const sudoEnv = {
      SUDO_USER: victim.name,
      SUDO_UID: String(victim.uid),
      SUDO_GID: String(victim.gid),
      SUDO_COMMAND: '/usr/bin/npx postfix-gmail-wizard',
      ...desktop.env,
    };
    const run = await runWizard([...lab.args(), '--yes', '--json', '--no-test', '--account', A, '--password-stdin'], {
      stdin: `${PW}\n`,
      env: sudoEnv,
      secret: PW,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { keychain?: string }).keychain, 'stored');
    // The wizard keys entries by account and relay (flow/keychain/keychain-state.ts); the lab's relay is not smtp.gmail.com:587.
    assert.equal(await lookup(`${A} [localhost]:${lab.gmail.port}`), PW);
    assert.deepEqual(run.leaks, []);
    await nothingReceived();
  });
});
