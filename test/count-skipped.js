// Loaded by test/run.js into every test process (--import). Node's runner
// reports a `describe(..., { skip })` as one skipped suite and never looks
// inside, so the tests in it vanish from the counts. Here such a suite runs
// its body (declarations only) with every test in it skipped for the same
// reason and its hooks left out: each test then counts, and shows, as skipped.
// Each skip declared up front is also written to PGW_SKIP_LOG (JSON lines),
// so run.js can name the file, the suite and the reason.
// It also counts the tests the file declares and, when the process exits (at
// the end, or early through process.exit), writes that count to
// PGW_CENSUS_LOG: run.js compares it with the tests that reported, so tests
// that vanish (a file that exits mid-way) fail the run instead of going unseen.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';

const nodeTest = createRequire(import.meta.url)('node:test');
const real = { ...nodeTest, describe: nodeTest.describe, suite: nodeTest.suite, it: nodeTest.it, test: nodeTest.test };
const file = relative(process.cwd(), process.argv[1] ?? '');
const skipped = []; // innermost last: { reason, suite, tests }
const suiteNames = [];
let declared = 0;
process.on('exit', () => {
  const census = process.env.PGW_CENSUS_LOG;
  if (census) appendFileSync(census, `${JSON.stringify({ file: testFile, declared })}\n`);
});

// node:test names as a test's file the file of the function that declared it: through these
// wrappers that would be this file for every test. A one-line trampoline compiled under the test
// file's name (and the caller's line) declares it instead, so each result names its own file.
const testFile = resolve(process.argv[1] ?? '');
const trampolines = new Map();
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function declareHere(real, args) {
  const stack = new Error().stack ?? '';
  const at = new RegExp(
    `(?:${escapeRegExp(pathToFileURL(testFile).href)}|${escapeRegExp(testFile)}):(\\d+):(\\d+)`,
  ).exec(stack);
  const where = at ? `${at[1]}:${at[2]}` : '1:1';
  let trampoline = trampolines.get(where);
  if (!trampoline) {
    const [line, column] = where.split(':').map(Number);
    trampoline = runInThisContext('(real, args) => real(...args)', {
      filename: testFile,
      lineOffset: line - 1,
      columnOffset: column - 1,
    });
    trampolines.set(where, trampoline);
  }
  return trampoline(real, args);
}

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
      return declareHere(realSuite, [
        name,
        options,
        () => {
          suiteNames.push(name);
          try {
            return fn?.();
          } finally {
            suiteNames.pop();
          }
        },
      ]);
    }
    const frame = {
      reason: options.skip ? reasonOf(options.skip) : skipped.at(-1).reason,
      suite: [...suiteNames, name].join(' › '),
      tests: 0,
    };
    return declareHere(realSuite, [
      name,
      { ...options, skip: false },
      () => {
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
      },
    ]);
  };
}

function wrapTest(realTest) {
  return function test(...args) {
    const { name, options, fn } = split(args);
    declared++;
    if (skipped.length > 0) {
      skipped.at(-1).tests++;
      return declareHere(realTest, [name, { ...options, skip: skipped.at(-1).reason }, fn ?? (() => {})]);
    }
    if (options.skip) log({ suite: [...suiteNames, name].join(' › '), reason: reasonOf(options.skip), tests: 1 });
    return declareHere(realTest, args);
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
  wrapped.only = (...args) => {
    declared++;
    return declareHere(real[key].only, args);
  };
  // A todo test counts as declared, runs, and fails the run (run.js): the suite holds no promises.
  wrapped.todo = (...args) => wrapped(split(args).name, { ...split(args).options, todo: true }, split(args).fn);
  nodeTest[key] = wrapped;
}
for (const key of ['before', 'after', 'beforeEach', 'afterEach']) nodeTest[key] = wrapHook(real[key]);
syncBuiltinESMExports();
