import { alpine } from './alpine.js';
import { arch } from './arch.js';
import { debian } from './debian.js';
import { familyFor, type DistroFamily } from './family.js';
import { generic } from './generic.js';
import { gentoo } from './gentoo.js';
import { macos } from './macos.js';
import type { OsRelease } from './os-release.js';
import { rhel } from './rhel.js';
import { suse } from './suse.js';

// Order matters only for ID_LIKE lists naming several families (none today).
export const families: readonly DistroFamily[] = [debian, rhel, gentoo, arch, alpine, suse, macos];

export function distroFor(os: OsRelease): DistroFamily {
  return familyFor(os, families, generic);
}
export type { DistroFamily, InitSystem } from './family.js';
