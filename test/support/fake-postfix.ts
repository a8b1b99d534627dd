// A Postfix for the recording FakeSystem, built from real command output
// captured on a real system (test/fixtures/<distro>/commands): postconf
// answers from `postconf -d` plus main.cf, `-e`/`-X` edit main.cf, postmap
// makes the compiled map, postqueue -j lists a queue, and a submitted test
// message gets a delivery line in the log.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePostconf } from '../../src/postfix/postconf.js';
import type { FakeSystem } from './fake-system.js';
import { repoPath } from './paths.js';

export interface FakePostfixOptions {
  fixture?: string; // folder under test/fixtures, default debian-12
  mainCf?: string; // main.cf text, default the fixture's main.cf.local-only
  configDir?: string;
  running?: boolean;
  maillog?: string;
  /** The delivery line's tail for a submitted message, e.g. "status=sent (250 2.0.0 OK …)"; undefined: stays queued. */
  delivery?: (to: string) => string | undefined;
  failCheck?: boolean;
}

export interface FakePostfix {
  mainCf(): string;
  explicit(): Record<string, string>;
  running: boolean;
  queue: string[]; // postqueue -j lines
  /** Replaces a captured command output by name (e.g. 'postconf-A.txt' after a rebuild with SASL). */
  outputs: Record<string, string>;
}

export function loadFixtureRoot(sys: FakeSystem, fixture: string): void {
  const root = repoPath('test', 'fixtures', fixture, 'root');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else sys.put(`/${relative(root, full)}`, readFileSync(full));
    }
  };
  walk(root);
  // Empty directories (git keeps none): one path a line in <fixture>/dirs.txt.
  const dirs = join(root, '..', 'dirs.txt');
  if (existsSync(dirs))
    for (const d of readFileSync(dirs, 'utf8')
      .split('\n')
      .map((l) => l.trim()))
      if (d.startsWith('/')) sys.dirs.add(d);
}

export function installFakePostfix(sys: FakeSystem, options: FakePostfixOptions = {}): FakePostfix {
  const fixture = options.fixture ?? 'debian-12';
  const dir = repoPath('test', 'fixtures', fixture);
  const outputs: Record<string, string> = {};
  const command = (name: string) => outputs[name] ?? readFileSync(join(dir, 'commands', name), 'utf8');
  const defaults = parsePostconf(command('postconf-d.txt'));
  const configDir = options.configDir ?? '/etc/postfix';
  const mainCfPath = `${configDir}/main.cf`;
  const maillog = options.maillog ?? '/var/log/mail.log';
  const stockMainCf = existsSync(join(dir, 'main.cf')) ? join(dir, 'main.cf') : join(dir, 'main.cf.local-only');
  sys.put(mainCfPath, options.mainCf ?? readFileSync(stockMainCf, 'utf8'));
  sys.put(maillog, '');
  loadFixtureRoot(sys, fixture);
  const state: FakePostfix = {
    mainCf: () => sys.text(mainCfPath) ?? '',
    explicit: () => parseMainCf(state.mainCf()),
    running: options.running ?? true,
    queue: [],
    outputs,
  };
  const ok = (stdout = '') => ({ exitCode: 0, stdout, stderr: '' });
  sys.on('postconf', (rawArgs) => {
    const args = rawArgs[0] === '-c' ? rawArgs.slice(2) : [...rawArgs];
    const flag = args[0]?.startsWith('-') ? args.shift() : undefined;
    const values = { ...defaults, ...state.explicit() };
    switch (flag) {
      case '-A':
        return ok(command('postconf-A.txt'));
      case '-m':
        return ok(command('postconf-m.txt'));
      case '-M':
        return ok(command('postconf-M.txt'));
      case '-d':
        return ok(args.map((n) => `${n} = ${defaults[n] ?? ''}\n`).join(''));
      case '-n':
        return ok(
          Object.entries(state.explicit())
            .filter(([n]) => args.length === 0 || args.includes(n))
            .map(([n, v]) => `${n} = ${v}\n`)
            .join(''),
        );
      case '-e': {
        const edits = Object.fromEntries(args.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
        sys.put(mainCfPath, editMainCf(state.mainCf(), edits));
        return ok();
      }
      case '-X':
        sys.put(mainCfPath, editMainCf(state.mainCf(), Object.fromEntries(args.map((n) => [n, undefined]))));
        return ok();
      default:
        return ok(
          args
            .filter((n) => n in values)
            .map((n) => `${n} = ${values[n]}\n`)
            .join(''),
        );
    }
  });
  sys.on('postmap', (args) => {
    const [type, path] = (args.at(-1) ?? '').split(/:(.*)/s) as [string, string];
    const source = sys.files.get(path);
    if (!source) return { exitCode: 1, stdout: '', stderr: `postmap: fatal: open ${path}: No such file or directory` };
    // As postmap(1) does: an existing compiled file is rewritten in place, keeping its mode.
    const compiled = `${path}${type === 'lmdb' ? '.lmdb' : '.db'}`;
    sys.put(compiled, `compiled:${source.content.toString()}`, sys.files.get(compiled)?.mode ?? source.mode);
    return ok();
  });
  sys.on('postfix', (rawArgs) => {
    const verb = rawArgs.at(-1);
    if (verb === 'status')
      return state.running
        ? ok()
        : { exitCode: 1, stdout: '', stderr: 'postfix/postfix-script: the Postfix mail system is not running' };
    if (verb === 'check')
      return options.failCheck ? { exitCode: 1, stdout: '', stderr: 'postfix: fatal: bad configuration' } : ok();
    if (verb === 'start' || verb === 'reload') state.running = true;
    if (verb === 'stop') state.running = false;
    return ok();
  });
  sys.on('postqueue', () => ok(state.queue.join('\n')));
  sys.submitResult = (request) => {
    const id = '4F2C21A0B3';
    const tail = options.delivery?.(request.to);
    if (tail) {
      const line = `Nov 28 09:00:01 vm postfix/smtp[4242]: ${id}: to=<${request.to}>, relay=smtp.gmail.com[142.250.102.109]:587, delay=1.1, delays=0.01/0.01/0.6/0.5, dsn=${/dsn=(\S+),/.exec(tail)?.[1] ?? '2.0.0'}, ${tail}\n`;
      sys.put(maillog, (sys.text(maillog) ?? '') + line);
    } else {
      state.queue.push(
        JSON.stringify({
          queue_name: 'active',
          queue_id: id,
          arrival_time: 1,
          message_size: 500,
          forced_expire: false,
          sender: request.from,
          recipients: [{ address: request.to }],
        }),
      );
    }
    return { response: `250 2.0.0 Ok: queued as ${id}` };
  };
  return state;
}

function parseMainCf(text: string): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) settings[match[1]] = match[2] ?? '';
  }
  return settings;
}

/** As postconf -e/-X do: replace a parameter's line in place, append new ones, drop removed ones. */
function editMainCf(text: string, edits: Record<string, string | undefined>): string {
  const pending = new Map(Object.entries(edits));
  const lines = text
    .replace(/\n$/, '')
    .split('\n')
    .flatMap((line) => {
      const name = /^([A-Za-z0-9_]+)\s*=/.exec(line)?.[1];
      if (!name || !pending.has(name)) return [line];
      const value = pending.get(name);
      pending.delete(name);
      return value === undefined ? [] : [`${name} = ${value}`];
    });
  for (const [name, value] of pending) if (value !== undefined) lines.push(`${name} = ${value}`);
  return `${lines.join('\n')}\n`;
}
