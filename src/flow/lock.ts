// One wizard at a time: a lock file holding the owner's pid, created with
// O_EXCL. A lock whose process is gone (crash) is taken over.
import { WizardError } from '../errors.js';
import type { System } from '../system/types.js';
import { t } from '../ui/messages.js';

export interface Lock {
  release(): Promise<void>;
}

export async function acquireLock(sys: System, stateDir: string): Promise<Lock> {
  const path = `${stateDir}/lock`;
  await sys.mkdirp(stateDir, 0o700);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await sys.createExclusive(path, `${sys.pid()}\n`, 0o600)) {
      return { release: () => sys.removeFile(path) };
    }
    const owner = Number((await sys.readFile(path))?.trim());
    if (Number.isInteger(owner) && owner > 0 && sys.processAlive(owner)) {
      throw new WizardError('locked', t('lock.busy', { pid: owner, path }), t('lock.busyFix'));
    }
    await sys.removeFile(path); // stale: its process is gone
  }
  throw new WizardError('locked', t('lock.busy', { pid: '?', path }), t('lock.busyFix'));
}
