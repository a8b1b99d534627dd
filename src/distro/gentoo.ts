// Gentoo: Postfix is built from source, so what it can do is decided by USE
// flags. `sasl` and `ssl` are off by default (IUSE in mail-mta/postfix
// ebuilds), and without them Postfix cannot log in to Gmail at all.
import type { CommandLine, System } from '../system/types.js';
import type { DistroFamily } from './family.js';

export const postfixAtom = 'mail-mta/postfix';
/** The flags the relay needs: Cyrus SASL for AUTH, OpenSSL for STARTTLS. */
export const neededUseFlags = ['sasl', 'ssl'] as const;
export const packageUsePath = '/etc/portage/package.use';
export const wizardPackageUseFile = `${packageUsePath}/postfix-gmail-wizard`;
const vdbDir = '/var/db/pkg/mail-mta';

export const gentoo: DistroFamily = {
  name: 'gentoo',
  ids: ['gentoo', 'funtoo', 'calculate'],
  postfixPackage: postfixAtom,
  // dev-libs/cyrus-sasl installs every mechanism (PLAIN and LOGIN included).
  saslPackages: ['dev-libs/cyrus-sasl'],
  saslPluginDirs: ['/usr/lib64/sasl2', '/usr/lib/sasl2'],
  caBundles: ['/etc/ssl/certs/ca-certificates.crt'],
  logFiles: ['/var/log/mail.log', '/var/log/messages'],
  // --ask=n: EMERGE_DEFAULT_OPTS often holds --ask, which would wait for a "Yes".
  install: (packages) => ({ file: 'emerge', args: ['--ask=n', '--newuse', ...packages] }),
};

export interface GentooFacts {
  /** The installed Postfix's package directory under /var/db/pkg, e.g. postfix-3.10.8. */
  installed?: string;
  /** Its USE flags (the USE file of that directory): what it was built with. */
  useFlags: string[];
  /** How /etc/portage/package.use is kept: a directory of files, one file, or not at all. */
  packageUse: 'dir' | 'file' | 'missing';
  /** Flags that package.use already gives mail-mta/postfix (a rebuild may still be pending). */
  packageUseFlags: string[];
  /** Files (with their text) that package.use is made of. */
  packageUseFiles: { path: string; content: string }[];
}

export async function readGentooFacts(sys: System): Promise<GentooFacts> {
  const installed = (await sys.listDir(vdbDir))
    .filter((n) => /^postfix-\d/.test(n))
    .sort()
    .at(-1);
  const use = installed ? await sys.readFile(`${vdbDir}/${installed}/USE`) : undefined;
  const info = await sys.fileInfo(packageUsePath);
  const packageUse = !info ? 'missing' : info.isDirectory ? 'dir' : 'file';
  const paths =
    packageUse === 'dir'
      ? (await sys.listDir(packageUsePath)).map((n) => `${packageUsePath}/${n}`)
      : packageUse === 'file'
        ? [packageUsePath]
        : [];
  const packageUseFiles: GentooFacts['packageUseFiles'] = [];
  for (const path of paths) {
    if ((await sys.fileInfo(path))?.isDirectory) continue;
    const content = await sys.readFile(path);
    if (content !== undefined) packageUseFiles.push({ path, content });
  }
  return {
    installed,
    useFlags: (use ?? '').split(/\s+/).filter(Boolean),
    packageUse,
    packageUseFlags: packageUseFiles.flatMap((f) => useFlagsFor(f.content, postfixAtom)),
    packageUseFiles,
  };
}

/** The flags package.use(5) lines give an atom (`>=mail-mta/postfix-3.8 sasl -ldap`), later lines winning. */
export function useFlagsFor(text: string, atom: string): string[] {
  const flags = new Map<string, boolean>();
  for (const raw of text.split('\n')) {
    const [target, ...words] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!target || !matchesAtom(target, atom)) continue;
    for (const word of words) {
      if (word.endsWith(':')) break; // USE_EXPAND prefix (e.g. "PYTHON_TARGETS:") — not plain flags
      flags.set(word.replace(/^[-+]/, ''), !word.startsWith('-'));
    }
  }
  return [...flags].filter(([, on]) => on).map(([flag]) => flag);
}

function matchesAtom(target: string, atom: string): boolean {
  const bare = target
    .replace(/^[<>=~!]+/, '')
    .replace(/:.*$/, '')
    .replace(/\[.*$/, '');
  return bare === atom || (bare.startsWith(`${atom}-`) && /^\d/.test(bare.slice(atom.length + 1)));
}

/** The USE flags the relay needs that the installed Postfix was built without (all of them when not installed). */
export function missingUseFlags(facts: GentooFacts): string[] {
  return neededUseFlags.filter((flag) => !facts.installed || !facts.useFlags.includes(flag));
}

/** The package.use edit that gives Postfix `sasl ssl`, or undefined when package.use already does (never twice). */
export function packageUseEdit(
  facts: GentooFacts,
  comment: string,
): { path: string; content: string; previous?: string } | undefined {
  if (neededUseFlags.every((flag) => facts.packageUseFlags.includes(flag))) return undefined;
  const line = `${postfixAtom} ${neededUseFlags.join(' ')}\n`;
  const block = `# ${comment}\n${line}`;
  if (facts.packageUse === 'file') {
    const previous = facts.packageUseFiles[0]?.content ?? '';
    const separator = previous === '' || previous.endsWith('\n\n') ? '' : previous.endsWith('\n') ? '\n' : '\n\n';
    return { path: packageUsePath, content: `${previous}${separator}${block}`, previous };
  }
  const previous = facts.packageUseFiles.find((f) => f.path === wizardPackageUseFile)?.content;
  return { path: wizardPackageUseFile, content: block, previous };
}

/** Rebuild (or first build) of Postfix with the new flags. --oneshot keeps a rebuild out of the world file; a first install belongs there. */
export function emergePostfix(installed: boolean): CommandLine {
  return { file: 'emerge', args: ['--ask=n', ...(installed ? ['--oneshot'] : []), '--newuse', postfixAtom] };
}
