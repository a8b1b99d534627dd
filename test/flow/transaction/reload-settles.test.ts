// A reload is asynchronous: master rereads main.cf at once, but its processes of the old configuration
// leave only at their next turn, and one of them may still take the next delivery with the old password
// map. The transaction's reload waits (bounded) until master's processes of before the reload are gone,
// so the flush and the test message that follow go through the new configuration.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';

const password = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--to', 'friend@example.com', '--yes'];

function machine(childrenAfterReload: (poll: number) => number[]) {
  const sys = new FakeSystem();
  installFakePostfix(sys, { delivery: () => sent });
  const events: string[] = [];
  let reloaded = false;
  let polls = 0;
  const postfix = sys.handlers.get('postfix')!;
  sys.on('postfix', (args, options) => {
    if (args.includes('reload')) (reloaded = true), events.push('reload');
    return postfix(args, options);
  });
  for (const file of ['sendmail', 'postqueue']) {
    const handler = sys.handlers.get(file)!;
    sys.on(file, (args, options) => (events.push(file), handler(args, options)));
  }
  sys.children = () => {
    if (!reloaded) return [101, 102, 103];
    const now = childrenAfterReload(++polls);
    if (now.every((pid) => pid > 200)) events.push('old processes gone');
    return now;
  };
  return { sys, events, polls: () => polls };
}

describe('the reload waits for the processes of the old configuration', () => {
  it('nothing is sent or flushed before the last of them has left', async () => {
    const { sys, events, polls } = machine((poll) => (poll < 4 ? [102, 201, 202] : [201, 202]));
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(polls(), 4, 'asked again until process 102 had left');
    const reload = events.indexOf('reload');
    const gone = events.indexOf('old processes gone');
    assert.ok(reload >= 0 && gone > reload, events.join(', '));
    // Whatever talks to Postfix next (the queue read, a flush, the test message) comes after.
    assert.equal(events[reload + 1], 'old processes gone', events.join(', '));
    assert.ok(events.length > gone + 1, `Postfix was asked something after: ${events.join(', ')}`);
  });

  it('one that does not leave (a long delivery) holds the run back ten seconds at most', async () => {
    const { sys, polls } = machine(() => [102, 201]);
    const started = sys.now().getTime();
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.ok(polls() > 1);
    assert.ok(sys.now().getTime() - started >= 10_000, 'it waited');
    assert.ok(sys.now().getTime() - started < 60_000, 'and went on');
  });
});
