// The test message's failure explained with the sasl-xoauth2 plugin's line (postfix-gmail-wizard test,
// through main() on the recording fake after setup --auth oauth): the lines the real plugin and Postfix
// logged when the refresh was refused and Postfix then tried ::1, whose "Connection refused" became the
// deferral's reason (test/fixtures/postfix-output/maillog-xoauth2-then-refused.log, SOURCE.md there).
// The plugin's line is tied to the message by smtp's pid: the diagnosis is the refused refresh.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { oauthHeadless, oauthMachine } from '../../support/oauth-machine.js';
import { repoPath } from '../../support/paths.js';
import { runCli } from '../../support/run-cli.js';

const captured = readFileSync(
  repoPath('test', 'fixtures', 'postfix-output', 'maillog-xoauth2-then-refused.log'),
  'utf8',
);

async function testWith(log: string) {
  const sys = oauthMachine();
  assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
  const submit = sys.submitResult;
  sys.submitResult = (request) => {
    const result = submit(request);
    const id = /queued as (\w+)/.exec(result.response)![1]!;
    sys.put('/var/log/mail.log', `${sys.text('/var/log/mail.log') ?? ''}${log.replaceAll('F3A4F23602C', id)}`);
    return result;
  };
  return runCli(sys, ['test', '--json', '--wait', '5']);
}

describe("test: the plugin's line before a refused ::1", () => {
  it('the diagnosis is the refused refresh, not the refused connection', async () => {
    const run = await testWith(captured);
    assert.equal(run.json?.test?.status, 'deferred', run.stdout);
    assert.equal(run.json?.test?.reply, 'connect to localhost[::1]:46535: Connection refused');
    assert.equal(run.json?.test?.diagnosis, 'oauth-consent-revoked', run.stdout);
  });

  it("without the plugin's line it stays a refused connection", async () => {
    const run = await testWith(
      captured
        .split('\n')
        .filter((l) => !l.includes('[sasl-xoauth2]'))
        .join('\n'),
    );
    assert.equal(run.json?.test?.diagnosis, 'connect-refused', run.stdout);
  });
});
