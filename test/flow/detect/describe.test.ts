// describeFacts by itself, on what detect finds in the recording fake: the one line shown when
// detect's spinner stops — the OS, Postfix's version, whether it runs, where its configuration is and
// its map type; or that Postfix is not installed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect } from '../../../src/flow/detect/detect.js';
import { describeFacts } from '../../../src/flow/detect/describe.js';
import type { HostFacts } from '../../../src/flow/types.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';

const debian = 'Debian GNU/Linux 12 (bookworm)';

async function found(options?: Parameters<typeof installFakePostfix>[1], configDir?: string): Promise<HostFacts> {
  const sys = new FakeSystem();
  installFakePostfix(sys, options);
  return detect(sys, configDir);
}

describe('flow/detect/describe: the line after detect', () => {
  it('a running Postfix: OS, version, running, configuration directory, map type', async () => {
    assert.equal(
      describeFacts(await found()),
      t('detect.summary', {
        os: debian,
        version: '3.7.11',
        state: t('detect.running.yes'),
        configDir: '/etc/postfix',
        mapType: 'hash',
      }),
    );
  });

  it('a stopped private instance says stopped, and its own directory', async () => {
    const line = describeFacts(await found({ running: false, configDir: '/etc/postfix-out' }, '/etc/postfix-out'));
    assert.equal(
      line,
      t('detect.summary', {
        os: debian,
        version: '3.7.11',
        state: t('detect.running.no'),
        configDir: '/etc/postfix-out',
        mapType: 'hash',
      }),
    );
  });

  it('no Postfix: not installed, on the OS by its pretty name, else its id', async () => {
    const sys = new FakeSystem({ '/etc/os-release': `ID=debian\nVERSION_ID="12"\nPRETTY_NAME="${debian}"\n` });
    assert.equal(describeFacts(await detect(sys, undefined)), t('detect.noPostfix', { os: debian }));
    const bare = new FakeSystem({ '/etc/os-release': 'ID=alpine\nVERSION_ID=3.23.0\n' });
    assert.equal(describeFacts(await detect(bare, undefined)), t('detect.noPostfix', { os: 'alpine' }));
  });
});
