// A message the way cron or a program sends one: sendmail(1), as root, into a private instance (-C).
import { spawn } from 'node:child_process';
import type { PostfixInstance } from './postfix-instance.js';

/** `from`: the envelope sender (-f); without it, root's. Resolves once sendmail exited 0. */
export function sendmail(
  postfix: Pick<PostfixInstance, 'configDir'>,
  to: string,
  options: { from?: string; subject?: string; body?: string } = {},
): Promise<void> {
  const subject = options.subject ?? `cron to ${to}`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      'sendmail',
      ['-C', postfix.configDir, '-i', ...(options.from ? ['-f', options.from] : []), to],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sendmail exited ${code}: ${stderr}`))));
    child.stdin.end(`Subject: ${subject}\n\n${options.body ?? 'A message cron would send.'}\n`);
  });
}
