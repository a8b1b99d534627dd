// npm run bench: speed and size, each as a ratio to a baseline measured in
// the same run on the same machine (absolute times on shared machines are noise).
//   1. --version            vs `node -e 0`                          target ≤ 1.2×
//   2. first frame on a tty vs `node -e` printing one byte on a tty  target ≤ 1.5×
//   3. headless setup + test send vs the same Postfix steps in sh    target ≤ 1.3×
//   4. check (monitoring) vs node starting plus the reads any check must make (postconf -n, postqueue -j)
//                                                                   target ≤ 2.5×
//   5. packed tarball size (budget 100 KiB) and installed production packages, then what weighs
//      what: each packed file gzipped, and the bundle's code, English and Japanese texts gzipped
//   6. the README's length (budget 150 lines: what a first-timer needs; the rest is in docs/)
// `npm run bench -- size` (or startup, setup, check) runs only those parts.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeGmail } from '../support/fake-gmail.js';
import { weights } from './package-weights.js';
import { repoPath } from '../support/paths.js';
import { createPostfixInstance, postfixSkipReason } from '../support/postfix-instance.js';
import { createTestCa } from '../support/test-ca.js';

const bin = repoPath('bin', 'postfix-gmail-wizard.js');
const node = process.execPath;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds until the process exits, or until `until` appears in its output. */
function timeRun(file: string, args: string[], options: { until?: string; input?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    let output = '';
    let done = false;
    const finish = (ms: number) => {
      if (done) return;
      done = true;
      child.kill('SIGKILL');
      resolve(ms);
    };
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (options.until && output.includes(options.until)) finish(elapsed());
    });
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => {
      if (options.until && !done)
        reject(new Error(`"${options.until}" never appeared (exit ${code}): ${output.slice(-500)}`));
      finish(elapsed());
    });
  });
}

/** Alternate baseline and subject runs so both see the same machine load; compare medians. */
async function compare(
  name: string,
  target: number,
  rounds: number,
  baseline: () => Promise<number>,
  subject: () => Promise<number>,
): Promise<void> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await baseline());
    b.push(await subject());
  }
  const ratio = median(b) / median(a);
  if (process.env.BENCH_VERBOSE)
    console.log(`  baseline ${a.map((x) => x.toFixed(0)).join(' ')} | subject ${b.map((x) => x.toFixed(0)).join(' ')}`);
  const verdict = ratio <= target ? 'ok' : 'OVER TARGET';
  console.log(
    `${name.padEnd(44)} ${median(b).toFixed(0).padStart(6)} ms vs ${median(a).toFixed(0).padStart(6)} ms  ratio ${ratio.toFixed(2)}× (target ≤ ${target}×) ${verdict}`,
  );
}

async function startup(): Promise<void> {
  await compare(
    '--version vs node -e 0',
    1.2,
    15,
    () => timeRun(node, ['-e', '0']),
    () => timeRun(node, [bin, '--version']),
  );
  // script(1) gives both a pseudo-terminal, so the wizard takes its interactive path.
  const tty = (command: string, until: string) => timeRun('script', ['-qfec', command, '/dev/null'], { until });
  const quote = (s: string) => `'${s}'`;
  await compare(
    'first frame on a terminal vs node -e',
    1.5,
    15,
    () => tty(`${node} -e "process.stdout.write('ready')"`, 'ready'),
    () => tty(`${node} ${quote(bin)} --no-keychain --config-dir /nonexistent-bench`, 'postfix-gmail-wizard'),
  );
}

async function headlessSetup(): Promise<void> {
  const skip = postfixSkipReason();
  if (skip) {
    console.log(`headless setup + test send: skipped (${skip})`);
    return;
  }
  const tmp = await mkdtemp('/tmp/pgw-bench-');
  const ca = await createTestCa(join(tmp, 'ca'));
  const password = 'benchbenchbenchb';
  const gmail = await startFakeGmail({
    cert: ca.certPem,
    key: ca.keyPem,
    accounts: { 'bench@gmail.com': { password } },
  });
  try {
    const script = join(tmp, 'manual.sh');
    // The classic recipe, done as fast as a shell can: one postconf batch, postmap, reload, sendmail, wait.
    await writeFile(
      script,
      `set -e
D="$1"; PORT="$2"; CA="$3"; LOG="$4"
postconf -c "$D" -e "relayhost=[localhost]:$PORT" smtp_sasl_auth_enable=yes "smtp_sasl_password_maps=hash:$D/sasl_passwd" smtp_sasl_security_options=noanonymous smtp_sasl_tls_security_options=noanonymous smtp_tls_security_level=secure "smtp_tls_CAfile=$CA" default_transport=smtp relay_transport=relay
(umask 077; printf '[localhost]:%s bench@gmail.com:%s\\n' "$PORT" "$(cat)" > "$D/sasl_passwd")
postmap -c "$D" "hash:$D/sasl_passwd"
postfix -c "$D" reload
printf 'Subject: bench\\n\\nbench\\n' | sendmail -C "$D" -f bench@gmail.com bench@gmail.com
until grep -q 'status=sent' "$LOG"; do sleep 0.05; done
`,
    );
    const fresh = async <T>(
      run: (instance: Awaited<ReturnType<typeof createPostfixInstance>>) => Promise<T>,
    ): Promise<T> => {
      const instance = await createPostfixInstance();
      await instance.start();
      try {
        return await run(instance);
      } finally {
        await instance.destroy();
      }
    };
    // Postfix's main.cf stall ends on a whole second; start each run at a
    // random point of the second so both sides sample it alike.
    const jitter = () => new Promise((r) => setTimeout(r, Math.random() * 1000));
    await compare(
      'headless setup + test send vs shell recipe',
      1.3,
      7,
      () =>
        fresh(async (i) =>
          jitter().then(() =>
            timeRun('bash', [script, i.configDir, String(gmail.port), ca.caPath, i.maillog], { input: password }),
          ),
        ),
      () =>
        fresh(async (i) =>
          jitter().then(() =>
            timeRun(
              node,
              [
                bin,
                '--account',
                'bench@gmail.com',
                '--password-stdin',
                '--relay',
                `localhost:${gmail.port}`,
                '--ca-file',
                ca.caPath,
                '--config-dir',
                i.configDir,
                '--backup-dir',
                join(i.base, 'b'),
                '--state-dir',
                join(i.base, 's'),
                '--no-keychain',
                '--yes',
              ],
              { input: `${password}\n` },
            ),
          ),
        ),
    );
  } finally {
    await gmail.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function sizes(): Promise<void> {
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoPath(), encoding: 'utf8' }),
  ) as { size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }[];
  const packages =
    execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repoPath(), encoding: 'utf8' })
      .trim()
      .split('\n').length - 1;
  const kib = pack[0]!.size / 1024;
  console.log(
    `packed tarball: ${kib.toFixed(1)} KiB, budget ${tarballBudgetKiB} KiB: ${verdict(kib <= tarballBudgetKiB)} (${pack[0]!.entryCount} files, ${(pack[0]!.unpackedSize / 1024).toFixed(0)} KiB unpacked); production packages installed: ${packages}`,
  );
  await weights(pack[0]!.files.map((f) => f.path));
  const lines = readFileSync(repoPath('README.md'), 'utf8').split('\n').length - 1;
  console.log(`README.md: ${lines} lines, budget ${readmeBudgetLines}: ${verdict(lines <= readmeBudgetLines)}`);
}

const tarballBudgetKiB = 100;
const readmeBudgetLines = 150;
const verdict = (within: boolean) => (within ? 'within' : 'OVER');

/** check end to end against its floor: node's start and the two readings it cannot do without. */
async function checkSpeed(): Promise<void> {
  const skip = postfixSkipReason();
  if (skip) {
    console.log(`check: skipped (${skip})`);
    return;
  }
  const instance = await createPostfixInstance();
  await instance.start();
  try {
    const d = instance.configDir;
    const floor = `${node} -e 0 && postconf -c '${d}' -n >/dev/null && postqueue -c '${d}' -j >/dev/null`;
    await compare(
      'check vs node + postconf -n + postqueue -j',
      2.5,
      11,
      () => timeRun('sh', ['-c', floor]),
      () => timeRun(node, [bin, 'check', '--config-dir', d]),
    );
  } finally {
    await instance.destroy();
  }
}

const only = process.argv.slice(2);
const part = (name: string) => only.length === 0 || only.includes(name);
if (part('startup')) await startup();
if (part('setup')) await headlessSetup();
if (part('check')) await checkSpeed();
if (part('size')) await sizes();
