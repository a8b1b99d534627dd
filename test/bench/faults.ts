// npm run faults: the whole fault sweep (support/fault-cases.ts allCases) — every command that changes
// the machine, every folder it writes, every fault at every step — in two mount namespaces side by side.
// First one probe per command learns how many steps its plan has (from the journal); the cases past
// that step are counted as not reached without being run (they would only have repeated a clean run).
// Prints each case that found a problem, then how many faults it tried and what it found; exit 1 if any.
// `npm run faults -- setup remove` runs only the cases whose name starts with one of those commands;
// `-- --kind eio` (or full, read-only, at-step) only the faults of that kind. EIO (strace, fault-eio.ts)
// is tried at every call of each kind up to the number its probe counted.
import { parseArgs } from 'node:util';
import { allCases, caseName, type FaultCase } from '../support/fault-cases.js';
import { sweep } from '../support/fault-sweep.js';
import type { FaultResult } from '../support/fault-verdict.js';
import { postfixSkipReason } from '../support/postfix-instance.js';

const skip = postfixSkipReason();
if (skip) {
  process.stderr.write(`npm run faults: ${skip}\n`);
  process.exit(1);
}
const { values, positionals: only } = parseArgs({ options: { kind: { type: 'string' } }, allowPositionals: true });
const cases = allCases().filter(
  (c) => (only.length === 0 || only.includes(c.command)) && (!values.kind || c.fault.kind === values.kind),
);
const started = Date.now();
// One probe per command and per kind of counted fault (a step or call number no run reaches): how many
// steps its plan has, how many calls of each kind it makes.
const probeKey = (c: FaultCase) => `${c.command} ${c.fault.kind === 'eio' ? c.fault.syscall : c.fault.kind}`;
const probeCases = new Map<string, FaultCase>();
for (const c of cases) {
  if (c.fault.kind === 'at-step')
    probeCases.set(probeKey(c), { ...c, folder: 'etc', fault: { ...c.fault, step: 999, action: 'kill' } });
  if (c.fault.kind === 'eio') probeCases.set(probeKey(c), { ...c, fault: { ...c.fault, nth: 65_535 } });
}
const probeList = [...probeCases.values()];
const probed = (await Promise.all([0, 1].map((lane) => sweep(probeList.filter((_, i) => i % 2 === lane))))).flat();
const counted = new Map<string, number>(
  probeList.map((c) => [probeKey(c), probed.find((r) => r.name === caseName(c))?.planned ?? 65_535]),
);
process.stdout.write(`steps per plan, calls per run: ${[...counted].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
const pastTheEnd = (c: FaultCase) =>
  (c.fault.kind === 'at-step' && c.fault.step >= (counted.get(probeKey(c)) ?? 999)) ||
  (c.fault.kind === 'eio' && c.fault.nth > (counted.get(probeKey(c)) ?? 65_535));
const toRun = cases.filter((c) => !pastTheEnd(c));
const lanes = 2;
const batches: FaultCase[][] = Array.from({ length: lanes }, (_, i) => toRun.filter((_, j) => j % lanes === i));
const results: FaultResult[] = (
  await Promise.all(
    batches.map(async (batch) => {
      const done: FaultResult[] = [];
      // Ten cases per runner: a report comes back before the whole lane ends.
      for (let i = 0; i < batch.length; i += 10) {
        const part = await sweep(batch.slice(i, i + 10));
        for (const r of part)
          if (r.problems.length > 0) process.stdout.write(`✗ ${r.name}\n  ${r.problems.join('\n  ')}\n`);
        done.push(...part);
        process.stdout.write(`  … ${done.length}/${batch.length} in this lane\n`);
      }
      return done;
    }),
  )
).flat();
const reached = results.filter((r) => r.reached);
const failed = reached.filter((r) => r.problems.length > 0);
const count = (v: string) => reached.filter((r) => r.verdict === v).length;
process.stdout.write(
  `${cases.length} cases, ${reached.length} faults tried (${cases.length - reached.length} past the last step of their plan): ` +
    `${count('before')} left the config dir as before, ${count('after')} completed the change, ` +
    `${failed.length} found a problem — ${Math.round((Date.now() - started) / 1000)} s\n`,
);
process.exit(failed.length > 0 ? 1 : 0);
