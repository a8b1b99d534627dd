// The full plan on screen (ui/plan-view.ts): a password file shows line counts or the wizard's
// masked rendering, never a line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileView, ShownPlan } from '../../../src/flow/plan/plan-part.js';
import type { PlannedFile } from '../../../src/transaction/plan.js';
import { renderPlan } from '../../../src/ui/plan-view.js';

describe('a password file in the plan', () => {
  const handMade =
    '# old: [smtp.gmail.com]:587 a@gmail.com:canaryone\n[smtp.gmail.com]:587\n    a@gmail.com:canarytwo\n';
  const plan = ({ previous, shown, ...file }: Partial<PlannedFile> & FileView): ShownPlan => ({
    configDir: '/etc/postfix',
    settings: [],
    removeSettings: [],
    deletes: [],
    commands: [],
    touches: [],
    files: [{ path: '/etc/postfix/sasl_passwd', content: handMade, mode: 0o600, secret: true, ...file }],
    views: { '/etc/postfix/sasl_passwd': { previous, shown } },
  });

  it('shows only the line counts of the old and new text, never a line', () => {
    const text = renderPlan(plan({ previous: handMade, content: `${handMade}x y:canarythree\n` }));
    assert.match(text, /- \(3 lines, hidden/);
    assert.match(text, /\+ \(4 lines, hidden/);
    for (const canary of ['canaryone', 'canarytwo', 'canarythree', 'a@gmail.com'])
      assert.ok(!text.includes(canary), canary);
  });

  it("shows the wizard's own rendering, password masked, in place of the new text", () => {
    const text = renderPlan(
      plan({
        previous: handMade,
        content: '[x]:587 a@gmail.com:secretsecret\n',
        shown: '[x]:587 a@gmail.com:********\n',
      }),
    );
    assert.match(text, /^\+ \[x\]:587 a@gmail\.com:\*{8}$/m);
    assert.ok(!text.includes('secretsecret') && !text.includes('canary'));
  });

  it('an unchanged file (a mode fix) is one hidden line', () => {
    assert.match(renderPlan(plan({ previous: handMade })), /^ {2}\(3 lines, hidden/m);
  });
});
