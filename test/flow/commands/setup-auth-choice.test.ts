// How Postfix signs in, asked only when it matters (flow/ask/auth-choice.ts), through main(): a
// Workspace address is asked, a gmail.com address is not, a flag answers it, and a way other than the
// app password runs the rest as --auth would (Workspace's relay by address: no password asked).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, PW_A, bad534, machine } from '../../support/credential-machine.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const W = 'ops@example.org';
const question = /How should Postfix sign in\?/;
const asked = (ui: ScriptedUi) => ui.asked.filter((q) => question.test(q)).length;

describe('setup: how Postfix signs in', () => {
  it("a gmail.com address: not asked, today's app-password path", async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([A, PW_A, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(asked(ui), 0);
    assert.doesNotMatch(ui.transcript, /How Postfix signs in/);
  });

  it("a Workspace address: the three ways in two lines each; the app password keeps today's path", async () => {
    const { sys, passwords } = machine();
    passwords[W] = PW_A;
    const ui = new ScriptedUi([W, 'App password', 'gmail', PW_A, 'none', true]);
    const run = await runCli(sys, ['--json'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(asked(ui), 1);
    const note = ui.shown.find((s) => s.startsWith('note: How Postfix signs in to Google'))!;
    assert.match(note, /ops@example\.org is a Google Workspace address/);
    for (const way of ['App password:', 'OAuth 2.0:', 'Workspace relay by address:']) {
      const at = note.split('\n').findIndex((l) => l.startsWith(way));
      assert.ok(at > 0, `${way} explained`);
      assert.match(note.split('\n')[at + 1] ?? '', /^ {2}\S/, `${way} has its second line`);
    }
    assert.equal(run.json?.auth, 'app-password');
    assert.deepEqual(
      sys.authChecks.map((c) => c.user),
      [W],
    );
  });

  it('a Workspace address, relay by address chosen: run as --auth none (smtp-relay.gmail.com, no password asked)', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([W, "Workspace relay by this machine's address (no login)", 'none', true]);
    const run = await runCli(sys, ['--json'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(run.json?.auth, 'none');
    assert.equal(run.json?.relay, 'smtp-relay.gmail.com:587');
    assert.equal(sys.authChecks.length, 0);
    assert.equal(sys.envelopeChecks.at(-1)?.endpoint.host, 'smtp-relay.gmail.com');
    assert.ok(!ui.asked.some((q) => /App password/.test(q)), 'no password asked');
    assert.equal(
      ui.asked.filter((q) => /Gmail address to send as/.test(q)).length,
      1,
      'the account is not asked again',
    );
  });

  it('--auth answers it: not asked for a Workspace address', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([W, 'none', true]);
    const run = await runCli(sys, ['--auth', 'none', '--json'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(asked(ui), 0);
  });

  it('534 for a gmail.com address: the other ways offered (no relay by address there); OAuth chosen goes the OAuth way', async () => {
    const { sys } = machine();
    sys.authResult = () => bad534;
    const ui = new ScriptedUi([A, 'mynormalpassword', 'OAuth 2.0 (allow access in a browser)']);
    const run = await runCli(sys, ['--json'], { ui });
    assert.equal(asked(ui), 1);
    assert.doesNotMatch(ui.transcript, /Workspace relay by address/);
    assert.notEqual(run.exit, 0);
    assert.equal(run.json?.error?.code, 'oauth-plugin-missing', 'the plugin is checked before any consent');
    assert.doesNotMatch(ui.transcript, /Desktop app/, 'no consent was begun');
    assert.equal(sys.writes.length, 0, 'nothing written');
  });
});
