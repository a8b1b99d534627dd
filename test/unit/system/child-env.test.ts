// The environment children get (system/child-env.ts): built from nothing — a fixed PATH of the
// system's own directories, LC_ALL=C where output is parsed, and for a package install only a proxy
// and the language passed through. Nothing else of the caller's shell reaches a child.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childPath, installChildEnv, parsedChildEnv } from '../../../src/system/child-env.js';

const hostile = {
  PATH: '/home/eve/bin:/usr/bin',
  LD_PRELOAD: '/home/eve/evil.so',
  LD_LIBRARY_PATH: '/home/eve/lib',
  PERL5LIB: '/home/eve/perl',
  GITHUB_TOKEN: 'ghp_secret',
  SUDO_USER: 'eve',
  HOME: '/home/eve',
  PGW_APP_PASSWORD: 'abcdefghijklmnop',
  NODE_OPTIONS: '--require /home/eve/x.js',
};

describe('system/child-env: the search path', () => {
  it('the four system directories, absolute, no /usr/local, no empty or relative entry', () => {
    const dirs = childPath.split(':');
    assert.deepEqual(dirs, ['/usr/sbin', '/usr/bin', '/sbin', '/bin']);
    assert.ok(dirs.every((d) => d.startsWith('/') && !d.startsWith('/usr/local')));
  });
});

describe('system/child-env: for a command whose output is read', () => {
  it('only PATH and LC_ALL=C, whatever the caller had', () => {
    assert.deepEqual(parsedChildEnv(), { PATH: childPath, LC_ALL: 'C' });
  });

  it('a variable asked for by name is added; a PATH among them cannot widen the search path', () => {
    assert.deepEqual(parsedChildEnv({ MAIL_CONFIG: '/etc/postfix-out', PATH: '/home/eve/bin' }), {
      PATH: childPath,
      LC_ALL: 'C',
      MAIL_CONFIG: '/etc/postfix-out',
    });
  });
});

describe('system/child-env: for a package install', () => {
  it("PATH and root's HOME, plus the proxies and the language the caller set; nothing else of theirs", () => {
    const parent = {
      ...hostile,
      https_proxy: 'http://proxy.example:3128',
      NO_PROXY: 'localhost',
      LANG: 'ja_JP.UTF-8',
      LC_MESSAGES: undefined,
    };
    assert.deepEqual(installChildEnv(parent), {
      PATH: childPath,
      HOME: '/root',
      https_proxy: 'http://proxy.example:3128',
      NO_PROXY: 'localhost',
      LANG: 'ja_JP.UTF-8',
    });
  });

  it('extras by name are added; their PATH is dropped too', () => {
    assert.deepEqual(installChildEnv(hostile, { DEBIAN_FRONTEND: 'noninteractive', PATH: '/tmp' }), {
      PATH: childPath,
      HOME: '/root',
      DEBIAN_FRONTEND: 'noninteractive',
    });
  });

  it('no secret or loader variable of the caller survives', () => {
    const env = installChildEnv(hostile);
    for (const name of [
      'LD_PRELOAD',
      'LD_LIBRARY_PATH',
      'PERL5LIB',
      'GITHUB_TOKEN',
      'SUDO_USER',
      'PGW_APP_PASSWORD',
      'NODE_OPTIONS',
    ])
      assert.equal(env[name], undefined, name);
    assert.ok(!JSON.stringify(env).includes('abcdefghijklmnop'));
  });
});
