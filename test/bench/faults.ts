// npm run faults: the whole fault sweep (support/fault-cases.ts allCases) — every command that changes
// the machine, every folder it writes, every fault at every step — in two mount namespaces side by side.
// Prints each case that found a problem, then how many faults it tried and what it found; exit 1 if any.
// `npm run faults -- setup remove` runs only the cases whose name starts with one of those commands.
import { allCases, type FaultCase } from '../support/fault-cases.js';
import { sweep } from '../support/fault-sweep.js';
import type { FaultResult } from '../support/fault-verdict.js';
import { postfixSkipReason } from '../support/postfix-instance.js';

const skip = postfixSkipReason();
if (skip) {
  process.stderr.write(`npm run faults: ${skip}\n`);
  process.exit(1);
}
const only = process.argv.slice(2);
const cases = allCases().filter((c) => only.length === 0 || only.includes(c.command));
const lanes = 2;
const batches: FaultCase[][] = Array.from({ length: lanes }, (_, i) => cases.filter((_, j) => j % lanes === i));
const started = Date.now();
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
