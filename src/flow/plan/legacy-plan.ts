// A hand-made relay's leftovers as plan parts (pure): the superseded main.cf
// settings (legacy-settings.ts) replaced consistently — where the plan sets a
// parameter itself (the TLS level, the CA file) its value wins — and the
// password map main.cf named before, which the wizard's map replaces.
import { legacyReplacement, type LegacySetting } from '../../postfix/legacy-settings.js';
import type { Settings } from '../../postfix/postconf.js';
import type { PasswordMapFacts } from '../types.js';

export interface LegacyPart {
  /** What the replacements set that the rest of the plan does not. */
  settings: Settings;
  removeSettings: string[];
  /** The values taken out, for the record `remove` reads (options-plan.ts). */
  removed: Record<string, string>;
  shown: LegacySetting[];
}

export function planLegacy(legacy: readonly LegacySetting[] | undefined, wanted: Readonly<Settings>): LegacyPart {
  const found = legacy ?? [];
  const part: LegacyPart = { settings: {}, removeSettings: [], removed: {}, shown: [...found] };
  for (const [name, value] of Object.entries(legacyReplacement(found))) {
    if (name in wanted) continue;
    if (value !== undefined) part.settings[name] = value;
    else {
      part.removeSettings.push(name);
      const old = found.find((s) => s.name === name);
      if (old) part.removed[name] = old.value;
    }
  }
  return part;
}

/**
 * The files of the map the wizard's replaces, deleted after the backup — unless something else still
 * names it, or it lies outside the config directory (where `restore` does not write): then it stays, made 0600.
 */
export function retiredMapFiles(superseded: PasswordMapFacts | undefined, configDir: string): string[] {
  if (!superseded || superseded.namedElsewhere || !superseded.path.startsWith(`${configDir.replace(/\/+$/, '')}/`))
    return [];
  return [...(superseded.mode !== undefined ? [superseded.path] : []), ...superseded.compiled.map((c) => c.path)];
}
