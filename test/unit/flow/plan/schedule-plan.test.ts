// The scheduled check's files (flow/plan/schedule-plan.ts) as the real templates render them, for this
// very program: the systemd units pass the real `systemd-analyze verify` (which also finds ExecStart's
// program), and the cron.d entry has the five time fields, the user and one command.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { renderSchedule } from '../../../../src/flow/plan/schedule-plan.js';
import { loadTemplates } from '../../../../src/system/templates.js';
import { repoPath } from '../../../support/paths.js';

const execFileP = promisify(execFile);
const program = { node: process.execPath, script: repoPath('bin', 'postfix-gmail-wizard.js') };
const templates = () => loadTemplates(['monitor_cron', 'monitor_service', 'monitor_timer']);

describe('renderSchedule', () => {
  it('systemd: the service and the timer pass systemd-analyze verify, with nothing to warn about', async () => {
    const files = renderSchedule(
      { kind: 'systemd', program },
      '/var/lib/prometheus/node-exporter',
      '/etc/postfix',
      await templates(),
    );
    assert.deepEqual(
      files.map((f) => f.path),
      [
        '/etc/systemd/system/postfix-gmail-wizard-check.service',
        '/etc/systemd/system/postfix-gmail-wizard-check.timer',
      ],
    );
    const dir = await mkdtemp(join(tmpdir(), 'pgw-units-'));
    try {
      const paths = files.map((f) => join(dir, f.path.split('/').at(-1)!));
      for (const [i, f] of files.entries()) await writeFile(paths[i]!, f.content);
      const verified = await execFileP('systemd-analyze', ['verify', '--man=no', ...paths]);
      assert.equal(verified.stderr, '');
      // A unit with a mistake is refused: the verification can fail.
      await writeFile(paths[1]!, files[1]!.content.replace(/^OnCalendar=.*$/m, 'OnCalendar=every now and then'));
      await assert.rejects(execFileP('systemd-analyze', ['verify', '--man=no', ...paths]), /calendar specification/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('cron: one entry line — every 5 minutes, as root, this program — and no mail', async () => {
    const [entry] = renderSchedule({ kind: 'cron', program }, '/srv/prom', '/etc/postfix', await templates());
    assert.equal(entry?.path, '/etc/cron.d/postfix-gmail-wizard');
    const lines = entry!.content.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(lines.slice(0, 3), ['MAILTO=""', 'SHELL=/bin/sh', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin']);
    assert.equal(lines.length, 4);
    assert.deepEqual(lines[3]!.split(' ').slice(0, 9), [
      '*/5',
      '*',
      '*',
      '*',
      '*',
      'root',
      process.execPath,
      program.script,
      'check',
    ]);
  });
});
