// test/run.js's verdict tells the truth: throwaway test files are planted in a temporary copy of the
// runner (its four files, a dist/ and the matching sources) and the runner is run on them, as CI runs it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from './paths.js';

const runnerFiles = ['run.js', 'count-skipped.js', 'tally-reporter.js', 'verdict.js'];

interface Verdict {
  code: number | null;
  output: string;
  closing: { passed: number; failed: number; skipped: number };
}

/** Plants each test file (name → code) in a fresh copy and runs `node test/run.js ...filter` there under CI=true. */
async function runPlanted(
  tests: Record<string, string>,
  opts: { filter?: string[]; withoutSource?: string[] } = {},
): Promise<Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'pgw-runner-'));
  try {
    mkdirSync(join(dir, 'test', 'unit'), { recursive: true });
    mkdirSync(join(dir, 'dist', 'test', 'unit'), { recursive: true });
    for (const file of runnerFiles) copyFileSync(repoPath('test', file), join(dir, 'test', file));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    for (const [name, code] of Object.entries(tests)) {
      writeFileSync(join(dir, 'dist', 'test', 'unit', `${name}.test.js`), code);
      if (!opts.withoutSource?.includes(name)) writeFileSync(join(dir, 'test', 'unit', `${name}.test.ts`), '');
    }
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', PGW_REQUIRE_ALL: '1' };
    delete env.PGW_SKIP_LOG;
    delete env.PGW_CENSUS_LOG;
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(process.execPath, [join(dir, 'test', 'run.js'), ...(opts.filter ?? [])], { cwd: dir, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = /^(\d+) passed, (\d+) failed, (\d+) skipped$/m.exec(output);
    assert.ok(line, `no closing line in:\n${output}`);
    return { code, output, closing: { passed: Number(line[1]), failed: Number(line[2]), skipped: Number(line[3]) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const head = "import { describe, it } from 'node:test';\n";

describe('test/run.js: the closing line and the exit code agree with what happened', { concurrency: true }, () => {
  it('an honest run passes: every test counted, exit 0', async () => {
    const run = await runPlanted({ good: `${head}it('a', () => {}); describe('s', () => { it('b', () => {}); });` });
    assert.deepEqual(run.closing, { passed: 2, failed: 0, skipped: 0 }, run.output);
    assert.equal(run.code, 0, run.output);
  });

  it('a test that never settles, and those cancelled after it, all count as failed', async () => {
    const run = await runPlanted({
      hangs: `${head}it('never settles', () => new Promise(() => {})); it('after 1', () => {}); it('after 2', () => {}); it('after 3', () => {});`,
    });
    assert.deepEqual(run.closing, { passed: 0, failed: 4, skipped: 0 }, run.output);
    assert.match(run.output, /cancelled \(never settled\)/);
    assert.equal(run.code, 1);
  });

  it('a failing test marked todo fails the run', async () => {
    const run = await runPlanted({ todo: `${head}it('later', { todo: true }, () => { throw new Error('x'); });` });
    assert.equal(run.closing.failed, 1, run.output);
    assert.match(run.output, /todo test/);
    assert.equal(run.code, 1);
  });

  it('a selection of no test file fails the run', async () => {
    const run = await runPlanted({ good: `${head}it('a', () => {});` }, { filter: ['no-such-layer'] });
    assert.match(run.output, /no test file selected by 'no-such-layer'/);
    assert.equal(run.code, 1);
  });

  it('a file that calls process.exit(0) mid-way fails, and its vanished tests count as failed', async () => {
    const run = await runPlanted({
      exits: `${head}it('one', () => {}); it('exits', () => process.exit(0)); it('three', () => {}); it('four', () => {});`,
    });
    const { passed, failed, skipped } = run.closing;
    assert.ok(passed + failed + skipped >= 4, run.output);
    assert.ok(failed >= 3, run.output);
    assert.match(run.output, /exits\.test\.js: declared 4 tests, \d reported/);
    assert.equal(run.code, 1);
  });

  it('a compiled test whose source is gone (a stale dist/) fails the run', async () => {
    const run = await runPlanted({ gone: `${head}it('a', () => {});` }, { withoutSource: ['gone'] });
    assert.match(run.output, /dist\/test\/unit\/gone\.test\.js: compiled test with no source/);
    assert.equal(run.code, 1);
  });

  it('npm run build empties dist/ before compiling', () => {
    const build: string = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).scripts.build;
    assert.match(
      build,
      /^node -e "require\('node:fs'\)\.rmSync\('dist', \{ recursive: true, force: true \}\)" && tsc /,
    );
  });
});
