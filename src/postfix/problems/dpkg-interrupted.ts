// dpkg was cut off in the middle of an install or upgrade (an apt-get or dpkg killed, the power lost):
// packages are half installed, and every later install — the SASL plugins, a Postfix upgrade — fails
// with apt's puzzling "dpkg was interrupted". Shown first: nothing the wizard could install works until
// `dpkg --configure -a` finishes that work. Not fixed by --fix: finishing another program's install is
// the administrator's call.
import type { DoctorFacts, Problem } from './types.js';

export function dpkgInterrupted(facts: Pick<DoctorFacts, 'dpkgInterrupted'>): Problem[] {
  const audit = facts.dpkgInterrupted;
  if (!audit || audit.length === 0) return [];
  return [{ code: 'dpkg-interrupted', severity: 'error', evidence: [...audit], fixable: false }];
}
