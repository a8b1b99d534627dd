// The fake Postfix's contract (fake-postfix.ts, which 38 flow test files run on): the same edits go
// through the real postconf/postmap of this machine (Postfix 3.7, Debian 12) on a temporary config
// dir (`postconf -c DIR`) and through the fake on the same paths, and the same files and answers
// must come out — main.cf and master.cf byte for byte, `postconf -n`, `-P`, `-M`, `-F`, a parameter's
// value, postmap's compiled modes and `-q`/`-s` answers, and which configurations `postfix check`
// refuses. A difference here is a flow test that could pass on a Postfix that does not exist.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { installFakePostfix } from './fake-postfix.js';
import { FakeSystem } from './fake-system.js';
import { repoPath } from './paths.js';

const stockMain = await readFile(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8');
const stockMaster = await readFile(repoPath('test', 'fixtures', 'debian-12', 'master.cf'), 'utf8');
const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

interface Answer {
  ok: boolean;
  stdout: string;
}
function real(file: string, args: string[]): Promise<Answer> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C' } }, (error, stdout) =>
      resolve({ ok: !error, stdout }),
    );
  });
}

/** A real config dir and a fake Postfix on the same paths, both starting from the same two files. */
async function twins(mainCf = stockMain, masterCf = stockMaster) {
  const dir = await mkdtemp(join(tmpdir(), 'pgw-contract-'));
  dirs.push(dir);
  await writeFile(join(dir, 'main.cf'), mainCf);
  await writeFile(join(dir, 'master.cf'), masterCf);
  const sys = new FakeSystem();
  installFakePostfix(sys, { configDir: dir, mainCf });
  sys.put(join(dir, 'master.cf'), masterCf);
  /** Runs one command on both; asserts the same success and output; returns it. */
  const both = async (file: string, ...args: string[]) => {
    const fromReal = await real(file, args);
    const fake = await sys.exec(file, args);
    assert.deepEqual({ ok: fake.exitCode === 0, stdout: fake.stdout }, fromReal, `${file} ${args.join(' ')}`);
    return fromReal;
  };
  const postconf = (...args: string[]) => both('postconf', '-c', dir, ...args);
  /** The files byte for byte, and what postconf says of them. */
  const same = async () => {
    for (const name of ['main.cf', 'master.cf'])
      assert.equal(sys.text(join(dir, name)), await readFile(join(dir, name), 'utf8'), name);
    for (const view of ['-n', '-P', '-M']) await postconf(view);
  };
  return { dir, sys, both, postconf, same };
}

const multiLine = (text: string) =>
  text.replace(
    /^smtpd_relay_restrictions = .*$/m,
    'smtpd_relay_restrictions = permit_mynetworks\n    permit_sasl_authenticated\n# a comment inside it\n\tdefer_unauth_destination',
  );

describe('fake Postfix contract: main.cf (postconf -c DIR, -n, -e, -X)', () => {
  it('a parameter on continuation lines reads as one value, whitespace folded', async () => {
    const t = await twins(multiLine(stockMain));
    await t.same();
    const value = await t.postconf('smtpd_relay_restrictions');
    assert.equal(
      value.stdout,
      'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination\n',
    );
  });

  it('-e replaces a multi-line parameter whole (the comment inside stays), edits in place, appends new ones', async () => {
    const t = await twins(multiLine(stockMain));
    await t.postconf('-e', 'smtpd_relay_restrictions=permit_mynetworks reject', 'relayhost=[smtp.gmail.com]:587');
    await t.postconf('-e', 'smtp_tls_security_level = secure ');
    await t.postconf('-e', 'smtp_sasl_password_maps=hash:/etc/postfix/sasl_passwd', 'relayhost=');
    await t.same();
  });

  it('several new parameters in one -e: the same lines at the end, in an order Postfix 3.7 varies run to run', async () => {
    // Its hash table has a per-process random seed: `postconf -e c=3 a=1 b=2` appends them in any order.
    const t = await twins();
    const names = ['smtp_tls_security_level', 'mydomain', 'smtp_sasl_auth_enable', 'biff', 'relayhost'];
    await t.postconf('-e', ...names.map((n) => `${n}=x`));
    const [fake, fromReal] = [t.sys.text(join(t.dir, 'main.cf'))!, await readFile(join(t.dir, 'main.cf'), 'utf8')];
    const tail = (text: string) => text.trimEnd().split('\n').slice(-3);
    assert.deepEqual(tail(fake).sort(), tail(fromReal).sort());
    assert.equal(
      fake.trimEnd().split('\n').slice(0, -3).join('\n'),
      fromReal.trimEnd().split('\n').slice(0, -3).join('\n'),
    );
    for (const view of ['-n', '-P', '-M']) await t.postconf(view);
  });

  it('-X takes a multi-line parameter out with all its lines; duplicates all go; -e on a duplicate sets both', async () => {
    const t = await twins(`${multiLine(stockMain)}myhostname = twice\n  continued\n`);
    await t.same();
    await t.postconf('-e', 'myhostname=once');
    await t.same();
    await t.postconf('-X', 'smtpd_relay_restrictions', 'no_such_parameter_here');
    await t.same();
    await t.postconf('-X', 'myhostname');
    await t.same();
  });

  it('a multi-line value is refused; an unknown parameter is neither listed nor printed', async () => {
    const t = await twins(`${stockMain}my_own_thing = 1\n`);
    const refused = await t.postconf('-e', 'relayhost=a\nb');
    assert.equal(refused.ok, false);
    await t.same();
    await t.postconf('my_own_thing', 'relayhost', 'mail_version');
  });
});

describe('fake Postfix contract: master.cf (postconf -M, -P, -PX, -F)', () => {
  it('-P sets an -o (new on smtp/unix, replaced on relay/unix), -PX takes one out, both rewrite the entry as postconf does', async () => {
    const t = await twins();
    await t.postconf('-P', 'smtp/unix/smtp_tls_security_level=may', 'relay/unix/syslog_name=postfix/relay');
    await t.same();
    await t.postconf('-P', 'relay/unix/smtp_tls_wrappermode=yes');
    await t.same();
    await t.postconf('-PX', 'relay/unix/syslog_name', 'smtp/unix/smtp_tls_security_level');
    await t.same();
    await t.postconf('-P', 'smtp/unix/smtp_tls_security_level', 'relay/unix/smtp_tls_wrappermode');
  });

  it('a request for a service that does not exist: a warning, exit 0, nothing changes', async () => {
    const t = await twins();
    await t.postconf('-P', 'nosuch/unix/x=1');
    await t.postconf('-PX', 'nosuch/unix/x');
    await t.same();
  });

  it('-F reads the fields the wizard asks for (chroot of smtp(8)), the command with its arguments', async () => {
    const t = await twins();
    await t.postconf('-F', 'smtp/unix/chroot', 'relay/unix/command', 'smtp/inet/process_limit');
    assert.equal((await t.postconf('-F', 'smtp/unix/maxproc')).ok, false);
  });
});

describe('fake Postfix contract: master.cf entries (postconf -F name=value, -M, -MX)', () => {
  it('-F sets a field (the entry rewritten as -P rewrites it); -M replaces an entry in place or appends one', async () => {
    const t = await twins();
    await t.postconf('-F', 'smtp/unix/chroot=n', 'relay/unix/process_limit=5');
    await t.same();
    await t.postconf(
      '-M',
      'relay/unix=relay unix - - n - - smtp',
      'gmail/unix=gmail unix - - y - - smtp -o x=1 -o y=2',
    );
    await t.same();
    await t.postconf('-F', 'gmail/unix/command=smtp -o z=3');
    await t.same();
  });

  it('-MX takes entries out with their continuation lines (comments stay); an unknown one is no error', async () => {
    const t = await twins();
    await t.postconf('-MX', 'relay/unix', 'nosuch/unix');
    await t.same();
  });
});

describe('fake Postfix contract: postmap (hash and lmdb)', () => {
  for (const type of ['hash', 'lmdb']) {
    it(`${type}: compiled with the source's mode, an existing file keeps its own; -q and -s answer from what was compiled`, async () => {
      const t = await twins();
      const map = join(t.dir, 'sasl_passwd');
      const compiled = `${map}${type === 'lmdb' ? '.lmdb' : '.db'}`;
      const source = '# the relay\n[smtp.gmail.com]:587 Someone@Gmail.com:pw\nKey2 first\n  second\n';
      await writeFile(map, source, { mode: 0o600 });
      await chmod(map, 0o600);
      t.sys.put(map, source, 0o600);
      await t.both('postmap', '-c', t.dir, `${type}:${map}`);
      assert.equal((await stat(compiled)).mode & 0o777, 0o600);
      assert.equal(t.sys.files.get(compiled)?.mode, 0o600);
      await t.both('postmap', '-c', t.dir, '-q', '[smtp.gmail.com]:587', `${type}:${map}`);
      await t.both('postmap', '-c', t.dir, '-q', 'KEY2', `${type}:${map}`);
      await t.both('postmap', '-c', t.dir, '-q', 'absent', `${type}:${map}`);
      const listed = [
        await real('postmap', ['-c', t.dir, '-s', `${type}:${map}`]),
        await t.sys.exec('postmap', ['-c', t.dir, '-s', `${type}:${map}`]),
      ];
      const sorted = (text: string) => text.split('\n').sort().join('\n');
      assert.equal(sorted(listed[1]!.stdout), sorted(listed[0]!.stdout));
      // Edited without postmap: both still answer the old value. Then an existing compiled file keeps its mode.
      await writeFile(map, 'key2 changed\n');
      t.sys.put(map, 'key2 changed\n', 0o600);
      await t.both('postmap', '-c', t.dir, '-q', 'key2', `${type}:${map}`);
      await chmod(compiled, 0o644);
      t.sys.files.get(compiled)!.mode = 0o644;
      await t.both('postmap', '-c', t.dir, `${type}:${map}`);
      assert.deepEqual([(await stat(compiled)).mode & 0o777, t.sys.files.get(compiled)?.mode], [0o644, 0o644]);
      await t.both('postmap', '-c', t.dir, '-q', 'key2', `${type}:${map}`);
      await t.both('postmap', '-c', t.dir, `${type}:${join(t.dir, 'no_such_map')}`);
    });
  }
});

// Postfix 3.7's `postfix check` (as root) reads main.cf and master.cf first: a syntax error in
// either fails it; a well-formed setting with a bad value does not (it fails later, at delivery).
// Without root postfix(1) refuses to run at all: postconf -n/-M, which read the files the same way, answer.
async function check(dir: string): Promise<Answer> {
  await utimes(join(dir, 'main.cf'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000)); // no 2 s stall
  if (process.getuid?.() === 0) return real('postfix', ['-c', dir, 'check']);
  const [main, master] = [await real('postconf', ['-c', dir, '-n']), await real('postconf', ['-c', dir, '-M'])];
  return { ok: main.ok && master.ok, stdout: '' };
}

describe('fake Postfix contract: postfix check', () => {
  const cases: [string, string, string][] = [
    ['the stock files', stockMain, stockMaster],
    ['a bad value in a well-formed line', `${stockMain}smtp_tls_security_level = bogus\n`, stockMaster],
    ['a main.cf line without "="', `${stockMain}relayhost [smtp.gmail.com]:587\n`, stockMaster],
    ['a master.cf entry short of its 8 fields', stockMain, `${stockMaster}gmail unix - - y smtp\n`],
  ];
  for (const [name, mainCf, masterCf] of cases)
    it(`${name}: passes or fails on both`, async () => {
      const t = await twins(mainCf, masterCf);
      const fromReal = await check(t.dir);
      const fake = await t.sys.exec('postfix', ['-c', t.dir, 'check']);
      assert.equal(fake.exitCode === 0, fromReal.ok, fake.stderr);
    });
});
