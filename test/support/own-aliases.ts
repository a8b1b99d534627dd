// A private Postfix instance copies Debian's main.cf, whose alias_maps and myorigin name this
// machine's /etc/aliases and /etc/mailname: a test that lets the wizard edit root's alias (or
// reads the mail name) gives the instance files of its own first, inside its config dir.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PostfixInstance } from './postfix-instance.js';

const execFileP = promisify(execFile);

/** Before the instance starts: CONFIG/aliases (compiled with the instance's map type) and CONFIG/mailname. */
export async function ownAliases(
  postfix: Pick<PostfixInstance, 'configDir' | 'postconf'>,
  mailname = 'testhost.example',
): Promise<{ aliases: string; mailname: string }> {
  const aliases = join(postfix.configDir, 'aliases');
  const mailnameFile = join(postfix.configDir, 'mailname');
  await writeFile(aliases, '# See man 5 aliases for format\npostmaster:    root\n', { mode: 0o644 });
  await writeFile(mailnameFile, `${mailname}\n`, { mode: 0o644 });
  const type = (await postfix.postconf('-h', 'default_database_type')).trim();
  await postfix.postconf(
    '-e',
    `alias_maps=${type}:${aliases}`,
    `alias_database=${type}:${aliases}`,
    `myorigin=${mailnameFile}`,
  );
  await execFileP('postalias', ['-c', postfix.configDir, `${type}:${aliases}`]);
  return { aliases, mailname: mailnameFile };
}
