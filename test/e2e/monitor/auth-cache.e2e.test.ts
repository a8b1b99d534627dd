// Postfix that does not hammer Gmail (issue 24, part 3), on Debian's real Postfix with the Gmail
// double: setup sets smtp_sasl_auth_cache_name/_time and smtp_tls_mandatory_protocols; once the double
// refuses the password, retries of the queue do not log in again (the logins are counted at the
// double) — and setup with a new password gets the waiting mail out at once; remove takes them out.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { sendmail, setUpRelay } from '../../support/doctor-lab.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'cached@gmail.com';
const OLD = 'oldoldoldoldoldo';
const NEW = 'newnewnewnewnewn';

describe('the SASL auth cache and TLS 1.2 on a real Postfix', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  const accounts = { [ACCOUNT]: { password: OLD } };
  const postconf = async (name: string) =>
    (await execFileP('postconf', ['-c', lab.postfix.configDir, '-h', name])).stdout.trim();
  const refused = () => lab.gmail.auths.filter((a) => !a.accepted && a.password === OLD).length;

  before(async () => {
    lab = await startRelayLab('auth-cache', accounts);
    await setUpRelay(lab, ACCOUNT, OLD);
  });
  after(async () => {
    await lab?.close();
  });

  it('setup sets both, and status shows them', async () => {
    const dataDir = await postconf('data_directory');
    assert.equal(await postconf('smtp_sasl_auth_cache_name'), `proxy:hash:${dataDir}/sasl_auth_cache`);
    assert.equal(await postconf('smtp_sasl_auth_cache_time'), '1d');
    assert.equal(await postconf('smtp_tls_mandatory_protocols'), '>=TLSv1.2');
    const status = await runWizard(['status', '--config-dir', lab.postfix.configDir]);
    assert.match(status.stdout, /TLS protocols: >=TLSv1\.2/);
    assert.match(
      status.stdout,
      new RegExp(`Refused logins: remembered in proxy:hash:${dataDir}/sasl_auth_cache for 1d`),
    );
  });

  it('a refused password is not tried again while the queue is retried', async () => {
    accounts[ACCOUNT].password = 'revokedrevokedre'; // Google revoked the app password
    await sendmail(lab.postfix, 'admin@example.com');
    // [localhost] is 127.0.0.1 and ::1 where /etc/hosts says so (Debian's does): the second address is
    // answered from the cache at once, so the first deferral may already read "SASL [CACHED] …".
    await lab.postfix.waitForLog(
      /to=<admin@example\.com>.*status=deferred \(SASL (?:\[CACHED\] )?authentication failed.*535/,
      60_000,
    );
    const logins = refused();
    assert.equal(logins, 1, 'one login with the revoked password');
    // Each flush is a retry: smtp(8) answers from the cache ("SASL [CACHED] authentication failed").
    const cachedSoFar = (await lab.postfix.readLog()).split('SASL [CACHED] authentication failed').length - 1;
    for (const n of [1, 2, 3]) {
      await execFileP('postqueue', ['-c', lab.postfix.configDir, '-f']);
      const times = cachedSoFar + n;
      await lab.postfix.waitForLog(
        new RegExp(`(?:[\\s\\S]*SASL \\[CACHED\\] authentication failed){${times}}`),
        60_000,
      );
    }
    assert.equal(refused(), logins, 'no further login with the refused password');
  });

  it('setup with a new password: its flush gets the waiting mail out at once', async () => {
    accounts[ACCOUNT].password = NEW;
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
        '--wait',
        '60',
      ],
      { stdin: `${NEW}\n`, secret: NEW },
    );
    assert.equal(setup.code, 0, setup.stdout + setup.stderr);
    const arrived = new Set<string>();
    while (!arrived.has('admin@example.com'))
      for (const r of (await lab.gmail.waitForMessage(60_000)).rcptTo) arrived.add(r);
    assert.ok(lab.gmail.auths.some((a) => a.accepted && a.password === NEW));
  });

  it('remove takes them out again', async () => {
    const base = lab.postfix.base;
    const run = await runWizard([
      'remove',
      '--yes',
      '--config-dir',
      lab.postfix.configDir,
      '--backup-dir',
      join(base, 'backups'),
      '--state-dir',
      join(base, 'state'),
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const explicit = (await execFileP('postconf', ['-c', lab.postfix.configDir, '-n'])).stdout;
    assert.doesNotMatch(explicit, /smtp_sasl_auth_cache|smtp_tls_mandatory_protocols/);
  });
});
