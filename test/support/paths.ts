// The repository root, from wherever the compiled test runs (dist/test/…).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"postfix-gmail-wizard"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const repoRoot = findRoot();

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
