// What the relay options need to know beyond detect's HostFacts: the
// parameters they read, the domains local senders carry, and the files they
// write (generic map, aliases, the record of replaced main.cf values). Read
// only; setup, status and remove all start from it.
import { compiledMapPaths, needsPostmap } from '../../postfix/maps.js';
import { postconfArgs, readSettings, instanceDir } from '../../postfix/postconf.js';
import type { System } from '../../system/types.js';
import {
  allScheduleFiles,
  programDirs,
  programProblem,
  type ProgramPaths,
  type ProgramProblem,
} from '../../distro/schedule.js';
import type { LocalFacts, OptionFile, PostfixFacts, PutBackFacts, ScheduleFacts } from '../types.js';
import { editableMap, parseMasterParameters } from '../../postfix/tls-policy.js';
import type { SavedRecord } from '../../postfix/saved-record.js';
import { genericMapPath, savedSettingsPath } from '../../postfix/wizard-files.js';

export const localSettingNames = [
  'smtp_generic_maps',
  'smtp_address_preference',
  'inet_protocols',
  'inet_interfaces',
  'myhostname',
  'mydomain',
  'myorigin',
  'mydestination',
  'alias_maps',
  'mynetworks',
  'smtpd_relay_restrictions',
  'smtpd_recipient_restrictions',
  'relay_domains',
  'virtual_alias_domains',
  'virtual_mailbox_domains',
  'smtpd_sasl_auth_enable',
] as const;

function dir(postfix: Pick<PostfixFacts, 'configDir'>): string {
  return postfix.configDir.replace(/\/+$/, '');
}

export { genericMapPath, savedSettingsPath };

export async function readLocalFacts(sys: System, postfix: PostfixFacts): Promise<LocalFacts> {
  const configDir = instanceDir(postfix);
  // detect read them with the rest (one reading per run); facts made some other way are read here.
  const detected = localSettingNames.every((name) => name in postfix.settings);
  const settings = detected
    ? postfix.settings
    : { ...postfix.settings, ...(await readSettings(sys, configDir, localSettingNames)) };
  const expand = (value: string) => expandNames(value, settings);
  const myhostname = expand(settings.myhostname ?? '') || 'localhost';
  const mydomain = expand(settings.mydomain ?? '') || 'localdomain';
  let myorigin = expand(settings.myorigin ?? '') || myhostname;
  // Debian's Postfix takes a file name here (/etc/mailname) and uses its first line.
  if (myorigin.startsWith('/')) myorigin = (await sys.readFile(myorigin))?.split('\n')[0]?.trim() || myhostname;
  const resolved = { ...settings, myhostname, mydomain, myorigin };
  const localDestinations = (settings.mydestination ?? '')
    .split(/[\s,]+/)
    .filter((word) => word && !/^[a-z0-9]+:/.test(word))
    .map((word) => expandNames(word, resolved).toLowerCase());
  const generic = await readOptionFile(sys, postfix.defaultMapType, genericMapPath(postfix));
  const savedPath = savedSettingsPath(postfix);
  return {
    settings,
    domains: {
      myorigin: myorigin.toLowerCase(),
      myhostname: myhostname.toLowerCase(),
      mydomain: mydomain.toLowerCase(),
    },
    localDestinations,
    generic,
    saved: { path: savedPath, content: await sys.readFile(savedPath), ...(await modeOf(sys, savedPath)) },
    aliases: await readAliases(sys, postfix, settings.alias_maps ?? ''),
    schedule: await readSchedule(sys),
  };
}

/** This program's paths, and why a root timer must not call them (npx's cache, a directory others can change). */
export async function programTrust(sys: System): Promise<{ program: ProgramPaths; problem?: ProgramProblem }> {
  const program = sys.program();
  const problem = programProblem(program);
  if (problem) return { program, problem };
  for (const dir of programDirs(program)) {
    if (!(await sys.fileInfo(dir))) continue; // no node_modules of its own (a global install's are inside)
    const unsafe = await sys.unsafeDir(dir);
    if (unsafe) return { program, problem: { code: 'unsafe-dir', path: unsafe.path } };
  }
  return { program };
}

/** The scheduled check's files as they are, what would run it, and whether a root timer may call this program. */
export async function readSchedule(sys: System): Promise<ScheduleFacts> {
  const kind = (await sys.fileInfo('/run/systemd/system'))?.isDirectory ? 'systemd' : 'cron';
  const found = await Promise.all(
    allScheduleFiles.map(async (path) => {
      const content = await sys.readFile(path);
      return content === undefined ? undefined : { path, content, ...(await modeOf(sys, path)) };
    }),
  );
  const { program, problem } = await programTrust(sys);
  return {
    kind,
    files: found.filter((f) => f !== undefined),
    program,
    ...(problem ? { problem } : {}),
  };
}

/** `$name` and `${name}` replaced by the values known; anything else (Postfix's ${name?x:y} forms) left out. */
function expandNames(value: string, known: Record<string, string>): string {
  let text = value;
  for (let round = 0; round < 5 && /\$/.test(text); round++) {
    text = text.replace(/\$\{?([A-Za-z0-9_]+)\}?/g, (_whole, name: string) => known[name] ?? '');
  }
  return text.trim();
}

async function readOptionFile(sys: System, type: string, path: string): Promise<OptionFile> {
  const [content, info] = await Promise.all([sys.readFile(path), sys.fileInfo(path)]);
  const compiledInfo = await Promise.all(
    compiledMapPaths(type, path).map(async (p) => [p, await sys.fileInfo(p)] as const),
  );
  const compiled = compiledInfo.filter(([, i]) => i !== undefined).map(([p]) => p);
  const compiledCurrent = compiledInfo.every(([, i]) => i !== undefined && (!info || i.mtimeMs >= info.mtimeMs));
  return { type, path, content, mode: info?.mode, compiled, compiledCurrent };
}

/**
 * The first file-based alias_maps entry (hash:/etc/aliases on Debian). A private instance
 * (--config-dir) may only edit one inside its own directory: /etc/aliases belongs to the
 * machine's own Postfix.
 */
async function readAliases(sys: System, postfix: PostfixFacts, aliasMaps: string): Promise<OptionFile | undefined> {
  for (const word of aliasMaps.split(/[\s,]+/)) {
    const match = /^([a-z0-9]+):(\/\S+)$/.exec(word);
    if (!match?.[1] || !match[2] || !needsPostmap(match[1])) continue;
    if (!postfix.isDefaultInstance && !match[2].startsWith(`${dir(postfix)}/`)) return undefined;
    return readOptionFile(sys, match[1], match[2]);
  }
  return undefined;
}

/** What `remove` compares the saved record's master.cf and table lines with (plan/putback.ts); read only when it has some. */
export async function readPutBackFacts(sys: System, postfix: PostfixFacts, record: SavedRecord): Promise<PutBackFacts> {
  const configDir = instanceDir(postfix);
  const facts: PutBackFacts = { services: [], master: [], tables: {} };
  if (record.master.size > 0) {
    const [services, parameters] = await Promise.all([
      sys.exec('postconf', postconfArgs(configDir, '-M')),
      sys.exec('postconf', postconfArgs(configDir, '-P')),
    ]);
    const failed = [services, parameters].find((r) => r.exitCode !== 0);
    if (failed) throw new Error(`postconf exited ${failed.exitCode}: ${failed.stderr.trim()}`);
    facts.services = services.stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f.length > 1)
      .map(([name, type]) => `${name}/${type}`);
    facts.master = parseMasterParameters(parameters.stdout);
  }
  for (const entry of record.tables) {
    const ref = editableMap(entry.map);
    if (!ref || ref.path in facts.tables) continue;
    const [content, info] = await Promise.all([sys.readFile(ref.path), sys.fileInfo(ref.path)]);
    facts.tables[ref.path] = { content, mode: info?.mode };
  }
  return facts;
}

/** The file's mode, when it exists (a saved-values file holding an inline password must be root-only). */
async function modeOf(sys: System, path: string): Promise<{ mode?: number }> {
  const info = await sys.fileInfo(path);
  return info ? { mode: info.mode } : {};
}
