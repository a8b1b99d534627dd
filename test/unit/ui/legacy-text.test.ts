// Sentences for a hand-made relay's superseded settings (ui/legacy-text.ts): why each one goes, and
// what takes its place — the value the plan really writes where it sets that parameter itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legacySettings } from '../../../src/postfix/legacy-settings.js';
import { legacyInstead, legacyReason } from '../../../src/ui/legacy-text.js';

const found = legacySettings({ smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt' });
const useTls = found.find((l) => l.name === 'smtp_use_tls')!;
const caPath = found.find((l) => l.name === 'smtp_tls_CApath')!;

describe('legacyReason', () => {
  it('an obsolete parameter, and a misused one with its own sentence', () => {
    assert.equal(legacyReason(useTls), 'smtp_use_tls = yes: obsolete (Postfix warns about it since 3.9)');
    assert.match(
      legacyReason(caPath),
      /^smtp_tls_CApath = \/etc\/ssl\/certs\/ca-certificates\.crt: names a file, but Postfix reads only a directory/,
    );
  });

  it('a misused parameter without a sentence of its own gets the general one', () => {
    assert.equal(
      legacyReason({ name: 'smtp_tls_foo', value: 'x', why: 'misused', replacement: {} }),
      'smtp_tls_foo = x: does not do what it seems to',
    );
  });
});

describe('legacyInstead', () => {
  it('names the replacement, with the value the plan writes when it sets that parameter', () => {
    assert.equal(legacyInstead(useTls), 'instead: smtp_tls_security_level = may');
    assert.equal(
      legacyInstead(useTls, { smtp_tls_security_level: 'secure' }),
      'instead: smtp_tls_security_level = secure',
    );
    assert.equal(legacyInstead(caPath), 'instead: smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt');
  });

  it('a parameter that is only taken out', () => {
    assert.equal(
      legacyInstead({
        name: 'smtp_tls_per_site',
        value: 'hash:/etc/postfix/tls_per_site',
        why: 'misused',
        replacement: { smtp_tls_per_site: undefined },
      }),
      'taken out',
    );
  });
});
