// What "as before" means for a Postfix configuration: every effective value (`postconf`, defaults
// included; `postconf -P`; `postconf -M`) and every file of the config dir with its mode. A compiled
// map (.db, .lmdb, .cdb) is compared by what it holds (`postmap -s`, less postalias' YP_ stamps), not
// its bytes: the same entries compiled twice need not give the same bytes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);
const compiled: Record<string, string> = { '.db': 'hash', '.lmdb': 'lmdb', '.cdb': 'cdb' };

export interface ConfigSnapshot {
  postconf: string[];
  postconfP: string[];
  postconfM: string[];
  files: Record<string, string>;
}

async function postconf(configDir: string, ...args: string[]): Promise<string[]> {
  const { stdout } = await execFileP('postconf', ['-c', configDir, ...args], { maxBuffer: 16 << 20 });
  // process_id is postconf's own pid, not a setting.
  return stdout.split('\n').filter((line) => line && !line.startsWith('process_id ='));
}

async function fileSum(configDir: string, name: string): Promise<string> {
  const path = join(configDir, name);
  const info = await lstat(path);
  const mode = (info.mode & 0o7777).toString(8);
  const ext = Object.keys(compiled).find((e) => name.endsWith(e));
  if (ext) {
    const source = path.slice(0, -ext.length);
    const dump = await execFileP('postmap', ['-c', configDir, '-s', `${compiled[ext]}:${source}`]).then(
      // postalias stamps the time it compiled (YP_LAST_MODIFIED): not content.
      (r) =>
        r.stdout
          .split('\n')
          .filter((l) => !l.startsWith('YP_'))
          .sort()
          .join('\n'),
      (e: Error) => `unreadable: ${e.message.split('\n')[0]}`,
    );
    return `${mode} entries ${createHash('sha256').update(dump).digest('hex').slice(0, 16)}`;
  }
  return `${mode} ${createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
    .slice(0, 16)}`;
}

export async function configSnapshot(configDir: string): Promise<ConfigSnapshot> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(configDir)).sort()) {
    if ((await lstat(join(configDir, name))).isFile()) files[name] = await fileSum(configDir, name);
  }
  const [all, services, masters] = await Promise.all([
    postconf(configDir),
    postconf(configDir, '-P'),
    postconf(configDir, '-M'),
  ]);
  return { postconf: all, postconfP: services, postconfM: masters, files };
}

/** The differences between two snapshots, one line each (empty: the same). */
export function snapshotDiff(before: ConfigSnapshot, after: ConfigSnapshot): string[] {
  const lines: string[] = [];
  for (const key of ['postconf', 'postconfP', 'postconfM'] as const) {
    const was = new Set(before[key]);
    const now = new Set(after[key]);
    for (const l of before[key]) if (!now.has(l)) lines.push(`${key} - ${l}`);
    for (const l of after[key]) if (!was.has(l)) lines.push(`${key} + ${l}`);
  }
  for (const name of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    if (before.files[name] !== after.files[name])
      lines.push(`file ${name}: ${before.files[name] ?? '(none)'} → ${after.files[name] ?? '(none)'}`);
  }
  return lines;
}
