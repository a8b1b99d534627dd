// Run the CLI's main() in-process against a FakeSystem and a ScriptedUi,
// capturing stdout/stderr: the flow-test harness.
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { ExitCodeValue } from '../../src/errors.js';
import type { Outcome } from '../../src/outcome.js';
import type { Ui } from '../../src/ui/ui.js';
import type { FakeSystem } from './fake-system.js';
import { assertOutcomeSchema } from './outcome-schema.js';

export interface CliRun {
  exit: ExitCodeValue;
  stdout: string;
  stderr: string;
  json?: Outcome;
}

export async function runCli(
  sys: FakeSystem,
  argv: string[],
  options: { ui?: Ui; stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const stdout = collect();
  const stderr = collect();
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const exit = await main(
    argv,
    { stdin, stdout: stdout.stream, stderr: stderr.stream, env: options.env ?? { LANG: 'C.UTF-8' } },
    sys,
    options.ui,
  );
  const out = stdout.text();
  const json = argv.includes('--json') ? (JSON.parse(out) as Outcome) : undefined;
  if (json) assertOutcomeSchema(json); // every flow test's document must match the published schema
  return { exit, stdout: out, stderr: stderr.text(), json };
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
