// Runs inside `unshare -m -n` (started by test/e2e/doctor/doctor-ipv6.e2e.test.ts): a private mount and
// network namespace with only `lo`. There a lab (fake Gmail on 127.0.0.1, private Postfix) is set
// up by the wizard; then a private /etc/hosts gives localhost a second address, 2001:db8::1, which
// has no route here (ENETUNREACH) — IPv6 broken while IPv4 works. Prints one JSON document with
// doctor's three runs: before, --fix, after. A guard refuses to run outside namespaces of its own.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { doctor, fingerprint } from './doctor-lab.js';
import { guardNamespaces, privateHosts, runnerMain } from './netns.js';
import { startRelayLab } from './relay-lab.js';
import { runWizard } from './wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'ipvsixipvsixipvs';

async function main(): Promise<void> {
  const [work, parentNet, parentMnt] = process.argv.slice(2);
  if (!work || !parentNet || !parentMnt) throw new Error('usage: doctor-ipv6-runner WORK PARENT_NET PARENT_MNT');
  await guardNamespaces(parentNet, parentMnt);
  const hosts = await privateHosts(work, '127.0.0.1 localhost\n');
  const lab = await startRelayLab('doctor-ipv6', { [ACCOUNT]: { password: PASSWORD } });
  try {
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
      { stdin: `${PASSWORD}\n`, secret: PASSWORD },
    );
    assert.equal(setup.code, 0, setup.stderr);
    await lab.postfix.postconf('-e', 'inet_protocols=all');
    const healthy = await doctor(lab, [], PASSWORD);
    // Same inode (the bind mount stays): now localhost has an IPv6 address without a route.
    await writeFile(hosts, '127.0.0.1 localhost\n2001:db8::1 localhost\n');
    const before = await fingerprint(lab.postfix);
    const found = await doctor(lab, [], PASSWORD);
    const unchanged = JSON.stringify(await fingerprint(lab.postfix)) === JSON.stringify(before);
    const fixed = await doctor(lab, ['--fix', '--yes'], PASSWORD);
    const after = await doctor(lab, [], PASSWORD);
    const preference = (await lab.postfix.postconf('-h', 'smtp_address_preference')).trim();
    process.stdout.write(
      JSON.stringify({
        healthy: healthy.outcome,
        found: found.outcome,
        unchanged,
        fixed: fixed.outcome,
        after: after.outcome,
        preference,
      }),
    );
  } finally {
    await lab.close();
  }
}

runnerMain(main);
