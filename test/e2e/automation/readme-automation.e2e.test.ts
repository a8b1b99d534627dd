// The README's "Automating many machines" command line, taken from the
// README itself and run for real (twice, as a fleet engine would): the
// first run configures and delivers, the second reports nothing changed.
import assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

async function readmeCommand(): Promise<string[]> {
  const readme = await readFile(repoPath('docs', 'automation-and-fleets.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Automating many machines'));
  const line = /```sh\n(postfix-gmail-wizard [^\n]+)\n```/.exec(section)?.[1];
  assert.ok(line, 'the README shows the automation command line');
  return line.split(/\s+/).slice(1);
}

describe("the README's automation command line", { skip: postfixSkipReason() }, () => {
  const password = 'fleetfleetfleetf';
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('fleet', { 'you@gmail.com': { password } });
  });
  after(async () => lab?.close());

  it('configures and delivers, then changes nothing on the next run', async () => {
    const passwordFile = join(lab.tmp, 'gmail-app-password');
    await writeFile(passwordFile, 'flee tfle etfl eetf\n'); // as Google shows it, with spaces
    await chmod(passwordFile, 0o600);
    const args = (await readmeCommand()).map((a) => (a === '/root/.gmail-app-password' ? passwordFile : a));
    // Only what points the run at this test's own Postfix and fake Gmail is added.
    const local = [...lab.args(), '--no-keychain'];
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
    assert.equal(lab.gmail.messages.filter((m) => m.user === 'you@gmail.com').length, 2);
  });
});
