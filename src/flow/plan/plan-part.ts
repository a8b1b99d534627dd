// A part of a plan as the planning steps make it (the relay options, the sender-dependent accounts,
// what remove takes out): main.cf values as wanted — settingChanges (plan.ts) compares them with
// what main.cf says — and the rest as the Plan will hold it (transaction/plan.ts, buildPlan).
import type { Settings } from '../../postfix/postconf.js';
import type { PlannedCommand, PlannedFile } from '../../transaction/plan.js';

export interface PlanPart {
  settings: Settings;
  removeSettings: string[];
  files: PlannedFile[];
  deletes: string[];
  commands: PlannedCommand[];
  touches: string[];
  /** Stop and start Postfix instead of reloading it (a new inet_interfaces). */
  restart: boolean;
}

export function emptyPart(): PlanPart {
  return { settings: {}, removeSettings: [], files: [], deletes: [], commands: [], touches: [], restart: false };
}
