// The README's "Automating many machines" command line, taken from the
// README itself and run for real (twice, as a fleet engine would): the
// first run configures and delivers, the second reports nothing changed.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../support/fake-gmail.js';
import { assertOutcomeSchema } from '../support/outcome-schema.js';
import { repoPath } from '../support/paths.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../support/postfix-instance.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import { runWizard } from '../support/wizard-process.js';

async function readmeCommand(): Promise<string[]> {
  const readme = await readFile(repoPath('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Automating many machines'));
  const line = /```sh\n(postfix-gmail-wizard [^\n]+)\n```/.exec(section)?.[1];
  assert.ok(line, 'the README shows the automation command line');
  return line.split(/\s+/).slice(1);
}

describe("the README's automation command line", { skip: postfixSkipReason() }, () => {
  let tmp: string;
  let ca: TestCa;
  let gmail: FakeGmail;
  let postfix: PostfixInstance;
  const password = 'fleetfleetfleetf';

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-fleet-');
    ca = await createTestCa(join(tmp, 'ca'));
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: { 'you@gmail.com': { password } } });
    postfix = await createPostfixInstance();
    await postfix.start();
  });
  after(async () => {
    await postfix?.destroy();
    await gmail?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('configures and delivers, then changes nothing on the next run', async () => {
    const passwordFile = join(tmp, 'gmail-app-password');
    await writeFile(passwordFile, 'flee tfle etfl eetf\n'); // as Google shows it, with spaces
    await chmod(passwordFile, 0o600);
    const args = (await readmeCommand()).map((a) => (a === '/root/.gmail-app-password' ? passwordFile : a));
    // Only what points the run at this test's own Postfix and fake Gmail is added.
    const local = ['--relay', `localhost:${gmail.port}`, '--ca-file', ca.caPath, '--config-dir', postfix.configDir,
      '--backup-dir', join(postfix.base, 'backups'), '--state-dir', join(postfix.base, 'state'), '--no-keychain'];
    const first = await runWizard([...args, ...local], { secret: password });
    assert.equal(first.code, 0, first.stderr);
    const outcome = JSON.parse(first.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.result, 'delivered');
    assert.ok(outcome.changed.settings.length > 0, 'Ansible would report "changed"');
    assert.deepEqual(first.leaks, []);
    const second = await runWizard([...args, ...local]);
    assert.equal(second.code, 0, second.stderr);
    const again = JSON.parse(second.stdout);
    assert.deepEqual([again.changed.settings, again.changed.files], [[], []], 'Ansible would report "ok"');
    assert.equal(gmail.messages.filter((m) => m.user === 'you@gmail.com').length, 2);
  });
});
