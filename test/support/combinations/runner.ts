// Runs one combination (JSON, the first argument after the namespace guard's; then which backups
// to restore: every, or first) inside
// `unshare -m -n`, where only lo exists and a private /etc/hosts sends Google's relay names to the
// fake Gmails (lab.ts); prints one JSON report: the combination's name and each step's findings.
import { enterNamespaces, privateHosts, report } from '../netns.js';
import { hostsFile, startComboLab } from './lab.js';
import { combinationName, type Combination } from './model.js';
import { runScenario } from './scenario.js';

report(async () => {
  const work = await enterNamespaces();
  const combination = JSON.parse(process.argv[5] ?? '') as Combination;
  const restores = process.argv[6] === 'first' ? 'first' : 'every';
  await privateHosts(work, hostsFile);
  const lab = await startComboLab(work, combination);
  // Stopped from outside (npm run combos interrupted): its Postfix must not outlive it.
  process.once('SIGTERM', () => void lab.close().finally(() => process.exit(143)));
  try {
    return { name: combinationName(combination), steps: await runScenario(lab, combination, restores) };
  } finally {
    await lab.close();
  }
});
