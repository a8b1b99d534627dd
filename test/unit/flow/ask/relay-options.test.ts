// The relay options' questions (flow/ask/relay-options.ts): what root's alias may be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRootAlias } from '../../../../src/flow/ask/relay-options.js';

describe('root alias block in the aliases file', () => {
  it('accepts an address or a user name, never a command, file or include', () => {
    for (const good of ['you@gmail.com', 'alice', 'ops.team']) assert.equal(checkRootAlias(good), good);
    for (const bad of ['|/bin/sh', '/tmp/x', ':include:/etc/x', 'a@b.c, evil@x.com', 'you@gmail.com\nroot: x', ''])
      assert.equal(checkRootAlias(bad), undefined, bad);
  });
});
