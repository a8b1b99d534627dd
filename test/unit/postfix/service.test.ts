// How Postfix is restarted (postfix/service.ts; a reload does not apply inet_interfaces).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartCommands } from '../../../src/postfix/service.js';
import type { PostfixFacts } from '../../../src/flow/types.js';

function postfixFacts(settings: Record<string, string> = {}, explicit: string[] = []): PostfixFacts {
  return {
    version: '3.7.11',
    configDir: '/etc/postfix',
    isDefaultInstance: true,
    running: true,
    saslClientTypes: ['cyrus'],
    mapTypes: ['hash'],
    defaultMapType: 'hash',
    settings,
    explicit,
    serviceManager: 'sysv',
    log: { kind: 'none' },
  };
}

describe('restart (a reload does not apply inet_interfaces)', () => {
  it('through the init system for the default instance; stop, then start for postfix(1) and private instances', () => {
    assert.deepEqual(restartCommands(postfixFacts()), [{ file: '/etc/init.d/postfix', args: ['restart'] }]);
    assert.deepEqual(restartCommands({ ...postfixFacts(), serviceManager: 'systemd' }), [
      { file: 'systemctl', args: ['restart', 'postfix'] },
    ]);
    assert.deepEqual(restartCommands({ ...postfixFacts(), serviceManager: 'none' }), [
      { file: 'postfix', args: ['stop'] },
      { file: 'postfix', args: ['start'] },
    ]);
    assert.deepEqual(
      restartCommands({
        ...postfixFacts(),
        configDir: '/tmp/pfx/etc',
        isDefaultInstance: false,
        serviceManager: 'none',
      }),
      [
        { file: 'postfix', args: ['-c', '/tmp/pfx/etc', 'stop'] },
        { file: 'postfix', args: ['-c', '/tmp/pfx/etc', 'start'] },
      ],
    );
  });
});
