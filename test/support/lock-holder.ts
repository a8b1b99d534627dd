// A process that takes the wizard's lock the way a run does (acquireLock on
// the real System), for the lock races in test/e2e/transaction/lock.e2e.test.ts.
//   node lock-holder.js race STATE_DIR MARKER_DIR   take it if free and let it go at once; print "held" or "busy …"
//   node lock-holder.js meet STATE_DIR MARKER_DIR   print "ready", wait for "go" on stdin, take it if free; while
//       held, own MARKER_DIR/held (O_EXCL), print "held" and keep it until "release" on stdin; else print "busy …"
//   node lock-holder.js hold STATE_DIR              take it, print "held", keep it until killed
import { open, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { WizardError } from '../../src/errors.js';
import { acquireLock } from '../../src/transaction/lock.js';
import { createRealSystem } from '../../src/system/real-system.js';
import { errorWords } from '../../src/ui/error-text.js';

const [mode, stateDir, markerDir] = process.argv.slice(2);
const sys = createRealSystem();
const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
/** Resolves when stdin says `word` (the test's signal), or rejects when stdin ends first. */
const heard = async (word: string) => {
  for (;;) {
    const next = await stdinLines.next();
    if (next.done) throw new Error(`stdin ended before "${word}"`);
    if (next.value.trim() === word) return;
  }
};
try {
  if (mode === 'meet') {
    process.stdout.write('ready\n');
    await heard('go');
  }
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
    process.stdout.write('held\n');
    if (mode === 'meet') await heard('release'); // the test sends it once the other racer has answered
    await handle.close();
    await rm(marker);
    await lock.release();
  }
} catch (error) {
  if (!(error instanceof WizardError) || error.code !== 'locked') throw error;
  process.stdout.write(`busy ${errorWords(error).message}\n`); // worded as the CLI shows it
}
process.stdin.destroy(); // stdin no longer keeps the process alive
