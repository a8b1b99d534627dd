import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setMainCfValue } from '../../../src/postfix/main-cf-text.js';

describe('setMainCfValue: a main.cf value written as text (never through postconf argv)', () => {
  it('replaces the definition in place, its continuation lines with it', () => {
    const text = 'a = 1\nsmtp_sasl_password_maps = hash:/x,\n  hash:/y\n# note\nb = 2\n';
    assert.equal(
      setMainCfValue(text, 'smtp_sasl_password_maps', 'static:u:p'),
      'a = 1\nsmtp_sasl_password_maps = static:u:p\n# note\nb = 2\n',
    );
  });

  it('takes a later definition out, as postconf -e does, and leaves names that only begin the same alone', () => {
    const text = 'x = 1\nx_more = 2\nx=3\n';
    assert.equal(setMainCfValue(text, 'x', '9'), 'x = 9\nx_more = 2\n');
  });

  it('appends when there is none, on a line of its own', () => {
    assert.equal(setMainCfValue('a = 1', 'b', '2'), 'a = 1\nb = 2\n');
    assert.equal(setMainCfValue('', 'b', '2'), 'b = 2\n');
  });

  it('a comment or an indented comment after the line is not taken as its continuation', () => {
    assert.equal(setMainCfValue('x = 1\n  # kept\ny = 2\n', 'x', '5'), 'x = 5\n  # kept\ny = 2\n');
  });

  it('refuses a name that is not a parameter name (it would be read as a pattern)', () => {
    assert.throws(() => setMainCfValue('a = 1\n', 'a.*', '1'), /not a main.cf parameter name/);
  });
});
