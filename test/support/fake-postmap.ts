// postmap(1) for the fake Postfix: `postmap [-c DIR] type:path` compiles the source into
// path.db (hash, btree) or path.lmdb; as the real one does, a new compiled file takes the source's
// mode and an existing one keeps its own (rewritten in place). The compiled file holds a snapshot of
// the source text (`compiled:<text>`, no real database), so `-q KEY` and `-s` answer from what was
// compiled, not from the source as it is now: a map edited without postmap stays stale, as in Postfix.
import type { FakeSystem } from './fake-system.js';

const compiledPath = (type: string, path: string) => `${path}${type === 'lmdb' ? '.lmdb' : '.db'}`;
const prefix = 'compiled:';

/** The entries of a map source: "key whitespace value", continuation lines, comments; keys folded to lower case. */
export function mapEntries(source: string): [string, string][] {
  const entries: [string, string][] = [];
  for (const line of source.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const last = entries.at(-1);
    if (/^\s/.test(line) && last)
      last[1] = `${last[1]}${line}`.trimEnd(); // joined as Postfix joins lines
    else {
      const match = /^(\S+)\s+(.*?)\s*$/.exec(line);
      if (match) entries.push([match[1]!.toLowerCase(), match[2]!]);
    }
  }
  return entries;
}

export function installFakePostmap(sys: FakeSystem): void {
  const fail = (stderr: string) => ({ exitCode: 1, stdout: '', stderr: `${stderr}\n` });
  sys.on('postmap', (rawArgs) => {
    const args = rawArgs[0] === '-c' ? rawArgs.slice(2) : [...rawArgs];
    const query = args[0] === '-q' ? args[1] : undefined;
    const list = args[0] === '-s';
    const [type, path] = (args.at(-1) ?? '').split(/:(.*)/s) as [string, string];
    if (query !== undefined || list) {
      const compiled = sys.text(compiledPath(type, path));
      if (compiled === undefined)
        return fail(`postmap: fatal: open database ${compiledPath(type, path)}: No such file or directory`);
      const entries = mapEntries(compiled.slice(prefix.length));
      if (list) return { exitCode: 0, stdout: entries.map(([k, v]) => `${k}\t${v}\n`).join(''), stderr: '' };
      const found = entries.find(([k]) => k === query!.toLowerCase());
      return found ? { exitCode: 0, stdout: `${found[1]}\n`, stderr: '' } : { exitCode: 1, stdout: '', stderr: '' };
    }
    const source = sys.files.get(path);
    if (!source) return fail(`postmap: fatal: open ${path}: No such file or directory`);
    const target = compiledPath(type, path);
    sys.put(target, `${prefix}${source.content.toString()}`, sys.files.get(target)?.mode ?? source.mode);
    return { exitCode: 0, stdout: '', stderr: '' };
  });
}
