// The relay options through the whole flow (recording fake of src/system,
// scripted prompts): Google Workspace's smtp-relay.gmail.com, the IPv4
// preference when IPv6 cannot reach the relay, 587 ⇄ 465 when a port is
// blocked, local senders mapped to the account, root's alias, loopback-only
// and the mynetworks warning — each in the plan, in status, undone by remove.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AuthCheckResult, RelayProbe } from '../../../src/system/types.js';
import { installFakePostfix, type FakePostfixOptions } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import { repoPath } from '../../support/paths.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const PW = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const stockMainCf = readFileSync(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8');
const GENERIC = '/etc/postfix/gmail_generic';
const SAVED = '/etc/postfix/postfix-gmail-wizard.saved';
const ALIASES = '/etc/aliases';
const debianAliases = '# See man 5 aliases for format\npostmaster:    root\n';
const v4 = { family: 4 as const, address: '142.250.102.109', ok: true };

function machine(options: FakePostfixOptions = {}) {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent, ...options });
  sys.put(ALIASES, debianAliases);
  // postalias: the compiled aliases, as postmap does for maps in the fake Postfix.
  sys.on('postalias', (args) => {
    const path = (args.at(-1) ?? '').replace(/^[a-z0-9]+:/, '');
    const source = sys.files.get(path);
    if (!source)
      return { exitCode: 1, stdout: '', stderr: `postalias: fatal: open ${path}: No such file or directory` };
    sys.put(`${path}.db`, `compiled:${source.content.toString()}`, 0o644);
    return { exitCode: 0, stdout: '', stderr: '' };
  });
  return { sys, postfix };
}

const edits = (sys: FakeSystem, flag: '-e' | '-X') =>
  sys.calls.filter((c) => c.file === 'postconf' && c.args.includes(flag));
const run = (sys: FakeSystem, argv: string[], options: { ui?: ScriptedUi } = {}) =>
  runCli(sys, argv, { stdin: `${PW}\n`, ...options });
const headless = (account = 'someone@gmail.com') => [
  '--account',
  account,
  '--password-stdin',
  '--to',
  'friend@example.com',
  '--yes',
  '--json',
];

describe('Google Workspace', () => {
  it('interactive: a Workspace account is offered smtp-relay.gmail.com before its password is asked, with the Admin console rule it needs; the one pre-flight logs in there before anything changes', async () => {
    const { sys, postfix } = machine();
    const ui = new ScriptedUi(['admin@example.org', 'app-password', 'relay', PW, 'none', true]);
    const result = await run(sys, [], { ui });
    assert.equal(result.exit, 0, ui.transcript);
    assert.match(ui.transcript, /example\.org is a Google Workspace domain/);
    assert.match(ui.transcript, /Admin console \(Apps → Google Workspace → Gmail → Routing → SMTP relay service\)/);
    assert.match(ui.transcript, /Require SMTP Authentication/);
    assert.deepEqual(
      sys.authChecks.map((a) => [a.endpoint.host, a.endpoint.port, a.user]),
      [['smtp-relay.gmail.com', 587, 'admin@example.org']],
      'one login, at the relay chosen',
    );
    assert.ok(
      ui.transcript.indexOf('Google Workspace domain') < ui.transcript.indexOf('info: Gmail needs an app password'),
      'the relay is settled before the password is asked',
    );
    assert.equal(postfix.explicit().relayhost, '[smtp-relay.gmail.com]:587');
    assert.match(
      sys.text('/etc/postfix/sasl_passwd') ?? '',
      /^\[smtp-relay\.gmail\.com\]:587 admin@example\.org:abcdefghijklmnop$/m,
    );
    assert.match(ui.transcript, /--relay smtp-relay\.gmail\.com:587/, 'the equivalent command line names the relay');
    assert.match(ui.transcript, /takes senders of your domains only/, 'the sender note fits the Workspace relay');

    const status = await runCli(sys, ['status', '--json']);
    assert.equal(status.json?.status?.relayhost, '[smtp-relay.gmail.com]:587');
  });

  it('interactive: a password stored for smtp.gmail.com is not sent to smtp-relay.gmail.com; the one typed for it is stored for it', async () => {
    const { sys } = machine();
    const PW2 = 'zyxwvutsrqponmlk';
    sys.secrets.set('admin@example.org', PW); // an entry of smtp.gmail.com:587 (the bare key)
    const ui = new ScriptedUi(['switch:admin@example.org', 'app-password', 'relay', PW2, 'none', true]);
    const result = await run(sys, [], { ui });
    assert.equal(result.exit, 0, ui.transcript);
    assert.deepEqual(
      sys.authChecks.map((a) => [a.endpoint.host, a.password]),
      [['smtp-relay.gmail.com', PW2]],
      'the stored password goes to no server',
    );
    assert.match(ui.transcript, /belongs to another relay; type it again for smtp-relay\.gmail\.com/);
    assert.equal(sys.secrets.get('admin@example.org [smtp-relay.gmail.com]:587'), PW2);
    assert.equal(sys.secrets.get('admin@example.org'), PW, 'the entry of smtp.gmail.com stays as it was');
  });

  it('interactive: when smtp-relay.gmail.com refuses, nothing is written', async () => {
    const { sys } = machine();
    sys.authResult = (): AuthCheckResult => ({
      ok: false,
      errorCode: 'ESOCKET',
      response: 'connect ECONNREFUSED 142.250.102.109:587',
    });
    const ui = new ScriptedUi(['admin@example.org', 'app-password', 'relay', PW]);
    const result = await run(sys, [], { ui });
    assert.equal(result.exit, 1, ui.transcript);
    assert.equal(sys.writes.length, 0);
  });

  it('headless: --relay smtp-relay.gmail.com explains the rule, and a Gmail address is never asked about Workspace', async () => {
    const { sys, postfix } = machine();
    const result = await run(sys, [...headless('admin@example.org'), '--relay', 'smtp-relay.gmail.com']);
    assert.equal(result.exit, 0, result.stderr);
    assert.match(result.stderr, /smtp-relay\.gmail\.com is Google Workspace's SMTP relay service/);
    assert.equal(postfix.explicit().relayhost, '[smtp-relay.gmail.com]:587');
    assert.equal(result.json?.relay, 'smtp-relay.gmail.com:587');

    const gmail = machine();
    const ui = new ScriptedUi(['someone@gmail.com', PW, 'none', true]);
    assert.equal((await run(gmail.sys, [], { ui })).exit, 0, ui.transcript);
    assert.doesNotMatch(ui.transcript, /Workspace/);
  });
});

describe('IPv6 that cannot reach the relay', () => {
  const brokenV6 = (): RelayProbe => ({
    addresses: [v4, { family: 6, address: '2a00:1450:400c:c07::6c', ok: false, errorCode: 'ENETUNREACH' }],
  });

  it('sets smtp_address_preference = ipv4 in the one postconf batch (IPv6 stays on); status shows it; remove takes it out', async () => {
    const { sys, postfix } = machine();
    sys.probeResult = brokenV6;
    const result = await run(sys, headless());
    assert.equal(result.exit, 0, result.stderr);
    assert.match(result.stderr, /cannot be reached over IPv6 from here \(2a00:1450:400c:c07::6c: ENETUNREACH\)/);
    assert.equal(edits(sys, '-e').length, 1);
    assert.ok(edits(sys, '-e')[0]!.args.includes('smtp_address_preference=ipv4'));
    assert.ok(
      ![...edits(sys, '-e'), ...edits(sys, '-X')].some((c) => c.args.some((a) => a.startsWith('inet_protocols'))),
      'inet_protocols is left alone',
    );
    assert.equal(postfix.explicit().inet_protocols, 'all');
    assert.equal(
      sys
        .text(SAVED)
        ?.split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n'),
      [
        'smtp_address_preference (not set)',
        'relayhost = ',
        'smtp_sasl_auth_enable (not set)',
        'smtp_sasl_password_maps (not set)',
        'smtp_sasl_tls_security_options (not set)',
        'smtp_tls_security_level (not set)',
        'smtp_tls_CAfile (not set)',
        'smtp_tls_mandatory_protocols (not set)',
        'smtp_sasl_auth_cache_name (not set)',
        'smtp_sasl_auth_cache_time (not set)',
        'default_transport = error',
        'relay_transport = error',
        '',
      ].join('\n'),
      'every main.cf value the setup replaced is kept for remove',
    );
    assert.ok(result.json?.changed.files.includes(SAVED));

    const status = await runCli(sys, ['status', '--json']);
    assert.equal(status.json?.status?.addressPreference, 'ipv4');

    const again = await run(sys, [...headless(), '--no-test']);
    assert.equal(again.json?.result, 'unchanged');

    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.ok(edits(sys, '-X').at(-1)!.args.includes('smtp_address_preference'));
    assert.equal(postfix.explicit().smtp_address_preference, undefined);
    assert.equal(sys.files.has(SAVED), false);
  });

  it('not when IPv6 answers (even with a refusal), and not when Postfix uses IPv4 only', async () => {
    const refused = machine();
    refused.sys.probeResult = () => ({
      addresses: [v4, { family: 6, address: '2a00:1450:400c:c07::6c', ok: false, errorCode: 'ECONNREFUSED' }],
    });
    assert.equal((await run(refused.sys, headless())).exit, 0);
    assert.equal(refused.postfix.explicit().smtp_address_preference, undefined);

    const ipv4Only = machine({ mainCf: stockMainCf.replace('inet_protocols = all', 'inet_protocols = ipv4') });
    ipv4Only.sys.probeResult = brokenV6;
    assert.equal((await run(ipv4Only.sys, headless())).exit, 0);
    assert.equal(ipv4Only.postfix.explicit().smtp_address_preference, undefined);
  });
});

describe('a blocked submission port', () => {
  const blocked587 = (_host: string, port: number): RelayProbe =>
    port === 587 ? { addresses: [{ ...v4, ok: false, errorCode: 'ETIMEDOUT' }] } : { addresses: [v4] };

  it('interactive: 587 times out, 465 answers → offered, and chosen: implicit TLS with a verified certificate', async () => {
    const { sys, postfix } = machine();
    sys.probeResult = blocked587;
    const ui = new ScriptedUi([true, 'someone@gmail.com', PW, 'none', true]);
    const result = await run(sys, [], { ui });
    assert.equal(result.exit, 0, ui.transcript);
    assert.match(ui.transcript, /Port 587 of smtp\.gmail\.com cannot be reached from here \(ETIMEDOUT\)/);
    assert.equal(ui.asked[0], 'Port 465 of smtp.gmail.com answers. Use it instead?');
    assert.deepEqual(
      sys.authChecks.map((a) => [a.endpoint.port, a.endpoint.implicitTls]),
      [[465, true]],
    );
    const main = postfix.explicit();
    assert.deepEqual(
      [main.relayhost, main.smtp_tls_wrappermode, main.smtp_tls_security_level],
      ['[smtp.gmail.com]:465', 'yes', 'secure'],
    );
    // A re-run without --relay keeps 465.
    sys.authChecks.length = 0;
    const again = await run(sys, [...headless(), '--no-test']);
    assert.equal(again.json?.result, 'unchanged', again.stderr);
    assert.deepEqual(
      sys.authChecks.map((a) => a.endpoint.port),
      [465],
    );
  });

  it('headless: no question; the pre-flight error names the other port', async () => {
    const { sys } = machine();
    sys.probeResult = blocked587;
    sys.authResult = () => ({ ok: false, errorCode: 'ETIMEDOUT', response: 'Connection timeout' });
    const result = await run(sys, headless(), { ui: new ScriptedUi([], false) });
    assert.equal(result.exit, 1);
    assert.equal(result.json?.error?.code, 'preflight-connect-timeout');
    assert.match(result.json?.error?.fix ?? '', /--relay smtp\.gmail\.com:465/);
    assert.equal(sys.writes.length, 0);
  });

  it('a port other than 25/465/587 is asked whether it speaks implicit TLS', async () => {
    const { sys, postfix } = machine();
    sys.probeResult = () => ({ addresses: [v4], implicitTls: true });
    const result = await run(sys, [...headless(), '--relay', 'smtp.example.net:2465']);
    assert.equal(result.exit, 0, result.stderr);
    assert.deepEqual(
      sys.probes.map((p) => [p.port, p.tls]),
      [[2465, true]],
    );
    assert.equal(sys.authChecks[0]?.endpoint.implicitTls, true);
    assert.equal(postfix.explicit().smtp_tls_wrappermode, 'yes');
  });
});

describe('sender identity', () => {
  it("--map-senders --root-alias: a generic map compiled with the build's map type, root's alias, one postconf batch; status; remove undoes both", async () => {
    const { sys, postfix } = machine();
    const result = await run(sys, [...headless(), '--map-senders', '--root-alias', 'inbox@example.com']);
    assert.equal(result.exit, 0, result.stderr);
    const map = sys.files.get(GENERIC);
    assert.equal(map?.mode, 0o644);
    assert.match(map?.content.toString() ?? '', /^@vm\tsomeone@gmail\.com$/m);
    assert.ok(sys.files.has(`${GENERIC}.db`));
    assert.equal(postfix.explicit().smtp_generic_maps, `hash:${GENERIC}`);
    assert.equal(edits(sys, '-e').length, 1);
    assert.match(sys.text(ALIASES) ?? '', /^root: inbox@example\.com$/m);
    assert.match(sys.text(`${ALIASES}.db`) ?? '', /root: inbox@example\.com/);
    const order = sys.calls
      .map((c) => c.file)
      .filter((f) => ['postmap', 'postalias', 'postconf'].includes(f))
      .join(' ');
    assert.match(order, /postmap postmap postalias postconf/, 'maps and aliases compiled before main.cf changes');

    const status = await runCli(sys, ['status', '--json']);
    assert.deepEqual(status.json?.status?.senderMap, { map: `hash:${GENERIC}`, account: 'someone@gmail.com' });
    assert.deepEqual(status.json?.status?.rootAlias, { to: 'inbox@example.com', byWizard: true });
    const plain = await runCli(sys, ['status']);
    assert.match(plain.stdout, /Local senders: sent as someone@gmail\.com/);
    assert.match(plain.stdout, /Mail for root: inbox@example\.com \(set by the wizard\)/);

    const again = await run(sys, [...headless(), '--map-senders', '--root-alias', 'inbox@example.com', '--no-test']);
    assert.equal(again.json?.result, 'unchanged');

    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.equal(sys.files.has(GENERIC), false);
    assert.equal(sys.files.has(`${GENERIC}.db`), false);
    assert.equal(postfix.explicit().smtp_generic_maps, undefined);
    assert.equal(sys.text(ALIASES), debianAliases);
    assert.equal(sys.text(`${ALIASES}.db`), `compiled:${debianAliases}`);
  });

  it("--no-map-senders on a re-run takes the wizard's mapping out again; without the flag it stays", async () => {
    const { sys, postfix } = machine();
    assert.equal((await run(sys, [...headless(), '--map-senders', '--no-test'])).exit, 0);
    assert.equal((await run(sys, [...headless(), '--no-test'])).json?.result, 'unchanged');
    const off = await run(sys, [...headless(), '--no-map-senders', '--no-test']);
    assert.equal(off.exit, 0, off.stderr);
    assert.equal(postfix.explicit().smtp_generic_maps, undefined);
    assert.equal(sys.files.has(GENERIC), false);
  });

  it('a map the wizard did not write is left alone, with a warning', async () => {
    const { sys, postfix } = machine({ mainCf: `${stockMainCf}smtp_generic_maps = hash:/etc/postfix/generic\n` });
    const result = await run(sys, [...headless(), '--map-senders']);
    assert.equal(result.exit, 0, result.stderr);
    assert.match(
      result.stderr,
      /smtp_generic_maps already names a map the wizard did not write \(hash:\/etc\/postfix\/generic\)/,
    );
    assert.equal(postfix.explicit().smtp_generic_maps, 'hash:/etc/postfix/generic');
    assert.equal(sys.files.has(GENERIC), false);
  });

  it('interactive first run: the plain explanation, then "both" maps senders and aliases root to the account', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi(['someone@gmail.com', PW, 'both', 'diff', true]); // 'diff': Show the full diff, then Apply
    const result = await run(sys, [], { ui });
    assert.equal(result.exit, 0, ui.transcript);
    assert.match(
      ui.transcript,
      /Gmail sends every message as someone@gmail\.com: it replaces any other From address unless/,
    );
    assert.match(sys.text(ALIASES) ?? '', /^root: someone@gmail\.com$/m);
    assert.ok(sys.files.has(GENERIC));
    assert.match(ui.transcript, /--map-senders --root-alias someone@gmail\.com --yes/);
    assert.match(ui.transcript, /\+ @vm\tsomeone@gmail\.com/, 'the full diff, on request, shows the map');
    assert.equal(
      ui.transcript.match(/note: The plan\n/g)?.length,
      2,
      'the summary is shown again after the diff, above the question',
    );
  });

  it('refuses a --root-alias that is not an address or a user (exit 2) before anything is touched', async () => {
    const { sys } = machine();
    const result = await run(sys, [...headless(), '--root-alias', '|/bin/sh -c evil']);
    assert.equal(result.exit, 2);
    assert.equal(result.json?.error?.code, 'invalid-root-alias');
    assert.deepEqual([sys.probes.length, sys.authChecks.length, sys.writes.length], [0, 0, 0]);
  });

  it('--dry-run shows the map and the alias change, and writes nothing', async () => {
    const { sys } = machine();
    const result = await runCli(
      sys,
      [
        '--account',
        'someone@gmail.com',
        '--password-stdin',
        '--dry-run',
        '--map-senders',
        '--root-alias',
        'inbox@example.com',
      ],
      { stdin: `${PW}\n` },
    );
    assert.equal(result.exit, 0, result.stdout);
    assert.match(result.stdout, /\/etc\/postfix\/gmail_generic \(new, mode 0644\)/);
    assert.match(result.stdout, /\+ root: inbox@example\.com/);
    assert.match(result.stdout, /\$ postalias hash:\/etc\/aliases/);
    assert.equal(sys.writes.length, 0);
  });
});

describe('loopback-only and mynetworks', () => {
  const open = stockMainCf
    .replace('inet_interfaces = loopback-only', 'inet_interfaces = all')
    .replace(/^mynetworks = .*$/m, 'mynetworks = 127.0.0.0/8 192.168.1.0/24');

  it('headless without the flag: inet_interfaces unchanged, but the open mynetworks is warned about', async () => {
    const { sys, postfix } = machine({ mainCf: open });
    const result = await run(sys, headless());
    assert.equal(result.exit, 0, result.stderr);
    assert.equal(postfix.explicit().inet_interfaces, 'all');
    assert.ok(
      result.json?.warnings.some((w) =>
        /mynetworks lets other hosts send mail through this Postfix.*192\.168\.1\.0\/24/.test(w),
      ),
      JSON.stringify(result.json?.warnings),
    );
    assert.match(result.stderr, /--loopback-only/);
    const status = await runCli(sys, ['status', '--json']);
    assert.ok(status.json?.status?.problems.some((p) => p.code === 'open-relay'));
  });

  it('--loopback-only: saved, set in the one batch, Postfix stopped and started (not reloaded); remove puts "all" back', async () => {
    const { sys, postfix } = machine({ mainCf: open });
    const result = await run(sys, [...headless(), '--loopback-only']);
    assert.equal(result.exit, 0, result.stderr);
    assert.equal(postfix.explicit().inet_interfaces, 'loopback-only');
    assert.equal(result.json?.warnings.length, 0, 'nobody else can connect now');
    const service = sys.calls.filter((c) => c.file === 'postfix').map((c) => c.args.at(-1));
    assert.deepEqual(
      service.filter((v) => v !== 'status'),
      ['check', 'stop', 'start'],
    );
    assert.match(sys.text(SAVED) ?? '', /^inet_interfaces = all$/m);
    const status = await runCli(sys, ['status', '--json']);
    assert.deepEqual(status.json?.status?.interfaces, { value: 'loopback-only', loopbackOnly: true });

    sys.calls.length = 0;
    const removed = await runCli(sys, ['remove', '--yes']);
    assert.equal(removed.exit, 0, removed.stdout);
    assert.match(removed.stdout, /Postfix will be stopped and started again/);
    assert.equal(postfix.explicit().inet_interfaces, 'all');
    assert.deepEqual(
      sys.calls
        .filter((c) => c.file === 'postfix')
        .map((c) => c.args.at(-1))
        .filter((v) => v !== 'status'),
      ['check', 'stop', 'start'],
    );
  });

  it('interactive: asked only when Postfix listens on the network; the default is "no" where mail seems to arrive from it', async () => {
    const { sys, postfix } = machine({ mainCf: open });
    const ui = new ScriptedUi(['someone@gmail.com', PW, 'none', true, true]);
    const result = await run(sys, [], { ui });
    assert.equal(result.exit, 0, ui.transcript);
    assert.ok(ui.asked.includes('Accept mail from this machine only (inet_interfaces = loopback-only)?'));
    assert.match(ui.transcript, /looks like it receives mail from other machines: mydestination = testhost\.example/);
    assert.equal(postfix.explicit().inet_interfaces, 'loopback-only');

    const quiet = machine();
    const asked = new ScriptedUi(['someone@gmail.com', PW, 'none', true]);
    assert.equal((await run(quiet.sys, [], { ui: asked })).exit, 0, asked.transcript);
    assert.ok(!asked.asked.some((q) => /loopback/.test(q)), 'already loopback-only: not asked');
  });
});
