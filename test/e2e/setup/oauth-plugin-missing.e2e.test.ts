// --auth oauth on Debian 12, whose archive has no sasl-xoauth2: the built CLI against a real private
// Postfix refuses before anything is written or contacted — exit 1, the code, the plugin named with
// the ways to get it — and the config dir, the queue directory and /etc are byte for byte as before.
import assert from 'node:assert/strict';
import { access, chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const CLIENT = '7-e2e.apps.googleusercontent.com';
const missing = (path: string) =>
  access(path).then(
    () => false,
    () => true,
  );

describe('--auth oauth where the distribution has no sasl-xoauth2 (Debian 12)', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let oauth: FakeOauth;
  before(async () => {
    lab = await startRelayLab('oauth-missing', {});
    oauth = await startFakeOauth({
      cert: lab.ca.certPem,
      key: lab.ca.keyPem,
      clients: { [CLIENT]: { secret: 'GOCSPX-e2e' } },
    });
    for (const [name, text] of [
      ['client.json', oauth.clientJson(CLIENT)],
      ['token.json', JSON.stringify({ refresh_token: oauth.grant(CLIENT, 'you@gmail.com') })],
    ] as const) {
      await writeFile(join(lab.tmp, name), text, { mode: 0o600 });
      await chmod(join(lab.tmp, name), 0o600);
    }
  });
  after(async () => {
    await oauth?.close();
    await lab?.close();
  });

  it('exit 1 naming sasl-xoauth2 and where to get it; nothing written, nothing contacted', async () => {
    assert.ok(await missing('/usr/lib/x86_64-linux-gnu/sasl2/libsasl-xoauth2.so'), 'this machine has no plugin');
    const queue = (await lab.postfix.postconf('-h', 'queue_directory')).trim();
    const before = [await checksums(lab.postfix.configDir), await checksums(queue)];
    const run = await runWizard([
      ...lab.args(),
      '--account',
      'you@gmail.com',
      '--auth',
      'oauth',
      '--oauth-client',
      join(lab.tmp, 'client.json'),
      '--oauth-token-file',
      join(lab.tmp, 'token.json'),
      '--yes',
      '--json',
    ]);
    assert.equal(run.code, 1, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.error.code, 'oauth-plugin-missing');
    assert.match(outcome.error.message, /sasl-xoauth2/);
    assert.match(outcome.error.fix, /github\.com\/tarickb\/sasl-xoauth2/);
    assert.deepEqual([await checksums(lab.postfix.configDir), await checksums(queue)], before);
    assert.ok(await missing('/etc/sasl-xoauth2.conf'));
    assert.ok(await missing(join(queue, 'sasl-xoauth2')));
    assert.deepEqual(oauth.requests, [], 'the token endpoint was not contacted');
    assert.deepEqual(lab.gmail.auths, []);
  });
});
