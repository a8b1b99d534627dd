// The transaction's main.cf values: one `postconf -e` batch — except a value that holds a password
// (a static: or inline: password map that remove puts back). postconf takes its values as
// arguments, which every local user can read while it runs (ps, /proc/PID/cmdline); such a value is
// written into main.cf here instead, with main.cf's own mode and owner (it is backed up like any
// file the plan touches, so a rollback puts it back).
import { setMainCfValue } from '../postfix/main-cf-text.js';
import { holdsInlineSecret } from '../postfix/inline-secrets.js';
import { postconfEditArgs } from '../postfix/postconf.js';
import type { System } from '../system/types.js';
import type { SettingChange } from './plan.js';
import { mustRun } from './run-step.js';

export async function applySettings(
  sys: System,
  configDir: string,
  instance: string | undefined,
  settings: readonly SettingChange[],
): Promise<void> {
  const secret = settings.filter((s) => holdsInlineSecret(s.name, s.to));
  const plain = settings.filter((s) => !holdsInlineSecret(s.name, s.to));
  if (secret.length > 0) {
    const path = `${configDir.replace(/\/+$/, '')}/main.cf`;
    const [text, info] = await Promise.all([sys.readFile(path), sys.fileInfo(path)]);
    const edited = secret.reduce((t, s) => setMainCfValue(t, s.name, s.to), text ?? '');
    await sys.writeFileAtomic(path, edited, { mode: info?.mode ?? 0o644, uid: info?.uid ?? 0, gid: info?.gid ?? 0 });
  }
  if (plain.length > 0)
    await mustRun(sys, {
      file: 'postconf',
      args: postconfEditArgs(instance, Object.fromEntries(plain.map((s) => [s.name, s.to]))),
    });
}
