// A transaction step's line for the progress display and the recovery message.
import type { StepRef } from '../transaction/journal.js';
import { t, type MessageKey } from './messages.js';

const labels: Record<StepRef['code'], MessageKey> = {
  mkdir: 'apply.step.mkdir',
  write: 'apply.step.write',
  delete: 'apply.step.delete',
  'secret-fixes': 'apply.step.secretFixes',
  install: 'apply.step.install',
  command: 'apply.step.command',
  'map-modes': 'apply.step.mapModes',
  postconf: 'apply.step.postconf',
  'postconf-remove': 'apply.step.postconfRemove',
  'master-remove': 'apply.step.masterRemove',
  'master-set': 'apply.step.masterSet',
  settle: 'apply.step.settle',
  check: 'apply.step.check',
  restart: 'apply.step.restart',
  reload: 'apply.step.reload',
};

/** A journal of an older version recorded the label itself (`name`). */
export function stepLabel(step: Partial<StepRef> & { name?: string }): string {
  if (!step.code) return step.name ?? '—';
  return t(labels[step.code], { path: step.target ?? '', command: step.target ?? '' });
}
