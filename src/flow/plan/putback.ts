// What `remove` puts back of what the TLS fixes took out (saved-record.ts):
// master.cf `-o` values through `postconf -P`, table entries into their
// source file (then postmap). A person's edit since the setup wins: where
// the `-o` has another value now, the service is gone, the table file is
// gone or holds another entry for the key, that item is skipped and said.
import { compiledMapPaths, needsPostmap, postmapArgs } from '../../postfix/maps.js';
import { editableMap } from '../../postfix/tls-policy.js';
import { entryLines, putBackLines } from '../../postfix/table-entries.js';
import type { PostfixFacts, PutBackFacts } from '../types.js';
import type { PlannedCommand } from '../../transaction/plan.js';
import type { ShownFile } from './plan-part.js';
import { sha256, type SavedRecord } from '../../postfix/saved-record.js';
import { instanceDir } from '../../postfix/postconf.js';

export type PutBackSkipCode = 'master-changed' | 'master-service-gone' | 'table-changed' | 'table-gone';

export interface PutBackSkip {
  code: PutBackSkipCode;
  /** `service/type/name` (master.cf) or the table (`hash:/etc/postfix/tls_policy`). */
  where: string;
  /** The table key; empty for master.cf. */
  key: string;
  /** What the record would have put back. */
  value: string;
  /** What is there now instead. */
  now?: string;
}

export interface PutBack {
  /** `service/type/name=value` for `postconf -P`. */
  masterSettings: string[];
  files: ShownFile[];
  commands: PlannedCommand[];
  touches: string[];
  skipped: PutBackSkip[];
}

export function planPutBack(postfix: PostfixFacts, record: SavedRecord, facts: PutBackFacts): PutBack {
  const result: PutBack = { masterSettings: [], files: [], commands: [], touches: [], skipped: [] };
  const dir = postfix.configDir.replace(/\/+$/, '');
  for (const [name, value] of record.master) {
    const service = name.slice(0, name.lastIndexOf('/'));
    const now = facts.master.find((p) => `${p.service}/${p.type}/${p.name}` === name);
    if (!facts.services.includes(service))
      result.skipped.push({ code: 'master-service-gone', where: name, key: '', value });
    else if (now && now.value !== value)
      result.skipped.push({ code: 'master-changed', where: name, key: '', value, now: now.value });
    else if (!now) result.masterSettings.push(`${name}=${value}`);
  }
  if (result.masterSettings.length > 0) result.touches.push(`${dir}/master.cf`);

  // Last taken out, first put back: each step gives the file the previous one left.
  const byPath = new Map<string, { type: string; content: string; mode?: number; original?: string }>();
  for (const entry of [...record.tables].reverse()) {
    const ref = editableMap(entry.map);
    if (!ref) continue;
    const file = byPath.get(ref.path) ?? {
      type: ref.type,
      content: facts.tables[ref.path]?.content ?? '',
      mode: facts.tables[ref.path]?.mode,
      original: facts.tables[ref.path]?.content,
    };
    const value = entry.lines.map(([, text]) => text.trim()).join(' ');
    if (file.original === undefined) {
      result.skipped.push({ code: 'table-gone', where: entry.map, key: entry.key, value });
      continue;
    }
    const present = entryLines(file.content, entry.key);
    const lines = entry.lines.map(([, text]) => text);
    if (present.length > 0) {
      if (present.join('\n') !== lines.join('\n'))
        result.skipped.push({
          code: 'table-changed',
          where: entry.map,
          key: entry.key,
          value,
          now: present.map((l) => l.trim()).join(' '),
        });
      continue;
    }
    file.content = putBackLines(file.content, entry.lines, sha256(file.content) === entry.written);
    byPath.set(ref.path, file);
  }
  for (const [path, file] of byPath) {
    if (file.content === file.original) continue;
    result.files.push({
      path,
      content: file.content,
      mode: file.mode ?? 0o644,
      secret: false,
      previous: file.original,
    });
    if (needsPostmap(file.type)) {
      result.commands.push({
        file: 'postmap',
        args: postmapArgs(instanceDir(postfix), file.type, path),
      });
    }
    result.touches.push(path, ...compiledMapPaths(file.type, path));
  }
  return result;
}
