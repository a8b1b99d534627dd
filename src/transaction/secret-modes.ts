// The modes of the files that hold a password, during a transaction (moved out of transaction.ts whole).
import type { System } from '../system/types.js';
import type { SecretFileFix } from './plan.js';

export async function fixSecretFiles(sys: System, fixes: readonly SecretFileFix[]): Promise<void> {
  for (const fix of fixes) {
    if (fix.action === 'remove') await sys.removeFile(fix.path);
    else await sys.chmod(fix.path, 0o600);
  }
}

// A new compiled map gets the source's mode (0600); this only confirms it, in
// case a command created one some other way.
export async function tightenSecretFiles(sys: System, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const info = await sys.fileInfo(path);
    if (info && (info.mode & 0o077) !== 0) await sys.chmod(path, 0o600);
  }
}
