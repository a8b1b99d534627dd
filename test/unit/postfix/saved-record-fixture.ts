// What saved-record.test.ts and putback.test.ts share: the saved record's template, a TLS policy
// table from an old recipe, and what setup's TLS fixes take out of it.
import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import { savedTemplateData, type SavedRecord } from '../../../src/postfix/saved-record.js';
import { planTlsFixes } from '../../../src/flow/plan/tls-fixes.js';
import type { PostfixFacts } from '../../../src/flow/types.js';
import { repoPath } from '../../support/paths.js';

const template = readFileSync(repoPath('templates', 'saved_settings.ejs'), 'utf8');
export const render = (record: SavedRecord) => ejs.render(template, savedTemplateData(record));
export const policyPath = '/etc/postfix/tls_policy';
export const policyMap = `hash:${policyPath}`;
export const policySource =
  '# from an old recipe\n[smtp.gmail.com]:587 encrypt\n    protocols=!SSLv2\nexample.net may\n';

export const postfix = {
  version: '3.7.11',
  configDir: '/etc/postfix',
  isDefaultInstance: true,
  running: true,
  saslClientTypes: ['cyrus'],
  mapTypes: ['hash'],
  defaultMapType: 'hash',
  settings: {},
  explicit: [],
  serviceManager: 'sysv',
  log: { kind: 'none' },
} as PostfixFacts;

/** What setup's TLS fixes take out of policySource, as the saved record has it. */
export function takenOut() {
  return planTlsFixes(
    postfix,
    {
      nexthop: '[smtp.gmail.com]:587',
      main: { smtp_tls_security_level: 'may' },
      effective: { level: 'encrypt', source: 'policy-map' },
      master: [{ service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' }],
      policy: {
        map: policyMap,
        key: '[smtp.gmail.com]:587',
        value: 'encrypt',
        editable: { type: 'hash', path: policyPath, content: policySource, mode: 0o640 },
      },
    },
    { smtp_tls_security_level: 'secure' },
  );
}
