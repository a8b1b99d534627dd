// A part of a plan as the planning steps make it (the relay options, the sender-dependent accounts,
// what remove takes out): main.cf values as wanted — settingChanges (plan.ts) compares them with
// what main.cf says — and the rest as the Plan will hold it (transaction/plan.ts, buildPlan), its files
// with what the person is shown of them; the helpers that say what a part holds (a map file with its
// postmap and backup paths, together); and ShownPlan, the plan as shown: the Plan and its views by path.
import { compiledMapPaths, needsPostmap, postmapArgs } from '../../postfix/maps.js';
import { instanceDir, type Settings } from '../../postfix/postconf.js';
import type { LegacySetting } from '../../postfix/legacy-settings.js';
import type { TlsSource } from '../../postfix/tls-policy.js';
import { buildPlan, type Plan, type PlanPiece, type PlannedCommand, type PlannedFile } from '../../transaction/plan.js';
import type { PostfixFacts } from '../types.js';

/** A setting that would make Postfix use another TLS level for the relay than main.cf's. */
export interface TlsOverride {
  source: Exclude<TlsSource, 'main.cf'>;
  /** `smtp/unix` (master.cf) or the table (`hash:/etc/postfix/tls_policy`). */
  where: string;
  /** The parameter (master.cf) or the table key. */
  key: string;
  value: string;
}

/** What a plan says beside its changes, for the person who reads it; the transaction never sees it. */
export interface PlanNotes {
  /** What overrode the TLS level for the relay (the fix is in the plan's master.cf and table edits). */
  tlsOverrides?: TlsOverride[];
  /** The relay next-hop and main.cf level the overrides are measured against. */
  tlsTarget?: { nexthop: string; level: string };
  /** The superseded settings the plan takes out or replaces (the edit is in its settings). */
  legacy?: LegacySetting[];
  /** The password map main.cf named before, replaced by the wizard's: its files deleted (after the backup). */
  retiredMap?: { path: string; files: string[] };
}

/** What the person is shown of a file the plan writes; the transaction never sees it. */
export interface FileView {
  /** The file's current text, undefined when it does not exist yet (or is not text). */
  previous?: string;
  /** A secret file's stand-in (the wizard's template, password masked); absent: only its line count is shown. */
  shown?: string;
}

/** A file as the plan builders make it: what the transaction writes, with what the person is shown of it. */
export type ShownFile = PlannedFile & FileView;

/** A part of a plan as the builders make it: the transaction's PlanPiece, its files with their views. */
export type ShownPiece = Omit<PlanPiece, 'files'> & { files?: ShownFile[] };

/** A plan as the person sees it: the transaction's Plan, each written file's view by its path, and the notes. */
export type ShownPlan = Plan & { views: Record<string, FileView>; notes?: PlanNotes };

/**
 * The one way a builder makes its plan: buildPlan over the pieces with their files' views taken
 * off, so the transaction gets only what it executes, and the views kept beside it by path.
 */
export function shownPlan(
  configDir: string,
  notes: PlanNotes | undefined,
  ...pieces: readonly (ShownPiece | undefined)[]
): ShownPlan {
  const views: Record<string, FileView> = {};
  const executed = pieces.map((piece) => {
    if (!piece?.files) return piece;
    const files = piece.files.map(({ previous, shown, ...file }) => {
      views[file.path] = { ...(previous !== undefined ? { previous } : {}), ...(shown !== undefined ? { shown } : {}) };
      return file;
    });
    return { ...piece, files };
  });
  return { ...buildPlan(configDir, ...executed), views, ...(notes ? { notes } : {}) };
}

/**
 * A planner that decides main.cf values before they are compared with main.cf (the relay options,
 * the sender accounts) fills every list of a ShownPiece and gives `settings` as the values wanted —
 * settingChanges (plan.ts) turns them into the piece's.
 */
export type PlanPart = Required<
  Pick<ShownPiece, 'removeSettings' | 'files' | 'deletes' | 'commands' | 'touches' | 'restart'>
> & {
  settings: Settings;
};

export function emptyPart(): PlanPart {
  return { settings: {}, removeSettings: [], files: [], deletes: [], commands: [], touches: [], restart: false };
}

/** `postmap type:path` as the plan runs it; none for a table type that is read as it is (regexp, pcre, …). */
export function postmapCommand(
  postfix: Pick<PostfixFacts, 'configDir' | 'isDefaultInstance'>,
  type: string,
  path: string,
): PlannedCommand[] {
  return needsPostmap(type) ? [{ file: 'postmap', args: postmapArgs(instanceDir(postfix), type, path) }] : [];
}

/** A lookup table as the plan wants it: its text and mode, and what it is now (undefined: no such file yet). */
export interface MapFile {
  type: string;
  path: string;
  content: string;
  mode: number;
  /** Holds a password: never shown as it is (`shown`: the masked stand-in). */
  secret?: boolean;
  shown?: string;
  now?: { content?: string; mode?: number; compiledCurrent?: boolean };
  /** main.cf names the table as type:path already (else it is compiled for the setting that will). */
  named?: boolean;
}

/**
 * A map file, together: written when its text or mode differ, compiled (postmap) when its text
 * changed, its compiled copy is stale or main.cf is only now pointed at it, and its source and
 * compiled paths in the backup.
 */
export function mapFile(postfix: Pick<PostfixFacts, 'configDir' | 'isDefaultInstance'>, map: MapFile): ShownPiece {
  const { type, path, content, mode, now } = map;
  const changed = now?.content !== content;
  return {
    files:
      changed || now?.mode !== mode
        ? [
            {
              path,
              content,
              mode,
              secret: map.secret ?? false,
              previous: now?.content,
              ...(map.shown ? { shown: map.shown } : {}),
            },
          ]
        : [],
    commands: changed || !now?.compiledCurrent || !map.named ? postmapCommand(postfix, type, path) : [],
    touches: [path, ...compiledMapPaths(type, path)],
  };
}
