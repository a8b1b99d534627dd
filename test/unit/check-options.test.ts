// check's flags (src/check-options.ts), here --consent-days: days on the command line, seconds in the
// thresholds; anything but a whole number is a usage error naming the option.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultThresholds, parseCheckOptions } from '../../src/check-options.js';
import { UsageError } from '../../src/errors.js';

describe('parseCheckOptions --consent-days', () => {
  it('3 days unless given; N days as seconds; 0 allowed (only the end itself alarms)', () => {
    assert.equal(defaultThresholds.consentWarning, 3 * 86400);
    assert.equal(parseCheckOptions({}).thresholds.consentWarning, 3 * 86400);
    assert.equal(parseCheckOptions({ 'consent-days': '6' }).thresholds.consentWarning, 6 * 86400);
    assert.equal(parseCheckOptions({ 'consent-days': '0' }).thresholds.consentWarning, 0);
  });
  it('refuses what is not a whole number, naming the option', () => {
    for (const bad of ['-1', '2.5', 'three', ''])
      assert.throws(
        () => parseCheckOptions({ 'consent-days': bad }),
        (e: unknown) => e instanceof UsageError && /--consent-days/.test(e.message),
        bad,
      );
  });
});
