// Files of the package beside the program: package.json, templates/. This module runs from
// dist/src/package-files.js (the tests) and inside the bundle dist/bundle/cli.js (what ships,
// scripts/bundle.ts): both two directories below the package's root, so one relative URL serves both.

/** The URL of `path` (relative to the package's root). */
export function packageFile(path: string): URL {
  return new URL(`../../${path}`, import.meta.url);
}
