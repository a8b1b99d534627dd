// Where this program runs from, for a scheduled check that calls it again (distro/schedule.ts): the
// node binary and the real path of the package's bin/ entry (the one npm links to /usr/local/bin),
// from dist/src or the bundle alike.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-files.js';

export function programPaths(): { node: string; script: string } {
  return { node: process.execPath, script: realpathSync(fileURLToPath(packageFile('bin/postfix-gmail-wizard.js'))) };
}
