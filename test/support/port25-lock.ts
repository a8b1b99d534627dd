// One Postfix on port 25 at a time across everyone's tests and scripts: `flock /tmp/pgw-port25.lock`
// held by a child for as long as a chroot's Postfix runs. The child is `cat` on a pipe from this
// process: it ends when the pipe closes — at release, or when this process dies however it dies —
// and the lock goes with it (a `sleep` would outlive a killed test and hold the lock for ever).
import { spawn } from 'node:child_process';

export async function holdPort25(timeoutSeconds = 1800): Promise<() => void> {
  const child = spawn('flock', ['-w', String(timeoutSeconds), '/tmp/pgw-port25.lock', '-c', 'echo held; exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const release = () => void child.stdin.end();
  process.once('exit', release);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`flock /tmp/pgw-port25.lock gave up (exit ${code})`)));
  });
  return release;
}
