// A process that takes the wizard's lock the way a run does (acquireLock on
// the real System), for the lock races in test/e2e/transaction/lock.e2e.test.ts.
//   node lock-holder.js race STATE_DIR MARKER_DIR   take it if free; while held, own MARKER_DIR/held (O_EXCL)
//   node lock-holder.js hold STATE_DIR              take it, print "held", keep it until killed
import { open, rm } from 'node:fs/promises';
import { setErrorWording, WizardError } from '../../src/errors.js';
import { wordError } from '../../src/ui/error-text.js';
import { acquireLock } from '../../src/transaction/lock.js';
import { createRealSystem } from '../../src/system/real-system.js';

const [mode, stateDir, markerDir] = process.argv.slice(2);
setErrorWording(wordError); // as cli.ts does: the refusal is worded the way a person sees it
const sys = createRealSystem();
try {
  const lock = await acquireLock(sys, stateDir!);
  if (mode === 'hold') {
    process.stdout.write('held\n');
    setInterval(() => undefined, 60_000);
  } else {
    const marker = `${markerDir}/held`;
    // Two holders at once would collide here: the second cannot create the marker.
    const handle = await open(marker, 'wx').catch(() => undefined);
    if (!handle) {
      process.stdout.write('OVERLAP\n');
      process.exit(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 20)); // hold a while, so a racing run meets it held
    await handle.close();
    await rm(marker);
    await lock.release();
    process.stdout.write('held\n');
  }
} catch (error) {
  if (!(error instanceof WizardError) || error.code !== 'locked') throw error;
  process.stdout.write(`busy ${error.message}\n`);
}
