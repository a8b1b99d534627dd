// One combination on a Debian release's own Postfix (npm run combos:releases): the release's chroot
// (test/releases/build-combos-chroot.sh) seen through an overlay of this run's own, entered in a
// network and mount namespace of its own (`unshare -m -n`: only lo, up; nothing mounted stays on the
// host), with Google's relay names in its /etc/hosts, this repository bound read-only at the same path
// and this machine's node with the libraries it links (patchelf points it at them, so that the
// release's programs keep the release's libc). chroot-runner.js does the rest and prints the report.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { repoPath, repoRoot } from '../paths.js';
import { hostsFile } from './lab.js';
import type { Combination } from './model.js';
import type { CombinationReport } from './run-combination.js';

const execFileP = promisify(execFile);
const nodeDir = '/opt/pgw-node';

/** The release's chroot, built on first use and cached (CACHE/combos-RELEASE). */
export async function combosChroot(release: string, cache = process.env.PGW_CHROOT_DIR ?? '/work/chroots') {
  const script = repoPath('test', 'releases', 'build-combos-chroot.sh');
  const { stdout } = await execFileP('bash', [script, release, cache], { maxBuffer: 16 << 20 });
  return stdout.trim().split('\n').at(-1)!;
}

let staged: Promise<string> | undefined;

/** node and the libraries it links (from ldd), with its loader, made to load only those (RPATH). */
async function stageNode(): Promise<string> {
  const dir = await mkdtemp('/tmp/pgw-release-node-');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'lib'));
  await cp(process.execPath, join(dir, 'node'));
  for (const line of execFileSync('ldd', [process.execPath], { encoding: 'utf8' }).split('\n')) {
    const lib = /=>\s*(\/\S+)/.exec(line)?.[1];
    const loader = /^\s*(\/\S*ld-linux\S*)/.exec(line)?.[1];
    if (lib) await cp(lib, join(dir, 'lib', basename(lib)), { dereference: true });
    if (loader) await cp(loader, join(dir, 'ld.so'), { dereference: true });
  }
  // DT_RPATH (not RUNPATH): it also holds for the libraries' own dependencies.
  execFileSync('patchelf', [
    '--set-interpreter',
    `${nodeDir}/ld.so`,
    '--force-rpath',
    '--set-rpath',
    `${nodeDir}/lib`,
    join(dir, 'node'),
  ]);
  return dir;
}

export async function runInRelease(
  root: string,
  c: Combination,
  restores: 'every' | 'first' = 'first',
): Promise<CombinationReport> {
  const node = await (staged ??= stageNode());
  const base = await mkdtemp('/tmp/pgw-release-combo-');
  const mnt = join(base, 'root');
  await Promise.all(['root', 'upper', 'work'].map((d) => mkdir(join(base, d))));
  const script = [
    'set -e',
    'ip link set lo up',
    `mount -t overlay overlay -o lowerdir="$ROOT",upperdir="$BASE/upper",workdir="$BASE/work" "$MNT"`,
    'mount -t proc proc "$MNT/proc"',
    'mount --rbind /dev "$MNT/dev"',
    'mkdir -p "$MNT$REPO" "$MNT$NODE"',
    'mount --bind -o ro "$REPO" "$MNT$REPO"',
    'mount --bind -o ro "$NODEDIR" "$MNT$NODE"',
    'printf "%s" "$HOSTS" > "$MNT/etc/hosts"',
    'exec chroot "$MNT" "$NODE/node" "$REPO/dist/test/support/combinations/chroot-runner.js" /tmp "$COMBO" "$RESTORES"',
  ].join('\n');
  const env = {
    PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    HOME: '/root',
    ...{ ROOT: root, BASE: base, MNT: mnt, REPO: repoRoot, NODE: nodeDir, NODEDIR: node, HOSTS: hostsFile },
    ...{ COMBO: JSON.stringify(c), RESTORES: restores },
  };
  try {
    const child = spawn('unshare', ['-m', '-n', '--propagation', 'private', 'sh', '-c', script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`the combination runner failed in ${root} (${code}):\n${stderr}`);
    return JSON.parse(stdout) as CombinationReport;
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}
