// A Postfix for the recording FakeSystem, built from command output of the
// fixture (test/fixtures/<distro>/commands): postconf answers from `postconf -d`
// plus main.cf and master.cf as Postfix reads them (continuation lines, -n, -M,
// -P, -F), -e/-X edit main.cf (fake-postfix-files.ts) and -M/-MX/-P/-PX/-F
// edit master.cf (fake-master-cf.ts) as postconf does,
// postmap compiles, queries and lists maps (fake-postmap.ts), postfix check
// refuses what Postfix's refuses, postqueue -j lists a queue, and a submitted
// test message gets a delivery line in the log. Its contract test
// (fake-postfix.test.ts) runs the same edits through the real postconf -c DIR.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePostconf } from '../../src/postfix/postconf.js';
import { answerMasterCf, masterEntries } from './fake-master-cf.js';
import { PostfixSyntaxError, editMainCf, mainCfSettings, parseEdit, printedValue } from './fake-postfix-files.js';
import { installFakePostmap } from './fake-postmap.js';
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
  const masterCfPath = `${configDir}/master.cf`;
  const maillog = options.maillog ?? '/var/log/mail.log';
  const stockMainCf = existsSync(join(dir, 'main.cf')) ? join(dir, 'main.cf') : join(dir, 'main.cf.local-only');
  sys.put(mainCfPath, options.mainCf ?? readFileSync(stockMainCf, 'utf8'));
  // master.cf: the fixture's own, else the captured `postconf -M` (one logical line an entry, valid master.cf).
  const stockMasterCf = join(dir, 'master.cf');
  sys.put(masterCfPath, existsSync(stockMasterCf) ? readFileSync(stockMasterCf, 'utf8') : command('postconf-M.txt'));
  sys.put(maillog, '');
  loadFixtureRoot(sys, fixture);
  const state: FakePostfix = {
    mainCf: () => sys.text(mainCfPath) ?? '',
    explicit: () =>
      Object.fromEntries(
        Object.entries(mainCfSettings(state.mainCf(), mainCfPath, true)).map(([n, v]) => [n, printedValue(v)]),
      ),
    running: options.running ?? true,
    queue: [],
    outputs,
  };
  // master.pid read without postfix status (src/system/postfix-master.ts): the fake's one master.
  sys.masterRunning = () => state.running;
  const ok = (stdout = '') => ({ exitCode: 0, stdout, stderr: '' });
  const fail = (stderr: string) => ({ exitCode: 1, stdout: '', stderr: `${stderr}\n` });
  sys.on('postconf', (rawArgs) => {
    const dirGiven = rawArgs[0] === '-c' ? rawArgs[1] : undefined;
    const args = dirGiven === undefined ? [...rawArgs] : rawArgs.slice(2);
    const flag = args[0]?.startsWith('-') ? args.shift() : undefined;
    try {
      return postconf(flag, args, dirGiven);
    } catch (error) {
      if (error instanceof PostfixSyntaxError) return fail(error.message);
      throw error;
    }
  });
  // Postfix 3.7's postconf, as its contract test pins it (fake-postfix.test.ts): a parameter it does
  // not know is neither listed nor printed; -c DIR makes config_directory explicit.
  const postconf = (flag: string | undefined, args: string[], dirGiven: string | undefined) => {
    const explicit = () => {
      const all = mainCfSettings(state.mainCf(), mainCfPath);
      const pairs = Object.entries(all).filter(([n]) => n in defaults);
      if (dirGiven) pairs.push(['config_directory', dirGiven]);
      return Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : 1)));
    };
    const line = ([n, v]: [string, string]) => `${n} =${v.trim() ? ` ${printedValue(v)}` : ''}\n`;
    switch (flag) {
      case '-A':
        return ok(command('postconf-A.txt'));
      case '-m':
        return ok(command('postconf-m.txt'));
      case '-d':
        return ok(args.map((n) => `${n} = ${defaults[n] ?? ''}\n`).join(''));
      case '-n':
        return ok(
          Object.entries(explicit())
            .filter(([n]) => args.length === 0 || args.includes(n))
            .map(line)
            .join(''),
        );
      case '-e':
        sys.put(mainCfPath, editMainCf(state.mainCf(), Object.fromEntries(args.map(parseEdit))));
        return ok();
      case '-X':
        sys.put(mainCfPath, editMainCf(state.mainCf(), Object.fromEntries(args.map((n) => [n, undefined]))));
        return ok();
      case '-M':
      case '-MX':
      case '-P':
      case '-PX':
      case '-F':
        return master(flag, args);
      default: {
        const values: Record<string, string> = { ...defaults, ...explicit() };
        return ok(
          args
            .filter((n) => n in values)
            .map((n) => line([n, values[n]!]))
            .join(''),
        );
      }
    }
  };
  const masterCf = () => sys.text(masterCfPath) ?? '';
  const master = (flag: string, args: string[]) =>
    'postconf-M.txt' in outputs && flag === '-M'
      ? ok(outputs['postconf-M.txt'])
      : answerMasterCf(flag, args, masterCf(), masterCfPath, (text) => sys.put(masterCfPath, text));
  installFakePostmap(sys);
  sys.on('postfix', (rawArgs) => {
    const verb = rawArgs.at(-1);
    if (verb === 'status')
      return state.running
        ? ok()
        : { exitCode: 1, stdout: '', stderr: 'postfix/postfix-script: the Postfix mail system is not running' };
    if (verb === 'check') {
      if (options.failCheck) return fail('postfix: fatal: bad configuration');
      // What Postfix 3.7's check refuses: a main.cf line without '=', a master.cf entry short of 8 fields.
      try {
        mainCfSettings(state.mainCf(), mainCfPath);
        masterEntries(masterCf(), masterCfPath);
      } catch (error) {
        if (error instanceof PostfixSyntaxError) return fail(error.message);
        throw error;
      }
      return ok();
    }
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
