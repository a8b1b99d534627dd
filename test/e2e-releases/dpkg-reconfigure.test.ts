// What Debian's own tools do after the wizard (issue 21), on a release's real Postfix in a chroot:
// `dpkg-reconfigure postfix` answered again (an admin changing the mail name) runs the postinst,
// which writes debconf's answers back into main.cf. The wizard keeps those answers in step with what
// it configured, so the relay stays and mail still leaves through the account; an upgrade's
// postinst changes nothing; remove puts Debian's answers back; and where the answers were not in
// step (a setup by an older version), doctor names the relay taken out and --fix puts it back.
// Debian 12 on every run; PGW_RELEASES=bullseye,trixie,sid (npm run combos:releases) for the others.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chrootSkipReason, createDebianChroot, mustRun, type DebianChroot } from '../support/debian-chroot.js';
import { startFakeGmail, type FakeGmail } from '../support/fake-gmail.js';
import { holdPort25 } from '../support/port25-lock.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';

const releases = (process.env.PGW_RELEASES ?? 'bookworm').split(',').filter(Boolean);
const ACCOUNT = 'you@gmail.com';
const PASSWORD = 'reconfigurereconf';
/** The questions Debian's config script marks changed when a person answers them (postinst's fset_all_changed). */
const questions = ['main_mailer_type', 'root_address', 'destinations', 'mailname', 'relayhost', 'mynetworks'];

for (const release of releases) {
  describe(`Debian ${release}: dpkg-reconfigure postfix and upgrades after the wizard`, {
    skip: chrootSkipReason(),
  }, () => {
    let tmp: string;
    let ca: TestCa;
    let gmail: FakeGmail;
    let machine: DebianChroot;
    let release25: () => void;
    before(async () => {
      tmp = await mkdtemp(`/tmp/pgw-reconfigure-${release}-`);
      ca = await createTestCa(join(tmp, 'ca'));
      gmail = await startFakeGmail({
        cert: ca.certPem,
        key: ca.keyPem,
        accounts: { [ACCOUNT]: { password: PASSWORD } },
      });
      release25 = await holdPort25();
      machine = await createDebianChroot(release);
      await copyFile(ca.caPath, join(machine.root, 'etc/ssl/pgw-test-ca.pem'));
    });
    after(async () => {
      await machine?.destroy();
      release25?.();
      await gmail?.close();
      await rm(tmp, { recursive: true, force: true });
    });

    const wizard = async (args: string[], input?: string) => {
      const run = await machine.wizard([...args, '--json'], { input });
      return { ...run, outcome: JSON.parse(run.stdout || '{}') as Record<string, any> };
    };
    const setup = () =>
      wizard(
        [
          '--account',
          ACCOUNT,
          '--password-stdin',
          '--yes',
          '--relay',
          `localhost:${gmail.port}`,
          '--ca-file',
          '/etc/ssl/pgw-test-ca.pem',
          '--no-keychain',
          '--no-test',
        ],
        `${PASSWORD}\n`,
      );
    const answers = async () => {
      const shown = (await mustRun(machine.run, ['debconf-show', 'postfix'])).stdout;
      const get = (q: string) => new RegExp(`^[* ] postfix/${q}:[ ]?(.*)$`, 'm').exec(shown)?.[1]?.trim();
      return { mailerType: get('main_mailer_type'), relayhost: get('relayhost') };
    };
    const settings = async (...names: string[]) =>
      (await mustRun(machine.run, ['postconf', '-h', ...names])).stdout.replace(/\n$/, '').split('\n');
    /**
     * A person answering `dpkg-reconfigure postfix` again, every answer as debconf offers it but the
     * mail name: the config script marks each question it asked changed, then the postinst writes
     * the answers into main.cf (and the init script would reload; the chroot blocks it, so we do).
     */
    const reanswer = async (mailname: string) => {
      await mustRun(machine.run, ['debconf-set-selections'], `postfix postfix/mailname string ${mailname}\n`);
      const flags = questions.map((q) => `FSET postfix/${q} changed true\n`).join('');
      await mustRun(machine.run, ['debconf-communicate', 'postfix'], flags);
      await mustRun(machine.run, ['dpkg-reconfigure', '-fnoninteractive', 'postfix']);
      await mustRun(machine.run, ['postfix', 'reload']);
    };
    const mailGoesOut = async (subject: string) => {
      await mustRun(machine.run, ['sendmail', '-i', 'friend@example.com'], `Subject: ${subject}\n\ncron\n`);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const message = gmail.messages.find((m) => m.headers.subject === subject);
        if (message) return message;
        if (Date.now() > deadline) {
          const log = await machine.run(['tail', '-5', '/var/log/postfix.log']);
          assert.fail(`"${subject}" never reached the relay:\n${log.stdout}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    let pristine: { mailerType?: string; relayhost?: string };
    let relayhost: string;

    it('setup puts debconf in step: the mailer type that keeps main.cf, and its relayhost', async () => {
      pristine = await answers();
      assert.equal(pristine.mailerType, 'Local only');
      const run = await setup();
      assert.equal(run.code, 0, run.stderr);
      relayhost = (await settings('relayhost'))[0] ?? '';
      assert.deepEqual(await answers(), { mailerType: 'Satellite system', relayhost });
      assert.match(run.stderr, /Satellite system/);
    });

    it('dpkg-reconfigure answered again (a new mail name): the relay stays, mail leaves through the account', async () => {
      await reanswer('renamed.example');
      assert.equal((await machine.run(['cat', '/etc/mailname'])).stdout.trim(), 'renamed.example', 'the postinst ran');
      assert.deepEqual(await settings('relayhost', 'default_transport', 'relay_transport'), [
        relayhost,
        'smtp',
        'relay',
      ]);
      assert.equal((await mailGoesOut('after reconfigure')).user, ACCOUNT);
      const doctor = await wizard(['doctor']);
      assert.ok(!JSON.stringify(doctor.outcome).includes('relay-taken-out'), doctor.stdout);
    });

    it("a package upgrade's postinst (noninteractive) changes nothing", async () => {
      const before = (await mustRun(machine.run, ['postconf', '-n'])).stdout;
      await mustRun(machine.run, ['dpkg-reconfigure', '-fnoninteractive', 'postfix']);
      assert.equal((await mustRun(machine.run, ['postconf', '-n'])).stdout, before);
    });

    it("remove puts Debian's answers back", async () => {
      const run = await wizard(['remove', '--yes']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(await answers(), pristine);
      assert.deepEqual(await settings('relayhost', 'default_transport'), ['', 'error']);
    });

    it('answers left out of step (a setup by an older version): doctor names the relay taken out, --fix puts it back', async () => {
      assert.equal((await setup()).code, 0);
      await mustRun(
        machine.run,
        ['debconf-set-selections'],
        'postfix postfix/main_mailer_type select Local only\npostfix postfix/relayhost string \n',
      );
      await reanswer('again.example');
      assert.deepEqual(
        await settings('relayhost', 'default_transport'),
        ['', 'error'],
        'the postinst took the relay out',
      );
      const found = await wizard(['doctor']);
      assert.equal(found.code, 1, found.stdout);
      const codes = (found.outcome.doctor.problems as { code: string }[]).map((p) => p.code);
      assert.ok(codes.includes('relay-taken-out'), codes.join(', '));
      const fixed = await wizard(['doctor', '--fix', '--yes']);
      // What stays is the chroot's own: localhost is ::1 too there, and the fake Gmail listens on IPv4 only.
      assert.deepEqual(fixed.outcome.doctor.fixed, ['relay-taken-out', 'relay-bypassed'], fixed.stdout);
      assert.deepEqual(await settings('relayhost', 'default_transport', 'relay_transport'), [
        relayhost,
        'smtp',
        'relay',
      ]);
      assert.deepEqual(await answers(), { mailerType: 'Satellite system', relayhost }, 'and debconf in step again');
      assert.equal((await mailGoesOut('after doctor --fix')).user, ACCOUNT);
    });
  });
}
