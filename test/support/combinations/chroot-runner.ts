// Runs one combination (JSON, the second argument; then which backups to restore) inside a Debian
// release's chroot (in-release.ts started it there, in a network and mount namespace of its own, with
// lo up and an /etc/hosts that sends Google's relay names to the fake Gmails): the release's own
// Postfix and tools, this repository bound read-only at its own path, and node. Prints one JSON report.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { report } from '../netns.js';
import { startComboLab } from './lab.js';
import { combinationName, type Combination } from './model.js';
import { runScenario } from './scenario.js';

report(async () => {
  const [work, json, which] = process.argv.slice(2);
  const combination = JSON.parse(json ?? '') as Combination;
  const lab = await startComboLab(work ?? '/tmp', combination);
  // The instance starts from Debian 12's main.cf; a fresh install of this release writes its own
  // compatibility_level (postinst), and a newer Postfix warns about every older one in `postfix check`.
  const run = promisify(execFile);
  const level = (await run('postconf', ['-h', 'compatibility_level'])).stdout.trim();
  await lab.postfix.postconf('-e', `compatibility_level=${level}`);
  await run('postfix', ['-c', lab.postfix.configDir, 'reload']);
  process.once('SIGTERM', () => void lab.close().finally(() => process.exit(143)));
  try {
    return {
      name: combinationName(combination),
      steps: await runScenario(lab, combination, which === 'every' ? 'every' : 'first'),
    };
  } finally {
    await lab.close();
  }
});
