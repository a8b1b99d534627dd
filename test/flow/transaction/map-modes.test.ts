// The compiled password map's mode after postmap (transaction.ts, step map-modes). Postfix 3.7's
// postmap gives a new compiled file the source's mode (0600; the fake's contract pins that), but a
// postmap of another build, or a wrapper in its place, may create it readable by all: the transaction
// confirms 0600 after every postmap, before Postfix is reloaded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, MAP, PW_A, sent } from '../../support/credential-machine.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';

describe('transaction: the compiled password map', () => {
  it('a postmap that creates it world-readable: made 0600 before the reload, the source stays 0600', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys, { delivery: () => sent });
    const postmap = sys.handlers.get('postmap')!;
    sys.on('postmap', (args, options) => {
      const result = postmap(args, options);
      const target = `${args.at(-1)!.split(/:(.*)/s)[1]}.db`;
      if (!args.includes('-q') && !args.includes('-s') && sys.files.has(target)) sys.files.get(target)!.mode = 0o644;
      return result;
    });
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.files.get(`${MAP}.db`)?.mode, 0o600);
    assert.equal(sys.files.get(MAP)?.mode, 0o600);
    const order = sys.calls.map((c) => `${c.file} ${c.args.join(' ')}`);
    assert.ok(order.findIndex((c) => c.startsWith('postmap ')) < order.indexOf('postfix reload'), order.join('\n'));
  });
});
