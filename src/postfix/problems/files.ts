// Files: a password map (or its compiled copy) others can read; a table whose compiled copy is
// missing or older than its source (postmap was not run after the last edit, so Postfix reads the old one);
// Postfix's data_directory owned by another user than mail_owner (Postfix does not start).
import type { DoctorFacts, MapState, Problem } from './types.js';

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

export function passwordFileReadable(maps: readonly MapState[]): Problem[] {
  const exposed = maps
    .filter((m) => m.secret)
    .flatMap((m) => [m.source, ...m.compiled.map((c) => c.state)])
    .filter((f): f is NonNullable<typeof f> => f !== undefined && ((f.mode & 0o077) !== 0 || f.uid !== 0));
  const unique = [...new Map(exposed.map((f) => [f.path, f])).values()];
  if (unique.length === 0) return [];
  // chmod cannot take a file from another owner: that one is left to a person.
  const byMode = unique.filter((f) => (f.mode & 0o077) !== 0);
  const otherOwner = unique.some((f) => f.uid !== 0);
  return [
    {
      code: 'password-file-readable',
      severity: 'error',
      evidence: unique.map((f) => `${f.path} mode ${octal(f.mode)}${f.uid !== 0 ? ` uid ${f.uid}` : ''}`),
      fixable: byMode.length > 0 && !otherOwner,
      repair: { chmod: byMode.map((f) => f.path) },
      vars: { paths: unique.map((f) => f.path).join(' ') },
    },
  ];
}

export function mapNotCompiled(maps: readonly MapState[]): Problem[] {
  // A leftover main.cf does not name (parameter '') is never read: its age does not matter.
  const stale = maps.filter(
    (m) =>
      m.parameter &&
      m.source &&
      m.compiled.length > 0 &&
      m.compiled.some((c) => !c.state || c.state.mtimeMs < m.source!.mtimeMs),
  );
  const unique = [...new Map(stale.map((m) => [`${m.type}:${m.path}`, m])).values()];
  if (unique.length === 0) return [];
  return [
    {
      code: 'map-not-compiled',
      severity: 'error',
      evidence: unique.map((m) => {
        const missing = m.compiled.filter((c) => !c.state).map((c) => c.path);
        return `${m.parameter} = ${m.type}:${m.path}: ${missing.length > 0 ? `${missing.join(', ')} missing` : `${m.compiled[0]!.path} older than ${m.path}`}`;
      }),
      fixable: true,
      repair: { postmap: unique.map((m) => ({ type: m.type, path: m.path })) },
      vars: { maps: unique.map((m) => `${m.type}:${m.path}`).join(' ') },
    },
  ];
}

/** After `apt-get remove postfix` and a reinstall, /var/lib/postfix may be root's: master cannot take its lock there. */
export function dataDirOwner(facts: Pick<DoctorFacts, 'dataDir'>): Problem[] {
  const dir = facts.dataDir;
  if (!dir || dir.uid === dir.ownerUid) return [];
  // chown -R only below a directory of its own (never /, /var, a path with ..) and to a plain user name.
  const fixable =
    /^(\/[^/\0]+){2,}\/?$/.test(dir.path) &&
    !dir.path.split('/').includes('..') &&
    /^[a-z_][a-z0-9_.-]*$/i.test(dir.owner);
  return [
    {
      code: 'data-dir-owner',
      severity: 'error',
      evidence: [`data_directory = ${dir.path}: owner uid ${dir.uid}, not ${dir.owner} (uid ${dir.ownerUid})`],
      fixable,
      ...(fixable ? { repair: { chown: [{ path: dir.path, owner: dir.owner }] } } : {}),
      vars: { path: dir.path, owner: dir.owner },
    },
  ];
}
