// `npm run combos:releases`: the generator's representative slice — the pairwise set, every pair of
// values met at least once — on other Debian releases' own Postfix, each in its chroot (built once,
// cached under /work/chroots: test/releases/build-combos-chroot.sh), one release at a time, holding
// the port-25 lock while a release's Postfix runs.
//   PGW_RELEASES=bullseye,trixie,sid npm run combos:releases -- [--from I] [--limit N] [--parallel P] [--every-restore]
// (--from/--limit: the pairwise list's combinations I to I+N-1; --parallel: that many at once, each in
// namespaces of its own, while this process holds the lock.)
// Prints each combination's findings as it ends, then per release how many it tried and passed;
// exit 1 when any had findings.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { combinationName, pairwise } from '../../support/combinations/model.js';
import { combosChroot, runInRelease } from '../../support/combinations/in-release.js';
import { findingsOf } from '../../support/combinations/run-combination.js';
import { holdPort25 } from '../../support/port25-lock.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '0' },
    limit: { type: 'string' },
    parallel: { type: 'string', default: '1' },
    'every-restore': { type: 'boolean' },
  },
});
const releases = (process.env.PGW_RELEASES ?? 'bullseye,trixie,sid').split(',').filter(Boolean);
const from = Number(values.from);
const list = pairwise().slice(from, values.limit ? from + Number(values.limit) : undefined);
const out = (line: string) => process.stdout.write(`${line}\n`);
const summary: string[] = [];
let failing = 0;
for (const release of releases) {
  const started = Date.now();
  const root = await combosChroot(release);
  const version = execFileSync('chroot', [root, 'postconf', '-h', 'mail_version'], { encoding: 'utf8' }).trim();
  const types = execFileSync('chroot', [root, 'postconf', '-h', 'default_database_type'], { encoding: 'utf8' }).trim();
  out(`${release}: Postfix ${version}, default_database_type = ${types}; ${list.length} combinations`);
  const release25 = await holdPort25();
  let passed = 0;
  try {
    const queue = [...list.entries()];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [index, c] = next;
        let findings: string[];
        try {
          findings = findingsOf(await runInRelease(root, c, values['every-restore'] ? 'every' : 'first'));
        } catch (error) {
          findings = [(error as Error).message];
        }
        if (findings.length === 0) passed++;
        out(`${findings.length === 0 ? 'ok  ' : 'FAIL'} ${release} #${from + index} ${combinationName(c)}`);
        for (const f of findings) out(`     ${f.split('\n').slice(0, 3).join(' | ')}`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Number(values.parallel)) }, worker));
  } finally {
    release25();
  }
  failing += list.length - passed;
  summary.push(
    `${release} (Postfix ${version}): tried ${list.length} (pairwise #${from}–#${from + list.length - 1}), passed ${passed} — ${Math.round((Date.now() - started) / 1000)} s`,
  );
}
for (const line of summary) out(line);
process.exitCode = failing > 0 ? 1 : 0;
