// restore decides which files hold a password by their role, not their name
// (issue 11, item 4): the map the backup's main.cf names as
// smtp_sasl_password_maps, whatever it is called, and its compiled forms,
// are never shown in the plan and are put back root-only (0600).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';

const id = '20261128T085900000Z';
const dir = `/var/backups/postfix-gmail-wizard/${id}`;
const password = 'renamedmapsecret';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function machineWithBackup(name: string): FakeSystem {
  const sys = new FakeSystem();
  installFakePostfix(sys);
  const files: [string, Buffer, number][] = [
    [
      '/etc/postfix/main.cf',
      Buffer.from(`${sys.text('/etc/postfix/main.cf')}\nsmtp_sasl_password_maps = hash:/etc/postfix/${name}\n`),
      0o644,
    ],
    [`/etc/postfix/${name}`, Buffer.from(`# old map\n[smtp.gmail.com]:587 old@gmail.com:${password}\n`), 0o644],
    [`/etc/postfix/${name}.db`, Buffer.from(`\0binary ${password}\0`), 0o644],
  ];
  const entries = files.map(([path, bytes, mode], index) => {
    const copy = `${index}-${path.split('/').pop()}`;
    sys.put(`${dir}/${copy}`, bytes, 0o600);
    return { path, existed: true, mode, uid: 0, gid: 0, sha256: sha(bytes), copy };
  });
  sys.put(
    `${dir}/manifest.json`,
    JSON.stringify({ id, dir, createdAt: '2026-11-28T08:59:00.000Z', reason: 'setup', entries }),
    0o600,
  );
  return sys;
}

for (const name of ['gmail_auth', 'saslpass.cf'])
  describe(`restore: a renamed password map (${name}) is a secret too`, () => {
    it('--dry-run never prints a line of it: it is a text file with its lines hidden', async () => {
      const sys = machineWithBackup(name);
      const run = await runCli(sys, ['restore', id, '--dry-run']);
      assert.equal(run.exit, 0, run.stderr);
      assert.match(run.stdout, /2 lines, hidden/);
      assert.doesNotMatch(run.stdout + run.stderr, new RegExp(password));
      assert.doesNotMatch(run.stdout, /old@gmail\.com/);
    });

    it('is put back 0600, its compiled form too, whatever mode the backup recorded', async () => {
      const sys = machineWithBackup(name);
      const run = await runCli(sys, ['restore', id, '--yes', '--json']);
      assert.equal(run.exit, 0, run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, new RegExp(password));
      assert.equal(sys.files.get(`/etc/postfix/${name}`)?.mode, 0o600);
      assert.equal(sys.files.get(`/etc/postfix/${name}.db`)?.mode, 0o600);
      assert.equal(sys.files.get('/etc/postfix/main.cf')?.mode, 0o644, 'other files keep their mode');
    });
  });

describe('restore --list', () => {
  // At 80 columns the ids were lost among the wrapped paths: each backup's id and reason on a line of
  // its own, its files below it, indented, by name within their folder.
  it('one line per backup with its id and reason, the files indented under it', async () => {
    const sys = machineWithBackup('sasl_passwd');
    const run = await runCli(sys, ['restore', '--list']);
    assert.equal(run.exit, 0, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(`\\n {3}${id} {2}setup\\n {3} {4}/etc/postfix: main\\.cf, sasl_passwd, sasl_passwd\\.db\\n`),
    );
  });
});
