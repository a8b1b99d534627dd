// The closing line's numbers and the problems that fail a run, from what
// test/run.js gathered: the tallies of test/tally-reporter.js (per run, file →
// counts), the census of test/count-skipped.js (per file: tests declared), the
// compiled tests whose source is gone, and the selection.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

export function readJsonLines(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function verdict({ root, selected, tallies, census, stale, filter }) {
  const problems = [];
  const byFile = {};
  for (const tally of tallies)
    for (const [file, counts] of Object.entries(tally)) {
      const sum = (byFile[file] ??= { pass: 0, fail: 0, skip: 0, todo: 0, cancelled: 0, broken: 0 });
      for (const key of Object.keys(sum)) sum[key] += counts[key] ?? 0;
    }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const counts of Object.values(byFile)) {
    passed += counts.pass;
    skipped += counts.skip;
    // A todo test promises nothing, and a cancelled one never finished: both count as failed.
    failed += counts.fail + counts.todo + counts.broken;
  }
  const name = (file) => relative(root, file) || file;
  for (const [file, counts] of Object.entries(byFile)) {
    if (counts.cancelled > 0)
      problems.push(`${name(file)}: ${plural(counts.cancelled, 'test')} cancelled (never settled)`);
    if (counts.todo > 0)
      problems.push(`${name(file)}: ${plural(counts.todo, 'todo test')} (a todo test fails the run)`);
  }
  // Per file: the tests it declared are the tests that reported. A file that exits mid-way
  // (process.exit) loses the rest, and often the results of those that ran: each missing one fails.
  const declaredBy = {};
  for (const entry of census) declaredBy[entry.file] = (declaredBy[entry.file] ?? 0) + entry.declared;
  for (const file of selected) {
    const counts = byFile[file] ?? { pass: 0, fail: 0, skip: 0, todo: 0 };
    const reported = counts.pass + counts.fail + counts.skip + counts.todo;
    if (!(file in declaredBy)) {
      problems.push(`${name(file)}: its process left no census (killed?); its results cannot be trusted`);
      failed++;
      continue;
    }
    if (reported < declaredBy[file]) {
      problems.push(`${name(file)}: declared ${declaredBy[file]} tests, ${reported} reported (did it exit early?)`);
      failed += declaredBy[file] - reported;
    }
  }
  for (const file of stale)
    problems.push(
      `${file}: compiled test with no source (deleted or renamed?): rebuild into a clean dist/ (npm run build)`,
    );
  if (selected.length === 0)
    problems.push(`no test file selected${filter.length ? ` by ${filter.map((f) => `'${f}'`).join(', ')}` : ''}`);
  else if (passed + failed + skipped === 0) problems.push('the selected files declared no test');
  return { passed, failed, skipped, problems };
}
