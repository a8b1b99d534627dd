// check's performance data as values (flow/check/perfdata.ts) and as the plugin line writes them
// (ui/check-view.ts): one source for the line and for check --json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultThresholds } from '../../../../src/check-options.js';
import { perfValues } from '../../../../src/flow/check/perfdata.js';
import { renderCheck } from '../../../../src/ui/check-view.js';

const use = [
  { account: 'a@gmail.com', sent: 37, limit: 500, kind: 'personal' as const },
  { account: "o'b=c@example.com", sent: 3, limit: 2000, kind: 'workspace' as const },
];

describe('perfValues', () => {
  it('deferred with -w/-c, then each account against its limit (warning at --limit-percent)', () => {
    assert.deepEqual(perfValues({ deferred: 2 }, use, { ...defaultThresholds, limitPercent: 90 }), [
      { label: 'deferred', value: 2, warning: 5, critical: 20, min: 0 },
      { label: 'sent_24h', value: 37, warning: 450, critical: 500, min: 0, max: 500 },
      { label: "sent_24h o'b=c@example.com", value: 3, warning: 1800, critical: 2000, min: 0, max: 2000 },
    ]);
  });

  it('the plugin line quotes a label with a space and replaces its quote and equals sign', () => {
    const line = renderCheck(
      { state: 'ok', findings: [], deferred: 0 },
      { relay: 'smtp.gmail.com:587', use, thresholds: defaultThresholds },
    );
    assert.match(
      line,
      / \| deferred=0;5;20;0 sent_24h=37;400;500;0;500 'sent_24h o_b_c@example\.com'=3;1600;2000;0;2000$/,
    );
  });
});
