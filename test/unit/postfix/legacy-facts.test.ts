// What legacy-settings.ts needs from the machine (postfix/legacy-facts.ts): the kind of each CA path
// main.cf names, and whether anything else still names a password map.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namedElsewhere, readLegacySettings } from '../../../src/postfix/legacy-facts.js';
import { FakeSystem } from '../../support/fake-system.js';
import { answerPostconf } from './postconf-double.js';

describe('readLegacySettings', () => {
  it('a CApath naming a file is misused; naming a directory it is not', async () => {
    const sys = new FakeSystem({ '/etc/ssl/certs/ca-certificates.crt': 'x', '/etc/ssl/certs/5ad8a5d6.0': 'y' });
    const file = await readLegacySettings(sys, { smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt' });
    assert.deepEqual(
      file.map((l) => [l.name, l.why]),
      [['smtp_tls_CApath', 'misused']],
    );
    assert.deepEqual(await readLegacySettings(sys, { smtp_tls_CApath: '/etc/ssl/certs' }), []);
  });

  it('obsolete switches need no file look-up', async () => {
    const sys = new FakeSystem();
    assert.deepEqual(
      (await readLegacySettings(sys, { smtp_use_tls: 'yes' })).map((l) => l.name),
      ['smtp_use_tls'],
    );
    assert.deepEqual(sys.calls, []);
  });
});

describe('namedElsewhere', () => {
  const path = '/etc/postfix/sasl_passwd';

  it('another main.cf parameter naming it counts; smtp_sasl_password_maps itself does not', async () => {
    const sys = new FakeSystem();
    answerPostconf(sys, {});
    assert.equal(
      await namedElsewhere(
        sys,
        undefined,
        { smtp_sasl_password_maps: `hash:${path}`, sender_dependent_relayhost_maps: `hash:${path}` },
        path,
      ),
      true,
    );
    assert.equal(await namedElsewhere(sys, undefined, { smtp_sasl_password_maps: `hash:${path}` }, path), false);
  });

  it('master.cf: a service line (-M) or an -o (-P) naming it counts', async () => {
    for (const answers of [
      { masterM: `relay2 unix - - n - - smtp -o smtp_sasl_password_maps=hash:${path}\n` },
      { masterP: `relay2/unix/smtp_sasl_password_maps = hash:${path}\n` },
    ]) {
      const sys = new FakeSystem();
      answerPostconf(sys, answers);
      assert.equal(await namedElsewhere(sys, '/etc/postfix-out', {}, path), true, JSON.stringify(answers));
      assert.ok(
        sys.calls.every((c) => c.args[0] === '-c'),
        'asks the instance it is given',
      );
    }
  });

  it('a longer name that begins with the path is another file; the dot in it is not a wildcard', async () => {
    const sys = new FakeSystem();
    answerPostconf(sys, { masterP: `relay2/unix/smtp_sasl_password_maps = hash:${path}.old, hash:${path}_2\n` });
    assert.equal(
      await namedElsewhere(sys, undefined, { smtp_generic_maps: 'hash:/etc/postfix/sasl_passwdX' }, path),
      false,
    );
    assert.equal(
      await namedElsewhere(sys, undefined, { x: 'hash:/etc/postfixXsasl_passwd' }, '/etc/postfix.sasl_passwd'),
      false,
    );
  });
});
