// Runs inside `unshare -m -n` (started by test/e2e/doctor/sasl-plugins-missing.e2e.test.ts): a lab
// set up by the wizard; then an empty tmpfs over Cyrus SASL's plugin directory (the one the wizard's
// detection finds, src/distro/debian.ts) — in this mount namespace only — and Postfix restarted, so
// its smtp(8) really finds no mechanism. Cron's mail is deferred ("no mechanism available"), doctor
// runs without and with --fix; then the plugins come back (as installing libsasl2-modules would),
// Postfix is restarted, the queue flushed, and doctor runs again. Prints one JSON document.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { debian } from '../../src/distro/debian.js';
import { doctor, fingerprint, sendmail, setUpRelay } from './doctor-lab.js';
import { enterNamespaces, report } from './netns.js';
import { startRelayLab } from './relay-lab.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'nomechnomechnome';

async function pluginDir(): Promise<string> {
  for (const dir of debian.saslPluginDirs) {
    if ((await readdir(dir).catch(() => [] as string[])).some((n) => /^libplain\.so/.test(n))) return dir;
  }
  throw new Error(`no Cyrus SASL PLAIN plugin in ${debian.saslPluginDirs.join(', ')}`);
}

report(async () => {
  await enterNamespaces();
  const dir = await pluginDir();
  const lab = await startRelayLab('doctor-sasl', { [ACCOUNT]: { password: PASSWORD } });
  try {
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    const healthy = await doctor(lab, [], PASSWORD);
    await execFileP('mount', ['-t', 'tmpfs', '-o', 'mode=0755,size=64k', 'pgw-no-sasl-plugins', dir]);
    const hidden = await readdir(dir);
    await lab.postfix.stop();
    await lab.postfix.start();
    await sendmail(lab.postfix, 'cron@example.com');
    const [logged] = await lab.postfix.waitForLog(
      /to=<cron@example\.com>.*status=deferred \(SASL authentication failed; cannot authenticate to server [^)]*no mechanism available\)/,
      60_000,
    );
    const before = await fingerprint(lab.postfix);
    const found = await doctor(lab, [], PASSWORD);
    const unchanged = JSON.stringify(await fingerprint(lab.postfix)) === JSON.stringify(before);
    const fixed = await doctor(lab, ['--fix', '--yes'], PASSWORD);
    const unchangedByFix = JSON.stringify(await fingerprint(lab.postfix)) === JSON.stringify(before);
    // The plugins are back; Postfix's processes load them when they start again (a restart: after a
    // reload an smtp(8) started without them may still take the next delivery).
    await execFileP('umount', [dir]);
    await lab.postfix.stop();
    await lab.postfix.start();
    await execFileP('postqueue', ['-c', lab.postfix.configDir, '-f']);
    const delivered = (await lab.gmail.waitForMessage(60_000)).rcptTo;
    const after = await doctor(lab, [], PASSWORD);
    return {
      dir,
      hidden,
      logged,
      healthy: healthy.outcome,
      found: found.outcome,
      unchanged,
      fixed: fixed.outcome,
      fixedStderr: fixed.stderr,
      unchangedByFix,
      delivered,
      after: after.outcome,
    };
  } finally {
    await execFileP('umount', [dir]).catch(() => {}); // the namespace goes with this process anyway
    await lab.close();
  }
});
