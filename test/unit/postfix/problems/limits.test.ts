// doctor's daily-limit rule (postfix/problems/limits.ts): quiet below the warning per cent, a warning
// from it, an error at the limit; the worst account named, every near one in the evidence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dailyLimit } from '../../../../src/postfix/problems/limits.js';

const use = (account: string, sent: number, limit = 500) => ({ account, sent, limit, kind: 'personal' as const });

describe('dailyLimit', () => {
  it('nothing below the warning per cent, or without the facts', () => {
    assert.deepEqual(dailyLimit({ sending: { accounts: [use('a@gmail.com', 399)], warnPercent: 80 } }), []);
    assert.deepEqual(dailyLimit({}), []);
  });
  it('a warning from 80 %, an error at the limit, naming the fullest account', () => {
    const [near] = dailyLimit({ sending: { accounts: [use('a@gmail.com', 400)], warnPercent: 80 } });
    assert.equal(near?.severity, 'warning');
    assert.deepEqual(near?.vars, { account: 'a@gmail.com', sent: 400, limit: 500, percent: 80 });
    const [full] = dailyLimit({
      sending: { accounts: [use('a@gmail.com', 420), use('b@example.com', 2000, 2000)], warnPercent: 80 },
    });
    assert.equal(full?.severity, 'error');
    assert.equal(full?.vars?.account, 'b@example.com');
    assert.equal(full?.evidence.length, 2);
  });
});
