// `npm run combos`: the full product of issue 21's dimensions (model.ts), or a slice of it, each
// combination on its own machine (as pairwise.e2e.test.ts runs the pairwise set), N at a time.
//   npm run combos -- [--limit N] [--shard I/N] [--parallel P] [--pairwise]
// Prints each combination's findings as it ends, then how many it tried and how many had findings;
// exit 1 when any had.
import { parseArgs } from 'node:util';
import { combinationName, everyCombination, pairwise, type Combination } from '../../support/combinations/model.js';
import { findingsOf, runCombination } from '../../support/combinations/run-combination.js';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    shard: { type: 'string' },
    parallel: { type: 'string', default: '2' },
    pairwise: { type: 'boolean', default: false },
  },
});
let list: Combination[] = values.pairwise ? pairwise() : everyCombination();
if (values.shard) {
  const [index, count] = values.shard.split('/').map(Number) as [number, number];
  list = list.filter((_, i) => i % count === index - 1);
}
if (values.limit) list = list.slice(0, Number(values.limit));
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`${list.length} combinations to try (${everyCombination().length} in the full product)`);
let tried = 0;
let failing = 0;
const started = Date.now();
const queue = [...list];
const worker = async () => {
  for (let c = queue.shift(); c; c = queue.shift()) {
    const name = combinationName(c);
    let findings: string[];
    try {
      findings = findingsOf(await runCombination(c));
    } catch (error) {
      findings = [(error as Error).message];
    }
    tried++;
    if (findings.length > 0) failing++;
    out(`${findings.length === 0 ? 'ok  ' : 'FAIL'} ${tried}/${list.length} ${name}`);
    for (const f of findings) out(`     ${f.split('\n')[0]}`);
  }
};
await Promise.all(Array.from({ length: Math.max(1, Number(values.parallel)) }, worker));
out(`tried ${tried} combinations in ${Math.round((Date.now() - started) / 1000)} s: ${failing} with findings`);
process.exitCode = failing > 0 ? 1 : 0;
