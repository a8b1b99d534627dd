// A node:test reporter loaded by test/run.js: it tallies what each test file
// really reported and writes it as one JSON object (file → counts), from which
// run.js makes the closing line. Node's own TAP summary leaves out what the
// closing line must not: a todo test is neither passed nor failed there, and a
// file that ends itself (process.exit) mid-way reports no failure at all.
//   pass, fail, skip: tests (not suites) with that outcome; cancelled ones
//     (a test that never settled, or after a failed hook) are among `fail`
//     and also counted in `cancelled`; todo ones count only in `todo`;
//   broken: failures that are not a test's — a file that did not load or
//     exited non-zero, a suite whose hook failed.
const tally = {};
const of = (file) => (tally[file ?? '?'] ??= { pass: 0, fail: 0, skip: 0, todo: 0, cancelled: 0, broken: 0 });

export default async function* tallyReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    const counts = of(data.file);
    const failure = data.details?.error?.failureType;
    const isFile = data.nesting === 0 && data.name === data.file;
    if (data.details?.type === 'suite' || isFile) {
      // A suite or file fails with 'subtestsFailed' because a test in it did: that test already counts.
      if (event.type === 'test:fail' && failure !== 'subtestsFailed') counts.broken++;
    } else if (data.todo !== undefined && data.todo !== false) counts.todo++;
    else if (data.skip !== undefined && data.skip !== false) counts.skip++;
    else if (event.type === 'test:pass') counts.pass++;
    else {
      counts.fail++;
      if (failure === 'cancelledByParent') counts.cancelled++;
    }
  }
  yield `${JSON.stringify(tally)}\n`;
}
