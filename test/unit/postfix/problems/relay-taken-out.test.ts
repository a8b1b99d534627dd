import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relayTakenOut } from '../../../../src/postfix/problems/relay-taken-out.js';

describe('relay-taken-out', () => {
  it('relayhost emptied behind the wizard (a postinst answered again): an error, fixed by the configured value', () => {
    const [problem] = relayTakenOut({ settings: { relayhost: '' }, configuredRelay: '[smtp.gmail.com]:587' });
    assert.equal(problem?.code, 'relay-taken-out');
    assert.equal(problem?.severity, 'error');
    assert.deepEqual(problem?.repair, { settings: { relayhost: '[smtp.gmail.com]:587' } });
    assert.deepEqual(problem?.evidence, [
      'main.cf: relayhost =',
      'the wizard configured relayhost = [smtp.gmail.com]:587',
    ]);
  });
  it('nothing while relayhost is what the wizard wrote, or when the wizard configured nothing', () => {
    assert.deepEqual(
      relayTakenOut({ settings: { relayhost: '[smtp.gmail.com]:587' }, configuredRelay: '[smtp.gmail.com]:587' }),
      [],
    );
    assert.deepEqual(relayTakenOut({ settings: { relayhost: '' } }), []);
  });
});
