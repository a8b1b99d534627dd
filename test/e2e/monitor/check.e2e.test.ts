// `check`, the monitoring check (issue 24), against Debian's real Postfix (a private instance) and the
// Gmail double: OK after setup without changing or sending anything; the textfile scraped by Debian's
// real prometheus-node-exporter; WARNING near the daily limit the double enforces; CRITICAL once the
// double refuses the password and cron's mail defers — with doctor's words for cause and fix.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fingerprint, sendmail, setUpRelay } from '../../support/doctor-lab.js';
import { nodeExporterBinary, startNodeExporter } from '../../support/node-exporter.js';
import type { Outcome } from '../../../src/outcome.js';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard, type WizardRun } from '../../support/wizard-process.js';

const ACCOUNT = 'monitored@gmail.com';
const PASSWORD = 'abcdabcdabcdabcd';
const LIMIT = 5;
const skip =
  postfixSkipReason() ??
  (existsSync(nodeExporterBinary) ? undefined : 'prometheus-node-exporter is not installed (test/install-deps.sh)');

describe('check: the monitoring check on a real Postfix', { skip }, () => {
  let lab: RelayLab;
  const accounts = { [ACCOUNT]: { password: PASSWORD } };
  const check = (extra: string[] = [], env?: Record<string, string>): Promise<WizardRun> =>
    runWizard(['check', '--config-dir', lab.postfix.configDir, ...extra], {
      secret: PASSWORD,
      ...(env ? { env } : {}),
    });

  before(async () => {
    lab = await startRelayLab('check', accounts, { dailyLimit: LIMIT });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    await lab.postfix.waitForLog(/to=<friend@example\.com>.*status=sent/, 60_000);
  });
  after(async () => {
    await lab?.close();
  });

  it('after setup: OK, one line with perfdata, exit 0 — and nothing changed, nothing sent, no login', async () => {
    const before = await fingerprint(lab.postfix);
    const seen = { auths: lab.gmail.auths.length, messages: lab.gmail.messages.length };
    const run = await check();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(
      run.stdout,
      `GMAIL RELAY OK - localhost:${lab.gmail.port} as ${ACCOUNT}, 0 deferred, 1 sent in 24 h | deferred=0;5;20;0 sent_24h=1;400;500;0;500\n`,
    );
    assert.equal(run.stderr, '');
    assert.deepEqual(await fingerprint(lab.postfix), before, 'check changed nothing');
    assert.deepEqual({ auths: lab.gmail.auths.length, messages: lab.gmail.messages.length }, seen);
    assert.deepEqual(run.leaks, []);
  });

  it('--json: one document on stdout (state, exit code, problems, perfdata values), valid against the schema', async () => {
    const run = await check(['--json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stderr, '');
    const doc = JSON.parse(run.stdout) as Outcome;
    assertOutcomeSchema(doc);
    assert.equal(doc.result, 'healthy');
    assert.equal(doc.exitCode, 0);
    assert.deepEqual(doc.check, {
      state: 'ok',
      exitCode: 0,
      line: `GMAIL RELAY OK - localhost:${lab.gmail.port} as ${ACCOUNT}, 0 deferred, 1 sent in 24 h | deferred=0;5;20;0 sent_24h=1;400;500;0;500`,
      problems: [],
      perfdata: [
        { label: 'deferred', value: 0, warning: 5, critical: 20, min: 0 },
        { label: 'sent_24h', value: 1, warning: 400, critical: 500, min: 0, max: 500 },
      ],
    });
  });

  it('--json when check cannot look or the flags are bad: UNKNOWN (exit 3) in the document, nothing else on stdout', async () => {
    const missing = await runWizard(['check', '--json', '--config-dir', join(lab.tmp, 'no-such-dir')]);
    assert.equal(missing.code, 3, missing.stdout + missing.stderr);
    const doc = JSON.parse(missing.stdout) as Outcome;
    assertOutcomeSchema(doc);
    assert.equal(doc.check?.state, 'unknown');
    assert.ok(doc.check?.unknown?.message, missing.stdout);
    const bad = await check(['--json', '-c', 'lots']);
    assert.equal(bad.code, 3, bad.stdout + bad.stderr);
    const usage = JSON.parse(bad.stdout) as Outcome;
    assertOutcomeSchema(usage);
    assert.deepEqual([usage.result, usage.exitCode, usage.check?.state], ['failed', 3, 'unknown']);
    assert.match(usage.check?.line ?? '', /^GMAIL RELAY UNKNOWN - -c lots: not a whole number/);
  });

  it('in Japanese, the same state word and perfdata', async () => {
    const run = await check(['--lang', 'ja']);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^GMAIL RELAY OK - .*再送待ち 0 通、24 時間の送信 1 件 \| deferred=0;5;20;0 sent_24h=1;/);
  });

  it('bad thresholds are UNKNOWN (exit 3) in the plugin format', async () => {
    const run = await check(['-w', 'many']);
    assert.equal(run.code, 3, run.stdout + run.stderr);
    assert.match(run.stdout, /^GMAIL RELAY UNKNOWN - -w many: not a whole number/);
  });

  it('--textfile: the metrics, written atomically, scraped by the real node_exporter', async () => {
    const dir = join(lab.tmp, 'textfile');
    await mkdir(dir);
    const run = await check(['--textfile', dir]);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(await readdir(dir), ['postfix_gmail_wizard.prom'], 'no temp file left beside it');
    const exporter = await startNodeExporter(dir);
    try {
      const metrics = await exporter.scrape();
      assert.match(metrics, /^postfix_gmail_wizard_state 0$/m);
      assert.match(metrics, /^postfix_gmail_wizard_deferred_messages 0$/m);
      assert.match(
        metrics,
        new RegExp(`^postfix_gmail_wizard_sent_last_24h_recipients\\{account="${ACCOUNT}"\\} 1$`, 'm'),
      );
      assert.match(
        metrics,
        new RegExp(`^postfix_gmail_wizard_daily_limit_recipients\\{account="${ACCOUNT}",kind="personal"\\} 500$`, 'm'),
      );
      const last = new RegExp(
        `^postfix_gmail_wizard_last_sent_timestamp_seconds\\{account="${ACCOUNT}"\\} (\\S+)$`,
        'm',
      );
      const at = Number(last.exec(metrics)?.[1]);
      assert.ok(Math.abs(Date.now() / 1000 - at) < 600, `last sent ${at}`);
      // node_exporter says whether it could parse every file: an error here means a bad exposition.
      assert.match(metrics, /^node_textfile_scrape_error 0$/m);
    } finally {
      await exporter.stop();
    }
  });

  it('WARNING at 80 % of the daily limit the double enforces', async () => {
    for (const n of [1, 2, 3]) {
      await sendmail(lab.postfix, `report${n}@example.com`);
      await lab.gmail.waitForMessage(60_000);
      await lab.postfix.waitForLog(new RegExp(`to=<report${n}@example\\.com>.*status=sent`), 60_000);
    }
    const run = await check(['--daily-limit', String(LIMIT)]);
    assert.equal(run.code, 1, run.stdout);
    const [first, ...details] = run.stdout.trimEnd().split('\n');
    assert.equal(
      first,
      `GMAIL RELAY WARNING - ${ACCOUNT} sent 4 of its 5 recipients a day (80 %) in the last 24 h [daily-limit] | deferred=0;5;20;0 sent_24h=4;4;5;0;5`,
    );
    assert.match(details.join('\n'), /^WARNING: .* → Gmail refuses further mail from the account \(550 5\.4\.5\)/m);

    // status shows the same count against Gmail's own limit, from the same log reading.
    const status = await runWizard(['status', '--json', '--config-dir', lab.postfix.configDir]);
    const report = (JSON.parse(status.stdout) as { status: { sending?: unknown[] } }).status;
    assert.deepEqual(
      report.sending?.map((u) => ({ ...(u as object), lastSent: undefined })),
      [{ account: ACCOUNT, sent: 4, limit: 500, kind: 'personal', lastSent: undefined }],
    );
    const human = await runWizard(['status', '--config-dir', lab.postfix.configDir]);
    assert.match(human.stdout, new RegExp(`Sent in 24 h: ${ACCOUNT}: 4 of 500 recipients a day \\(0 %\\)`));
  });

  it("CRITICAL once the double refuses the password and mail defers: doctor's cause and fix", async () => {
    accounts[ACCOUNT].password = 'revokedrevokedre'; // Google revoked the app password
    await sendmail(lab.postfix, 'admin@example.com');
    // [localhost] is 127.0.0.1 and ::1 where /etc/hosts says so (Debian's does): the second address is
    // answered from the cache at once, so the first deferral may already read "SASL [CACHED] …".
    await lab.postfix.waitForLog(
      /to=<admin@example\.com>.*status=deferred \(SASL (?:\[CACHED\] )?authentication failed.*535/,
      60_000,
    );
    const before = await fingerprint(lab.postfix);
    const run = await check(['--daily-limit', String(LIMIT)]);
    assert.equal(run.code, 2, run.stdout);
    const [first, ...details] = run.stdout.trimEnd().split('\n');
    assert.match(
      first!,
      /^GMAIL RELAY CRITICAL - Mail waits in the queue because the relay refused the login \(messages: 1\) \[deferred-auth\] .* \| deferred=1;5;20;0 sent_24h=4;4;5;0;5$/,
    );
    const text = details.join('\n');
    // The same words doctor uses for the cause and the fix.
    const doctor = await runWizard(['doctor', '--json', '--config-dir', lab.postfix.configDir]);
    const problem = (
      JSON.parse(doctor.stdout) as { doctor: { problems: { code: string; fix: string }[] } }
    ).doctor.problems.find((p) => p.code === 'deferred-auth');
    assert.ok(problem, doctor.stdout);
    assert.ok(text.includes(problem.fix), `${text}\n---\n${problem.fix}`);
    assert.match(text, /^WARNING: .*sent 4 of its 5/m);
    // --json says the same: the codes worst first, doctor's fix, the perfdata's values.
    const json = await check(['--daily-limit', String(LIMIT), '--json']);
    assert.equal(json.code, 2, json.stdout);
    const doc = JSON.parse(json.stdout) as Outcome;
    assertOutcomeSchema(doc);
    assert.equal(doc.check?.state, 'critical');
    assert.equal(doc.check?.line, first);
    assert.deepEqual(
      doc.check?.problems.map((p) => [p.code, p.state]),
      [
        ['deferred-auth', 'critical'],
        ['daily-limit', 'warning'],
      ],
    );
    assert.equal(doc.check?.problems[0]?.fix, problem.fix);
    assert.deepEqual(
      doc.check?.perfdata.map((p) => [p.label, p.value]),
      [
        ['deferred', 1],
        ['sent_24h', 4],
      ],
    );
    assert.deepEqual(await fingerprint(lab.postfix), before, 'check changed nothing');
  });
});
