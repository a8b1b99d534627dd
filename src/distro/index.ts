import { debian } from './debian.js';
import { familyFor, type DistroFamily } from './family.js';
import { generic } from './generic.js';
import type { OsRelease } from './os-release.js';

export const families: readonly DistroFamily[] = [debian];

export function distroFor(os: OsRelease): DistroFamily {
  return familyFor(os, families, generic);
}
export type { DistroFamily } from './family.js';
