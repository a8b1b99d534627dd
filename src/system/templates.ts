// Templates ship with the package under templates/; every file the wizard
// writes (other than postconf settings) is rendered from one of them.
import { readFile } from 'node:fs/promises';
import { packageFile } from '../package-files.js';

export type TemplateName =
  | 'sasl_passwd'
  | 'generic'
  | 'saved_settings'
  | 'sender_relay'
  | 'monitor_cron'
  | 'monitor_service'
  | 'monitor_timer'
  | 'sasl_xoauth2_conf'
  | 'xoauth2_token'
  | 'oauth_consent'
  | 'apt_experimental_source'
  | 'apt_experimental_pin';

export async function loadTemplates(names: readonly TemplateName[]): Promise<Record<TemplateName, string>> {
  const entries = await Promise.all(
    names.map(async (name) => [name, await readFile(packageFile(`templates/${name}.ejs`), 'utf8')] as const),
  );
  return Object.fromEntries(entries) as Record<TemplateName, string>;
}
