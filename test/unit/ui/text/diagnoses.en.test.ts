// The English diagnosis table (ui/text/diagnoses.en.ts): plain text of at most about two lines per
// code, with the fixes people need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIAGNOSIS_CODES } from '../../../../src/gmail/diagnose.js';
import { diagnosesEn } from '../../../../src/ui/text/diagnoses.en.js';

test('every code has plain English text of at most about two lines', () => {
  for (const code of DIAGNOSIS_CODES) {
    const text = diagnosesEn[code];
    assert.ok(text.cause.length > 10 && text.cause.length <= 160, `${code} cause`);
    assert.ok(text.fix.length > 10 && text.fix.length <= 240, `${code} fix`);
  }
  assert.match(
    diagnosesEn['sasl-no-mechanism'].fix,
    /apt-get install libsasl2-modules.*dnf install cyrus-sasl-plain.*mail-mta\/postfix.*reload Postfix/,
  );
  assert.match(diagnosesEn['connect-timeout'].fix, /--relay smtp\.gmail\.com:465/);
  assert.match(diagnosesEn['tls-untrusted'].cause, /password was not sent/);
  assert.match(diagnosesEn['auth-bad-credentials'].fix, /https:\/\/myaccount\.google\.com\/apppasswords/);
});
