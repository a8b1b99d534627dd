// What plan.test.ts and accounts-plan.test.ts share: the templates, the relay, and Postfix's facts
// with a password map (its default entry read as the current account).
import { readFileSync } from 'node:fs';
import type { PostfixFacts } from '../../../../src/flow/types.js';
import { passwordMapCredential } from '../../../../src/postfix/password-map.js';
import type { TemplateName } from '../../../../src/system/templates.js';
import { repoPath } from '../../../support/paths.js';

export const templates = Object.fromEntries(
  (['sasl_passwd', 'generic', 'saved_settings', 'sender_relay'] as TemplateName[]).map((n) => [
    n,
    readFileSync(repoPath('templates', `${n}.ejs`), 'utf8'),
  ]),
) as Record<TemplateName, string>;
export const RELAY = '[smtp.gmail.com]:587';
export const relay = { host: 'smtp.gmail.com', port: 587, implicitTls: false };
export const defaultMap = `# postfix-gmail-wizard\n${RELAY} me@gmail.com:aaaabbbbccccdddd\n`;

export function postfixFacts(
  map?: string,
  settings: Record<string, string> = {},
  explicit: string[] = [],
): PostfixFacts {
  return {
    version: '3.7.11',
    configDir: '/etc/postfix',
    isDefaultInstance: true,
    running: true,
    saslClientTypes: ['cyrus'],
    mapTypes: ['hash'],
    defaultMapType: 'hash',
    settings: { relayhost: RELAY, ...settings },
    explicit,
    serviceManager: 'sysv',
    log: { kind: 'none' },
    ...(map !== undefined
      ? {
          passwordMap: {
            type: 'hash',
            path: '/etc/postfix/sasl_passwd',
            content: map,
            mode: 0o600,
            uid: 0,
            compiledCurrent: true,
            compiled: [],
          },
        }
      : {}),
    currentAccount: map ? passwordMapCredential(map, RELAY)?.account : undefined,
  };
}
