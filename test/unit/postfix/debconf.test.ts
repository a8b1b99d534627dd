import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answersDiffer, answersFor, parseDebconfShow, selectionsFor } from '../../../src/postfix/debconf.js';

describe("debconf's answers for Postfix", () => {
  it('reads the mailer type and relayhost from debconf-show, seen (*) or not', () => {
    const shown = [
      '  postfix/chattr: false',
      '* postfix/main_mailer_type: Satellite system',
      '* postfix/relayhost: smtp.gmail.com',
      '  postfix/mailname: bookworm.test',
    ].join('\n');
    assert.deepEqual(parseDebconfShow(shown), { mailerType: 'Satellite system', relayhost: 'smtp.gmail.com' });
    assert.deepEqual(parseDebconfShow('* postfix/main_mailer_type: Local only\n* postfix/relayhost:\n'), {
      mailerType: 'Local only',
      relayhost: '',
    });
  });

  it('the answers under which the postinst keeps main.cf as it is', () => {
    const wizard = { relayhost: '[smtp.gmail.com]:587', default_transport: 'smtp' };
    assert.deepEqual(answersFor({ ...wizard, inet_interfaces: 'loopback-only' }), {
      mailerType: 'Satellite system',
      relayhost: '[smtp.gmail.com]:587',
    });
    assert.deepEqual(answersFor({ ...wizard, inet_interfaces: 'all' }).mailerType, 'Internet with smarthost');
    // After remove: Debian's own answers again.
    assert.deepEqual(answersFor({ relayhost: '', default_transport: 'error', inet_interfaces: 'loopback-only' }), {
      mailerType: 'Local only',
      relayhost: '',
    });
    assert.deepEqual(answersFor({ relayhost: '', default_transport: 'smtp', inet_interfaces: 'all' }), {
      mailerType: 'Internet Site',
      relayhost: '',
    });
  });

  it('differ only where the postinst would change main.cf; written as debconf-set-selections reads them', () => {
    const wanted = { mailerType: 'Satellite system', relayhost: '[smtp.gmail.com]:587' };
    assert.equal(answersDiffer({ ...wanted }, wanted), false);
    assert.equal(answersDiffer({ mailerType: 'Satellite system', relayhost: '' }, wanted), true);
    assert.equal(answersDiffer({ mailerType: 'Local only', relayhost: '[smtp.gmail.com]:587' }, wanted), true);
    assert.equal(
      selectionsFor(wanted),
      'postfix postfix/main_mailer_type select Satellite system\npostfix postfix/relayhost string [smtp.gmail.com]:587\n',
    );
  });
});
