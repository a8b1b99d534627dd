// The TLS level the wizard promises (secure) must be the one smtp(8) uses for
// the relay. What overrides it is taken out: a master.cf `-o` through
// `postconf -PX`; a policy-table entry for the relay by rewriting that one
// entry of the table's source (backed up) and running postmap. A table the
// wizard cannot edit safely (regexp, pcre, ldap, proxy:…) is refused with the fix.
// What is taken out is recorded (saved-record.ts) for `remove` to put back.
import { WizardError } from '../../errors.js';
import { compiledMapPaths, needsPostmap, postmapArgs } from '../../postfix/maps.js';
import type { PolicyEntry, TlsFacts } from '../../postfix/tls-overrides.js';
import { takeOutEntry } from '../../postfix/table-entries.js';
import { t } from '../../ui/messages.js';
import type { PostfixFacts } from '../types.js';
import type { PlannedCommand } from '../../transaction/plan.js';
import type { ShownFile, TlsOverride } from './plan-part.js';
import { instanceDir } from '../../postfix/postconf.js';
import { sha256, type SavedTableEntry } from '../../postfix/saved-record.js';

export interface TlsFixes {
  overrides: TlsOverride[];
  /** `service/type/parameter` for `postconf -PX`. */
  masterRemovals: string[];
  files: ShownFile[];
  commands: PlannedCommand[];
  touches: string[];
  /** For the saved record: the `-o` values taken out (`service/type/name`, value) and the table entries. */
  takenOut: { master: [string, string][]; tables: SavedTableEntry[] };
}

/** A table entry that is exactly `secure` says what main.cf says; anything else (encrypt, may, match=…) is an override. */
function overrides(entry: PolicyEntry | undefined): entry is PolicyEntry {
  return entry !== undefined && entry.value.trim().toLowerCase() !== 'secure';
}

/** Before any password is asked for: a table the wizard would have to leave as it is. */
export function refuseUnfixableTls(tls: TlsFacts): void {
  for (const entry of [tls.policy, tls.perSite]) {
    if (!overrides(entry) || entry.editable) continue;
    const type = entry.map.split(':')[0] ?? entry.map;
    throw new WizardError(
      'tls-policy-override',
      t('tls.refused', { map: entry.map, key: entry.key, value: entry.value, type }),
      t('tls.refusedFix', { key: entry.key, map: entry.map }),
    );
  }
}

/** `mainCf`: the TLS parameters as main.cf will say them after the plan. */
export function planTlsFixes(postfix: PostfixFacts, tls: TlsFacts, mainCf: Readonly<Record<string, string>>): TlsFixes {
  refuseUnfixableTls(tls);
  const fixes: TlsFixes = {
    overrides: [],
    masterRemovals: [],
    files: [],
    commands: [],
    touches: [],
    takenOut: { master: [], tables: [] },
  };
  const master = tls.master.filter((p) => p.value !== (mainCf[p.name] ?? tls.main[p.name] ?? ''));
  for (const p of master) {
    fixes.overrides.push({ source: 'master.cf', where: `${p.service}/${p.type}`, key: p.name, value: p.value });
    fixes.masterRemovals.push(`${p.service}/${p.type}/${p.name}`);
    fixes.takenOut.master.push([`${p.service}/${p.type}/${p.name}`, p.value]);
  }
  if (master.length > 0) fixes.touches.push(`${postfix.configDir.replace(/\/+$/, '')}/master.cf`);
  for (const [entry, source] of [
    [tls.policy, 'policy-map'],
    [tls.perSite, 'per-site'],
  ] as const) {
    if (!overrides(entry) || !entry.editable) continue;
    const { type, path, content, mode } = entry.editable;
    fixes.overrides.push({ source, where: entry.map, key: entry.key, value: entry.value });
    const { content: next, removed } = takeOutEntry(content ?? '', entry.key);
    if (content !== undefined && next !== content) {
      fixes.files.push({ path, content: next, mode: mode ?? 0o644, secret: false, previous: content });
      fixes.takenOut.tables.push({ map: `${type}:${path}`, key: entry.key, written: sha256(next), lines: removed });
    }
    // The compiled table may hold the entry even where the source no longer does.
    if (needsPostmap(type))
      fixes.commands.push({ file: 'postmap', args: postmapArgs(instanceDir(postfix), type, path) });
    fixes.touches.push(path, ...compiledMapPaths(type, path));
  }
  return fixes;
}
