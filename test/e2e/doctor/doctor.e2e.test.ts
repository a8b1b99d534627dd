// doctor on the relay of the classic hand-made recipe (../shared/seed/, issue 14), against Debian's
// real Postfix (a private instance) and a fake Gmail on loopback: smtp_use_tls, smtp_tls_CApath naming
// a file, hash:saslpass and its .db world-readable, and an app password Google has since revoked, so
// cron's mail waits with 535-5.7.8. doctor must name each problem and change nothing; --fix repairs what
// it can as one transaction; after setup with a new app password, doctor finds nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { codes, doctor, fingerprint, sendmail } from '../../support/doctor-lab.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'cron.sender@gmail.com';
const REVOKED = 'oldoldoldoldoldo';
const NEW = 'newnewnewnewnewn';
const skip = postfixSkipReason();

describe('doctor: the hand-made recipe of ../shared/seed/', { skip }, () => {
  let lab: RelayLab;
  let saslpass: string;

  before(async () => {
    lab = await startRelayLab('doctor-seed', { [ACCOUNT]: { password: NEW } }, { start: false });
    const dir = lab.postfix.configDir;
    saslpass = join(dir, 'saslpass');
    // The recipe, step by step: main.cf, the password file with the default umask, postmap.
    await lab.postfix.postconf(
      '-e',
      `relayhost=[localhost]:${lab.gmail.port}`,
      'smtp_use_tls=yes',
      'smtp_sasl_auth_enable=yes',
      `smtp_sasl_password_maps=hash:${saslpass}`,
      'smtp_sasl_tls_security_options=noanonymous',
      'smtp_sasl_mechanism_filter=plain',
      `smtp_tls_CApath=${lab.ca.caPath}`,
      'default_transport=smtp',
      'relay_transport=relay',
    );
    await writeFile(saslpass, `[localhost]:${lab.gmail.port} ${ACCOUNT}:${REVOKED}\n`);
    await chmod(saslpass, 0o644);
    await execFileP('postmap', ['-c', dir, `hash:${saslpass}`]);
    await chmod(`${saslpass}.db`, 0o644);
    await lab.postfix.start();
    await sendmail(lab.postfix, 'admin@example.com');
    await lab.postfix.waitForLog(/status=deferred \(SASL authentication failed.*535/, 60_000);
  });
  after(async () => {
    await lab?.close();
  });

  it('names every problem, with evidence and never the password, and changes nothing', async () => {
    const before = await fingerprint(lab.postfix);
    const run = await doctor(lab, [], REVOKED);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.outcome.result, 'problems');
    const found = codes(run.outcome);
    for (const code of [
      'password-file-readable',
      'obsolete-settings',
      'tls-unverified',
      'login-refused',
      'deferred-auth',
    ]) {
      assert.ok(found.includes(code), `${code} in ${found.join(', ')}`);
    }
    const readable = run.outcome.doctor.problems.find((p) => p.code === 'password-file-readable')!;
    assert.deepEqual(readable.evidence.sort(), [`${saslpass} mode 0644`, `${saslpass}.db mode 0644`]);
    assert.equal(readable.fixable, true);
    const obsolete = run.outcome.doctor.problems.find((p) => p.code === 'obsolete-settings')!;
    assert.ok(
      obsolete.evidence.some((e) => e.includes('smtp_use_tls = yes')) &&
        obsolete.evidence.some((e) => e.includes('smtp_tls_CApath')),
      obsolete.evidence.join('; '),
    );
    const deferred = run.outcome.doctor.problems.find((p) => p.code === 'deferred-auth')!;
    assert.match(deferred.evidence.join('\n'), /535.5\.7\.8/);
    assert.match(deferred.fix, /app password/);
    assert.equal(deferred.fixable, false);
    assert.deepEqual(await fingerprint(lab.postfix), before, 'nothing changed without --fix');
  });

  it('--fix repairs the fixable ones as one transaction; what needs a new password remains (exit 1)', async () => {
    const run = await doctor(lab, ['--fix', '--yes'], REVOKED);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.outcome.result, 'problems');
    assert.deepEqual([...(run.outcome.doctor.fixed ?? [])].sort(), [
      'obsolete-settings',
      'password-file-readable',
      'tls-unverified',
    ]);
    assert.deepEqual(codes(run.outcome).sort(), ['deferred-auth', 'login-refused']);
    for (const path of [saslpass, `${saslpass}.db`]) assert.equal((await stat(path)).mode & 0o777, 0o600, path);
    const explicit = await lab.postfix.postconf('-n');
    assert.doesNotMatch(explicit, /^smtp_use_tls|^smtp_tls_CApath/m);
    assert.match(explicit, /^smtp_tls_security_level = secure$/m);
    assert.match(explicit, new RegExp(`^smtp_tls_CAfile = ${lab.ca.caPath}$`, 'm'));
  });

  it('after setup with a new app password, the deferred mail goes out and doctor finds nothing (exit 0)', async () => {
    const setup = await runWizard(
      [
        ...lab.args(),
        '--account',
        ACCOUNT,
        '--password-stdin',
        '--to',
        'friend@example.com',
        '--no-keychain',
        '--yes',
        '--json',
        '--wait',
        '60',
      ],
      { stdin: `${NEW}\n`, secret: NEW },
    );
    assert.equal(setup.code, 0, setup.stderr);
    // The test message and cron's, in either order.
    const arrived = [await lab.gmail.waitForMessage(60_000), await lab.gmail.waitForMessage(60_000)].map((m) =>
      m.rcptTo.join(','),
    );
    assert.deepEqual(arrived.sort(), ['admin@example.com', 'friend@example.com']);
    const before = await fingerprint(lab.postfix);
    const run = await doctor(lab, [], NEW);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(run.outcome.result, 'healthy');
    assert.deepEqual(run.outcome.doctor.problems, []);
    assert.deepEqual(await fingerprint(lab.postfix), before);
  });
});
