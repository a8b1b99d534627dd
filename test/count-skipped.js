// Loaded by test/run.js into every test process (--import). Node's runner
// reports a `describe(..., { skip })` as one skipped suite and never looks
// inside, so the tests in it vanish from the counts. Here such a suite runs
// its body (declarations only) with every test in it skipped for the same
// reason and its hooks left out: each test then counts, and shows, as skipped.
// Each skip declared up front is also written to PGW_SKIP_LOG (JSON lines),
// so run.js can name the file, the suite and the reason.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { relative } from 'node:path';

const nodeTest = createRequire(import.meta.url)('node:test');
const real = { ...nodeTest, describe: nodeTest.describe, suite: nodeTest.suite, it: nodeTest.it, test: nodeTest.test };
const file = relative(process.cwd(), process.argv[1] ?? '');
const skipped = []; // innermost last: { reason, suite, tests }
const suiteNames = [];

const log = (entry) => {
  if (process.env.PGW_SKIP_LOG) appendFileSync(process.env.PGW_SKIP_LOG, `${JSON.stringify({ file, ...entry })}\n`);
};
const reasonOf = (skip) => (typeof skip === 'string' && skip ? skip : 'skipped');

/** (name?, options?, fn?) in any of the orders node:test accepts. */
function split(args) {
  const name = typeof args[0] === 'string' ? args[0] : undefined;
  const rest = name === undefined ? args : args.slice(1);
  const options = rest.find((a) => a && typeof a === 'object') ?? {};
  const fn = rest.find((a) => typeof a === 'function');
  return { name: name ?? fn?.name ?? '<anonymous>', options, fn };
}

function wrapSuite(realSuite) {
  return function suite(...args) {
    const { name, options, fn } = split(args);
    if (!options.skip && skipped.length === 0) {
      return realSuite(name, options, () => {
        suiteNames.push(name);
        try {
          return fn?.();
        } finally {
          suiteNames.pop();
        }
      });
    }
    const frame = {
      reason: options.skip ? reasonOf(options.skip) : skipped.at(-1).reason,
      suite: [...suiteNames, name].join(' › '),
      tests: 0,
    };
    return realSuite(name, { ...options, skip: false }, () => {
      skipped.push(frame);
      suiteNames.push(name);
      try {
        fn?.();
      } finally {
        suiteNames.pop();
        skipped.pop();
        if (skipped.length === 0) log(frame);
        else skipped.at(-1).tests += frame.tests;
      }
    });
  };
}

function wrapTest(realTest) {
  return function test(...args) {
    const { name, options, fn } = split(args);
    if (skipped.length > 0) {
      skipped.at(-1).tests++;
      return realTest(name, { ...options, skip: skipped.at(-1).reason }, fn ?? (() => {}));
    }
    if (options.skip) log({ suite: [...suiteNames, name].join(' › '), reason: reasonOf(options.skip), tests: 1 });
    return realTest(...args);
  };
}

const wrapHook =
  (realHook) =>
  (...args) =>
    skipped.length > 0 ? undefined : realHook(...args);

for (const key of ['describe', 'suite']) {
  const wrapped = wrapSuite(real[key]);
  wrapped.skip = (...args) => wrapped(split(args).name, { ...split(args).options, skip: true }, split(args).fn);
  wrapped.only = real[key].only;
  wrapped.todo = real[key].todo;
  nodeTest[key] = wrapped;
}
for (const key of ['it', 'test']) {
  const wrapped = wrapTest(real[key]);
  wrapped.skip = (...args) => wrapped(split(args).name, { ...split(args).options, skip: true }, split(args).fn);
  wrapped.only = real[key].only;
  wrapped.todo = real[key].todo;
  nodeTest[key] = wrapped;
}
for (const key of ['before', 'after', 'beforeEach', 'afterEach']) nodeTest[key] = wrapHook(real[key]);
syncBuiltinESMExports();
