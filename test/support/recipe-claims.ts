// Facts that follow from a distribution's own recipes (test/fixtures/<name>/recipe.txt: the deciding
// lines of a build recipe or spec, each block under a "# source: github.com/<repo> <path> @ <commit>"
// line) and what the fixture, and the wizard's knowledge of that distribution (src/distro/), must
// then say. test/unit/repo/fixture-recipes.test.ts (build facts) and fixture-package-recipes.test.ts
// (CA bundle, SASL plugin packages) hold the claims; a claim fails when either side changes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { distroFor } from '../../src/distro/index.js';
import { parseOsRelease } from '../../src/distro/os-release.js';
import { repoPath } from './paths.js';

export interface Claim {
  /** What follows from the recipe, in words. */
  fact: string;
  /** Lines (as patterns) the fixture's recipe.txt must hold for the fact to follow. */
  recipe: RegExp[];
  /** Fixture file (under test/fixtures/<name>/) → what it must (or, with `not`, must not) match. */
  fixture?: Record<string, RegExp | { not: RegExp }>;
  /** Fixture files (under test/fixtures/<name>/) that must exist (true) or not (false). */
  files?: Record<string, boolean>;
  /** What src/distro/ must say for the family the wizard picks from the fixture's os-release. */
  family?: {
    /** The CA bundle tried first. */
    caBundle?: string;
    /** The packages that bring the PLAIN and LOGIN plugins, in any order. */
    saslPackages?: string[];
    /** The plugin directory looked in first. */
    saslPluginDir?: RegExp;
  };
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for one whole line, given verbatim. */
export const line = (text: string) => new RegExp(`^${literal(text)}$`, 'm');

/** The "# source:" line of a block read from `repo` (owner/name) and `path`, at some commit. */
export const sourceLine = (repo: string, path: string) =>
  new RegExp(`^# source: github\\.com/${literal(repo)} ${literal(path)} @ [0-9a-f]{40}$`, 'm');

function familyOf(dir: string) {
  const file = ['root/etc/os-release', 'root/usr/lib/os-release'].map((f) => `${dir}/${f}`).find((f) => existsSync(f));
  assert.ok(file, `${dir} has an os-release`);
  return distroFor(parseOsRelease(readFileSync(file, 'utf8')));
}

/** Checks every claim about fixture `name` against its recipe.txt, its files and src/distro/. */
export function checkClaims(name: string, claims: readonly Claim[]): void {
  const dir = repoPath('test', 'fixtures', name);
  const recipe = readFileSync(`${dir}/recipe.txt`, 'utf8');
  assert.match(
    recipe,
    /^# source: github\.com\/\S+ \S+ @ [0-9a-f]{40}$/m,
    'the recipe names its repository, file and commit',
  );
  for (const claim of claims) {
    for (const pattern of claim.recipe) assert.match(recipe, pattern, `${name} recipe, for "${claim.fact}"`);
    for (const [file, expected] of Object.entries(claim.fixture ?? {})) {
      const text = existsSync(`${dir}/${file}`) ? readFileSync(`${dir}/${file}`, 'utf8') : '';
      if (expected instanceof RegExp) assert.match(text, expected, `${name}/${file}, for "${claim.fact}"`);
      else assert.doesNotMatch(text, expected.not, `${name}/${file}, for "${claim.fact}"`);
    }
    for (const [file, present] of Object.entries(claim.files ?? {}))
      assert.equal(
        existsSync(`${dir}/${file}`),
        present,
        `${name}/${file} ${present ? 'exists' : 'is absent'}, for "${claim.fact}"`,
      );
    const want = claim.family;
    if (!want) continue;
    const family = familyOf(dir);
    const why = `src/distro/${family.name}.ts for ${name}, for "${claim.fact}"`;
    if (want.caBundle) assert.equal(family.caBundles[0], want.caBundle, why);
    if (want.saslPackages) assert.deepEqual([...family.saslPackages].sort(), [...want.saslPackages].sort(), why);
    if (want.saslPluginDir) assert.match(family.saslPluginDirs[0] ?? '', want.saslPluginDir, why);
  }
}
