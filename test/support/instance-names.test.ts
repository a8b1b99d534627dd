// namePins: what a private instance sets so that none of its names comes from the machine.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { namePins } from './instance-names.js';

it("Debian's main.cf (myhostname and mydestination set, myorigin = /etc/mailname): mydomain and its own mailname file", () => {
  const debian =
    'myhostname = vm\nmyorigin = /etc/mailname\nmydestination = testhost.example, $myhostname, localhost\n';
  assert.deepEqual(namePins(debian, '/tmp/x/etc/mailname'), ['mydomain=localdomain', 'myorigin=/tmp/x/etc/mailname']);
});

it('a main.cf that sets no name: every one is pinned, none left to gethostname(2)', () => {
  assert.deepEqual(namePins('inet_interfaces = loopback-only\n', '/m'), [
    'myhostname=vm',
    'mydomain=localdomain',
    'myorigin=/m',
    'mydestination=testhost.example, $myhostname, vm, localhost.localdomain, localhost',
  ]);
});

it("a test's own literal names stay as it set them", () => {
  const own = 'myhostname = a.example\nmydomain = example\nmyorigin = $mydomain\nmydestination = $myhostname\n';
  assert.deepEqual(namePins(own, '/m'), []);
});
