// Part of npm run build: writes dist/man/postfix-gmail-wizard.1 (package.json's "man"),
// so `man postfix-gmail-wizard` works after a global install.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manPage } from './man-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
await mkdir(join(root, 'dist', 'man'), { recursive: true });
await writeFile(join(root, 'dist', 'man', 'postfix-gmail-wizard.1'), manPage(version));
