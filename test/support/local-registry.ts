// A package registry on loopback that holds exactly the packages the
// project's lockfile resolved for production (what `npm ci` installed into
// node_modules): metadata as npm's registry serves it, and each package
// packed from its installed folder. `npm install --registry` against it
// resolves the packed tarball's dependency ranges as npx would against the
// real registry, without reaching beyond this machine and without depending
// on what npm's cache happens to hold.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface LockEntry {
  version: string;
  dev?: boolean;
  os?: string[];
  cpu?: string[];
  [field: string]: unknown;
}

export interface LocalRegistry {
  url: string;
  /** Package names (name@version) whose metadata or tarball was asked for. */
  requested: string[];
  close(): Promise<void>;
}

const manifestFields = [
  'name',
  'version',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'libc',
  'type',
  'main',
  'exports',
];

/** The lockfile's name for an entry such as node_modules/a/node_modules/@s/b. */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** `tar` of an installed package as npm packs one: everything under package/, without its own node_modules. */
async function packInstalled(dir: string, out: string): Promise<{ integrity: string; shasum: string }> {
  await run('tar', [
    '-czf',
    out,
    '-C',
    dir,
    '--exclude=./node_modules',
    '--owner=0',
    '--group=0',
    '--transform',
    's,^\\.,package,',
    '.',
  ]);
  const bytes = await readFile(out);
  return {
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  };
}

export async function startLocalRegistry(root: string, workDir: string): Promise<LocalRegistry> {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const tarballs = join(workDir, 'tarballs');
  await mkdir(tarballs, { recursive: true });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const packuments = new Map<
    string,
    { name: string; 'dist-tags': Record<string, string>; versions: Record<string, object> }
  >();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev) continue;
    const name = nameOf(path);
    const installed = join(root, path);
    const file = `${name.replace('/', '-')}-${entry.version}.tgz`;
    // Another platform's build of an optional package is not installed here: npm reads its os/cpu and skips it.
    const source: Record<string, unknown> = existsSync(join(installed, 'package.json'))
      ? JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'))
      : { ...entry, name };
    const dist = existsSync(join(installed, 'package.json'))
      ? await packInstalled(installed, join(tarballs, file))
      : {};
    const manifest = Object.fromEntries(
      manifestFields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]),
    );
    const packument = packuments.get(name) ?? { name, 'dist-tags': {}, versions: {} };
    packument.versions[entry.version] = {
      ...manifest,
      dist: { ...dist, tarball: `${url}/-/tarballs/${encodeURIComponent(file)}` },
    };
    packument['dist-tags'].latest ??= entry.version;
    packuments.set(name, packument);
  }

  const requested: string[] = [];
  server.on('request', (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).slice(1);
    if (path.startsWith('-/tarballs/')) {
      const file = join(tarballs, path.slice('-/tarballs/'.length).replace(/[/\\]/g, ''));
      readFile(file).then(
        (bytes) => {
          requested.push(path);
          res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
        },
        () => res.writeHead(404).end(),
      );
      return;
    }
    const packument = packuments.get(path);
    if (!packument) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    requested.push(path);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
  });
  return { url, requested, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
