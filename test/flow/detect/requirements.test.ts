// What must hold before a plan can work, on facts detect found on the fake: each failure is a
// WizardError with a stable code and the command that fixes it on this distribution.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WizardError } from '../../../src/errors.js';
import { detect } from '../../../src/flow/detect/detect.js';
import { relayProblems, requirePostfix, requireRoot } from '../../../src/flow/detect/requirements.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { detected } from '../../support/step-context.js';

const aptGet =
  'apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold';
const codes = (errors: WizardError[]) => errors.map((e) => e.code);

describe('requirements', () => {
  it('Debian 12 as installed: Postfix is there and nothing stops the relay', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys);
    const facts = await detected(sys);
    assert.equal(requirePostfix(facts), facts.postfix);
    assert.deepEqual(relayProblems(facts, facts.postfix), []);
    requireRoot(facts, []);
  });

  it('no Postfix: postfix-missing, the fix the apt-get line that installs it', async () => {
    const sys = new FakeSystem();
    sys.put('/etc/os-release', 'ID=debian\nVERSION_ID="12"\n');
    const facts = await detect(sys, undefined);
    assert.throws(
      () => requirePostfix(facts),
      (error: WizardError) => {
        assert.equal(error.code, 'postfix-missing');
        assert.ok(error.fix?.includes(`${aptGet} postfix`), error.fix);
        return true;
      },
    );
  });

  it('a Postfix without Cyrus SASL, without plugins, whose map type is missing: every problem, in order', async () => {
    const sys = new FakeSystem();
    const postfix = installFakePostfix(sys);
    postfix.outputs['postconf-A.txt'] = '';
    postfix.outputs['postconf-m.txt'] = 'lmdb\n';
    for (const path of [...sys.files.keys()]) if (path.includes('/sasl2/')) sys.files.delete(path);
    const facts = await detected(sys);
    const problems = relayProblems(facts, facts.postfix);
    assert.deepEqual(codes(problems), ['postfix-without-sasl', 'sasl-plugins-missing', 'map-type-unsupported']);
    assert.ok(problems[1]?.fix?.includes(`${aptGet} libsasl2-modules`), problems[1]?.fix);
  });

  it('not root: not-root, the fix the same command line under sudo', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys);
    sys.root = false;
    const facts = await detected(sys);
    assert.throws(
      () => requireRoot(facts, ['--account', 'someone@gmail.com', '--yes']),
      (error: WizardError) => {
        assert.equal(error.code, 'not-root');
        assert.ok(error.fix?.includes('sudo npx postfix-gmail-wizard --account someone@gmail.com --yes'), error.fix);
        return true;
      },
    );
  });
});
