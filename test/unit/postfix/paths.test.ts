// Which paths Postfix reads literally (postfix/paths.ts), and what it would misread in one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalPathProblem } from '../../../src/postfix/paths.js';

describe('literalPathProblem', () => {
  const table: [string, ReturnType<typeof literalPathProblem>][] = [
    ['/etc/ssl/certs/ca-certificates.crt', undefined],
    ['/etc/postfix/', undefined],
    ['rel/ca.pem', 'relative'],
    ['./ca.pem', 'relative'],
    ['~/ca.pem', 'relative'],
    ['/tmp/a b.pem', 'whitespace'],
    ['/tmp/a\tb.pem', 'control'],
    ['/tmp/a\nb.pem', 'control'],
    ['/tmp/a,b.pem', 'comma'],
    ['/tmp/$x.pem', 'dollar'],
    ['/tmp/${config_directory}/x', 'dollar'],
    ['/tmp/{a}.pem', 'brace'],
  ];
  for (const [path, problem] of table)
    it(`${JSON.stringify(path)} → ${problem ?? 'fine'}`, () => assert.equal(literalPathProblem(path), problem));
});
