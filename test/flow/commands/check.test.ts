// check through main(): one reading of the machine (issue 25), and only what its rules use (issue 24:
// "well under a second on a busy box" — each postconf is a process). The counts are pinned so a second
// reading cannot creep back in unnoticed; doctor and status read the same facts once too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configuredWithA } from '../../support/credential-machine.js';
import { runCli } from '../../support/run-cli.js';

type Calls = { file: string; args: string[] }[];
/** The postconf questions asked, without -c DIR (a private instance's), in the order asked. */
const postconfQuestions = (calls: Calls) =>
  calls
    .filter((c) => c.file === 'postconf')
    .map((c) => c.args.filter((a, i) => a !== '-c' && c.args[i - 1] !== '-c'))
    .map((args) => (args[0]?.startsWith('-') ? args.join(' ') : 'parameters'));

describe('check: one reading of the machine', () => {
  it('asks postconf one question of each kind and never reads master.cf listeners (postconf -M)', async () => {
    const { sys } = await configuredWithA();
    const from = sys.calls.length;
    sys.masterReadings.splice(0); // setup's own
    const run = await runCli(sys, ['check', '--json']);
    assert.equal(run.json?.check?.state, 'ok', run.stdout + run.stderr);
    const asked = postconfQuestions(sys.calls.slice(from));
    // One -d probe, one named reading (detect's, which doctor's rules and the TLS reading share), -n, -A,
    // -m, and the master.cf parameters and the smtp chroot flag the TLS reading looks at — all in one round.
    assert.deepEqual([...asked].sort(), [
      '-A',
      '-F smtp/unix/chroot',
      '-P',
      '-d config_directory',
      '-m',
      '-n',
      'parameters',
    ]);
    assert.equal(sys.calls.slice(from).filter((c) => c.file === 'postqueue').length, 1, 'the queue read once');
    // Whether Postfix runs: master.pid, read once from queue_directory — never postfix status (eight processes).
    assert.deepEqual(sys.masterReadings, ['/var/spool/postfix']);
    assert.deepEqual(
      sys.calls.slice(from).filter((c) => c.file === 'postfix'),
      [],
    );
    // Every child check starts: the seven postconf questions and the one queue reading.
    assert.equal(
      sys.calls.length - from,
      8,
      sys.calls
        .slice(from)
        .map((c) => `${c.file} ${c.args.join(' ')}`)
        .join('\n'),
    );
  });

  it('asks its seven postconf questions in one round: none waits for another’s answer (each round is a wait on a busy box)', async () => {
    const { sys } = await configuredWithA();
    const exec = sys.exec.bind(sys);
    let running = 0;
    let most = 0;
    sys.exec = async (file, args, options) => {
      if (file !== 'postconf') return exec(file, args, options);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve)); // answered a moment later, as a process is
      running--;
      return exec(file, args, options);
    };
    const run = await runCli(sys, ['check', '--json']);
    assert.equal(run.json?.check?.state, 'ok', run.stdout + run.stderr);
    assert.equal(most, 7);
  });

  it('reads the queue (postqueue -j) beside the postconf round, not after it; -c as given, less a trailing slash', async () => {
    const { sys } = await configuredWithA();
    const exec = sys.exec.bind(sys);
    let answered = 0;
    const queueReads: { args: string[]; answeredBefore: number }[] = [];
    sys.exec = async (file, args, options) => {
      if (file === 'postqueue') queueReads.push({ args: [...args], answeredBefore: answered });
      if (file !== 'postconf') return exec(file, args, options);
      await new Promise((resolve) => setImmediate(resolve)); // answered a moment later, as a process is
      answered++;
      return exec(file, args, options);
    };
    const run = await runCli(sys, ['check', '--json']);
    assert.equal(run.json?.check?.state, 'ok', run.stdout + run.stderr);
    assert.deepEqual(queueReads, [{ args: ['-j'], answeredBefore: 0 }]);
    queueReads.splice(0);
    // The default instance's directory named: the same Postfix, asked with -c (postqueue takes it from anyone).
    await runCli(sys, ['check', '--json', '--config-dir', '/etc/postfix/']);
    assert.deepEqual(
      queueReads.map((r) => r.args),
      [['-c', '/etc/postfix', '-j']],
    );
  });

  it('Postfix stopped: check reads it from master.pid and is CRITICAL with doctor’s postfix-not-running', async () => {
    const { sys, postfix } = await configuredWithA();
    postfix.running = false;
    const run = await runCli(sys, ['check', '--json']);
    assert.equal(run.json?.check?.state, 'critical', run.stdout + run.stderr);
    assert.ok(run.stdout.includes('postfix-not-running'), run.stdout);
    assert.equal(sys.calls.filter((c) => c.file === 'postfix' && c.args.at(-1) === 'status').length, 0);
  });

  it('not root (master.pid is root’s, 0600): postfix status answers, as before', async () => {
    const { sys, postfix } = await configuredWithA();
    sys.root = false;
    postfix.running = false;
    const from = sys.calls.length;
    sys.masterReadings.splice(0);
    await runCli(sys, ['check', '--json']);
    assert.equal(sys.calls.slice(from).filter((c) => c.file === 'postfix' && c.args.at(-1) === 'status').length, 1);
    assert.deepEqual(sys.masterReadings, []);
  });

  it('where master.pid cannot tell (no /proc), postfix status decides', async () => {
    const { sys } = await configuredWithA();
    sys.masterRunning = () => undefined;
    const from = sys.calls.length;
    const run = await runCli(sys, ['check', '--json']);
    assert.equal(run.json?.check?.state, 'ok', run.stdout + run.stderr);
    assert.equal(sys.calls.slice(from).filter((c) => c.file === 'postfix' && c.args.at(-1) === 'status').length, 1);
  });

  it('doctor and status read the named parameters and main.cf (-n) once as well', async () => {
    const { sys } = await configuredWithA();
    for (const command of ['status', 'doctor']) {
      const from = sys.calls.length;
      await runCli(sys, [command, '--json']);
      const asked = postconfQuestions(sys.calls.slice(from));
      assert.equal(asked.filter((q) => q === 'parameters').length, 1, `${command}: ${asked.join(' | ')}`);
      assert.equal(asked.filter((q) => q === '-n').length, 1, `${command}: ${asked.join(' | ')}`);
      assert.equal(asked.filter((q) => q === '-M').length, 0, `${command}: ${asked.join(' | ')}`);
      assert.equal(sys.calls.slice(from).filter((c) => c.file === 'postfix' && c.args.at(-1) === 'status').length, 0);
    }
  });
});
