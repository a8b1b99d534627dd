// `remove` puts back what setup's TLS fixes took out (issue 12), on Debian's
// real Postfix (a private instance) and a fake Gmail on loopback: a master.cf
// `-o smtp_tls_security_level=encrypt` (and a second -o) on the relaying
// service, and a smtp_tls_policy_maps entry for the relay with a continuation
// line. Setup takes them out; remove brings back `postconf -P`, `postconf -n`,
// the table's source byte for byte and its compiled content. Where a person
// changed one of them after the setup, remove leaves that edit and says so.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';
const accounts = { [ACCOUNT]: { password: PASSWORD } };

interface Snapshot {
  master: string;
  main: string;
  source: string;
  compiled: string;
}

for (const edited of [false, true]) {
  describe(`remove after setup took out TLS overrides${edited ? ', with both edited by hand in between' : ''}`, {
    skip: postfixSkipReason(),
  }, () => {
    let lab: RelayLab;
    let policyPath: string;
    let key: string;
    let pristine: Snapshot;
    const snapshot = async (): Promise<Snapshot> => ({
      master: await lab.postfix.postconf('-P'),
      main: await lab.postfix.postconf('-n'),
      source: await readFile(policyPath, 'utf8'),
      // The compiled table as smtp(8) reads it, sorted: postmap -s prints in hash order.
      compiled: (await execFileP('postmap', ['-c', lab.postfix.configDir, '-s', `hash:${policyPath}`])).stdout
        .split('\n')
        .sort()
        .join('\n'),
    });
    const setup = () =>
      runWizard(
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
        { stdin: `${PASSWORD}\n`, secret: PASSWORD },
      );
    const remove = () =>
      runWizard([
        'remove',
        '--config-dir',
        lab.postfix.configDir,
        '--backup-dir',
        join(lab.postfix.base, 'backups'),
        '--state-dir',
        join(lab.postfix.base, 'state'),
        '--yes',
        '--json',
      ]);

    before(async () => {
      lab = await startRelayLab(`e2e-remove-tls${edited ? '-edited' : ''}`, accounts, { start: false });
      policyPath = join(lab.postfix.configDir, 'tls_policy');
      key = `[localhost]:${lab.gmail.port}`;
      await writeFile(
        policyPath,
        `# from an old recipe\n${key} encrypt\n    protocols=!SSLv2,!SSLv3\nexample.net may\n`,
        { mode: 0o640 },
      );
      await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${policyPath}`]);
      await lab.postfix.postconf('-e', `smtp_tls_policy_maps=hash:${policyPath}`, 'smtp_tls_security_level=may');
      await lab.postfix.postconf(
        '-P',
        'smtp/unix/smtp_tls_security_level=encrypt',
        'smtp/unix/smtp_sasl_security_options=noanonymous',
      );
      await lab.postfix.start();
      pristine = await snapshot();
    });
    after(async () => lab?.close());

    it('setup takes the overrides out, delivers, and records them for remove', async () => {
      const run = await setup();
      assert.equal(run.code, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).result, 'delivered');
      assert.deepEqual(run.leaks, []);
      const now = await snapshot();
      assert.doesNotMatch(now.master, /^smtp\/unix\/smtp_(tls_security_level|sasl_security_options) = /m);
      assert.equal(now.source, '# from an old recipe\nexample.net may\n');
      const saved = await readFile(join(lab.postfix.configDir, 'postfix-gmail-wizard.saved'), 'utf8');
      assert.match(saved, /^master\.cf smtp\/unix\/smtp_tls_security_level = encrypt$/m);
      assert.match(saved, /^master\.cf smtp\/unix\/smtp_sasl_security_options = noanonymous$/m);
      assert.match(
        saved,
        new RegExp(
          `^table hash:${policyPath} \\[localhost\\]:${lab.gmail.port} written [0-9a-f]{64}\\n  line 2: \\[localhost\\]:${lab.gmail.port} encrypt\\n  line 3:     protocols=!SSLv2,!SSLv3$`,
          'm',
        ),
      );
      assert.doesNotMatch(saved, new RegExp(PASSWORD));
    });

    if (!edited) {
      it('remove puts back postconf -P, postconf -n and the table (source byte for byte, compiled content) as they were before setup', async () => {
        const run = await remove();
        assert.equal(run.code, 0, run.stderr);
        const outcome = JSON.parse(run.stdout);
        assertOutcomeSchema(outcome);
        assert.equal(outcome.result, 'removed');
        assert.deepEqual(outcome.warnings, []);
        assert.ok(outcome.changed.commands.includes('postconf -P'), JSON.stringify(outcome.changed));
        assert.ok(outcome.changed.files.includes(policyPath));
        assert.deepEqual(await snapshot(), pristine);
        assert.equal(
          (await execFileP('postfix', ['-c', lab.postfix.configDir, 'check'])).stderr,
          '',
          'postfix check has nothing to say',
        );
      });

      it('a second remove has nothing left to put back', async () => {
        const run = await remove();
        assert.equal(run.code, 0, run.stderr);
        assert.equal(JSON.parse(run.stdout).result, 'unchanged');
        assert.deepEqual(await snapshot(), pristine);
      });
    } else {
      it('an -o and a table entry set by hand after setup stay as the person left them; remove says so, and puts back the rest', async () => {
        await lab.postfix.postconf('-P', 'smtp/unix/smtp_tls_security_level=verify');
        await writeFile(policyPath, `# from an old recipe\nexample.net may\n${key} secure\n`, { mode: 0o640 });
        await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${policyPath}`]);
        const run = await remove();
        assert.equal(run.code, 0, run.stderr);
        const outcome = JSON.parse(run.stdout);
        assertOutcomeSchema(outcome);
        assert.equal(outcome.result, 'removed');
        assert.equal(outcome.warnings.length, 2, JSON.stringify(outcome.warnings));
        assert.match(
          outcome.warnings.join('\n'),
          /master\.cf smtp\/unix\/smtp_tls_security_level was not put back to "encrypt": it says "verify" now/,
        );
        assert.match(
          outcome.warnings.join('\n'),
          new RegExp(
            `not put back into hash:${policyPath}: it has another entry for \\[localhost\\]:${lab.gmail.port} now \\("\\[localhost\\]:${lab.gmail.port} secure"\\)`,
          ),
        );
        for (const warning of outcome.warnings) assert.ok(run.stderr.includes(warning), 'said on screen too');
        const now = await snapshot();
        assert.match(now.master, /^smtp\/unix\/smtp_tls_security_level = verify$/m);
        assert.match(
          now.master,
          /^smtp\/unix\/smtp_sasl_security_options = noanonymous$/m,
          'the -o nobody touched is back',
        );
        assert.equal(now.source, `# from an old recipe\nexample.net may\n${key} secure\n`);
        assert.equal(now.main, pristine.main, 'main.cf as before setup');
      });
    }
  });
}
