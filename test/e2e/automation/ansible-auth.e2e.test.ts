// The Ansible role's pgw_auth (issue 23), run by the real ansible-playbook (Debian's ansible-core)
// against this machine (-c local) and a private Postfix: the role passes its syntax check; bad
// combinations fail before anything runs, with the role's message and no secret shown; oauth on
// Debian 12 (no sasl-xoauth2) fails with the wizard's oauth-plugin-missing, nothing changed, and the
// role's copies of the client JSON and the token gone and never readable by others; none relays
// through the Workspace-relay double with no login and writes no secret file.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { watchModes } from '../../support/mode-watch.js';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';

function ansibleSkipReason(): string | undefined {
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'ansible-playbook is not installed (apt-get install ansible-core)';
  }
}

const CLIENT = '7-ansible.apps.googleusercontent.com';
const CLIENT_SECRET = 'GOCSPX-ansible-role';
const skip = postfixSkipReason() ?? ansibleSkipReason();

/** One play of the role against this machine with the given variables: exit code and all output. */
async function play(lab: RelayLab, vars: Record<string, unknown>, extra: string[] = []) {
  const playbook = join(lab.tmp, 'play.yml');
  await writeFile(
    playbook,
    `- hosts: all\n  gather_facts: false\n  roles:\n    - role: ${repoPath('contrib', 'ansible', 'roles', 'postfix_gmail_relay')}\n`,
  );
  const varsFile = join(lab.tmp, 'vars.json');
  await writeFile(
    varsFile,
    JSON.stringify({
      ansible_python_interpreter: '/usr/bin/python3',
      pgw_command: [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js')],
      pgw_password_file: join(lab.tmp, 'gmail-app-password'),
      pgw_oauth_client_copy: join(lab.tmp, 'oauth-client-copy.json'),
      pgw_oauth_token_copy: join(lab.tmp, 'oauth-token-copy.json'),
      pgw_extra_args: [...lab.args(), '--no-keychain', '--wait', '60'],
      ...vars,
    }),
    { mode: 0o600 },
  );
  const child = spawn(
    'ansible-playbook',
    ['-i', 'localhost,', '-c', 'local', '-v', '-e', `@${varsFile}`, ...extra, playbook],
    {
      env: {
        PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
        HOME: process.env.HOME ?? '/root',
        LANG: 'C.UTF-8',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_RETRY_FILES_ENABLED: 'false',
        ANSIBLE_LOCAL_TEMP: join(lab.tmp, 'ansible-local'),
        ANSIBLE_REMOTE_TEMP: join(lab.tmp, 'ansible-remote'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return { code, output };
}

/** The files the role may write on the machine, none of which may be left behind. */
async function secretCopiesLeft(lab: RelayLab): Promise<string[]> {
  const names = ['gmail-app-password', 'oauth-client-copy.json', 'oauth-token-copy.json'];
  return (await readdir(lab.tmp)).filter((name) => names.includes(name));
}

describe('the Ansible role with pgw_auth oauth (Debian 12: no sasl-xoauth2)', { skip }, () => {
  let lab: RelayLab;
  let oauth: FakeOauth;
  let refreshToken: string;
  let controller: string;
  before(async () => {
    lab = await startRelayLab('ansible-oauth', {});
    oauth = await startFakeOauth({
      cert: lab.ca.certPem,
      key: lab.ca.keyPem,
      clients: { [CLIENT]: { secret: CLIENT_SECRET } },
    });
    refreshToken = oauth.grant(CLIENT, 'you@gmail.com');
    controller = join(lab.tmp, 'controller');
    await mkdir(controller, { mode: 0o700 });
    await writeFile(join(controller, 'client.json'), oauth.clientJson(CLIENT), { mode: 0o600 });
    await writeFile(join(controller, 'token.json'), JSON.stringify({ refresh_token: refreshToken }), { mode: 0o600 });
  });
  after(async () => {
    await oauth?.close();
    await lab?.close();
  });

  const oauthVars = () => ({
    gmail_account: 'you@gmail.com',
    pgw_auth: 'oauth',
    pgw_oauth_client_file: join(controller, 'client.json'),
    pgw_oauth_token_file: join(controller, 'token.json'),
  });

  it('the role passes ansible-playbook --syntax-check', async () => {
    const run = await play(lab, {}, ['--syntax-check']);
    assert.equal(run.code, 0, run.output);
  });

  it('bad combinations fail before anything runs, with the fix and no secret', async () => {
    const before = await checksums(lab.postfix.configDir);
    const unknown = await play(lab, { ...oauthVars(), pgw_auth: 'xoauth' });
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.output, /set it to app-password, oauth or none/);
    const both = await play(lab, { ...oauthVars(), gmail_app_password: 'notwithoauthpass' });
    assert.notEqual(both.code, 0);
    assert.match(both.output, /pgw_auth: oauth needs .* and no gmail_app_password/s);
    assert.ok(!both.output.includes('notwithoauthpass'), 'the password is not shown');
    const noToken = await play(lab, { ...oauthVars(), pgw_oauth_token_file: join(controller, 'absent.json') });
    assert.notEqual(noToken.code, 0);
    assert.match(noToken.output, /pgw_oauth_token_file \(a token with at least refresh_token\)/);
    const relative = await play(lab, { ...oauthVars(), pgw_oauth_client_file: 'client.json' });
    assert.notEqual(relative.code, 0);
    assert.match(relative.output, /given by absolute path/);
    const noneWithSecret = await play(lab, { ...oauthVars(), pgw_auth: 'none' });
    assert.notEqual(noneWithSecret.code, 0);
    assert.match(noneWithSecret.output, /pgw_auth: none .* needs gmail_account and no secret/s);
    for (const run of [unknown, both, noToken, relative, noneWithSecret]) {
      assert.doesNotMatch(run.output, /Relay Postfix through Gmail/, 'the wizard did not run');
      assert.ok(!run.output.includes(refreshToken) && !run.output.includes(CLIENT_SECRET));
    }
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
    assert.deepEqual(await secretCopiesLeft(lab), []);
  });

  it("fails with the wizard's oauth-plugin-missing; nothing changed, the copies gone and never readable", async () => {
    const before = await checksums(lab.postfix.configDir);
    const tokenWatch = await watchModes(lab.tmp, refreshToken);
    const clientWatch = await watchModes(lab.tmp, CLIENT_SECRET);
    const run = await play(lab, oauthVars());
    assert.deepEqual(await tokenWatch.stop(), [], 'no file held the refresh token with a mode others can read');
    assert.deepEqual(await clientWatch.stop(), [], 'no file held the client secret with a mode others can read');
    assert.notEqual(run.code, 0);
    assert.match(run.output, /postfix-gmail-wizard exited 1: .*sasl-xoauth2.*\[oauth-plugin-missing\]/s);
    assert.match(
      run.output,
      /"--auth", "oauth", "--oauth-client", "[^"]*oauth-client-copy\.json", "--oauth-token-file", "[^"]*oauth-token-copy\.json"/,
      `the wizard got the role's copies:\n${run.output}`,
    );
    assert.ok(!run.output.includes(refreshToken) && !run.output.includes(CLIENT_SECRET), 'no secret in the output');
    assert.deepEqual(await checksums(lab.postfix.configDir), before, 'the relay configuration is as it was');
    assert.deepEqual(await secretCopiesLeft(lab), [], 'the copies are removed after the failure');
    assert.deepEqual(oauth.requests, [], 'the token endpoint was not contacted');
    await stat(join(controller, 'token.json')); // the controller's own file stays
  });
});

describe('the Ansible role with pgw_auth none (Workspace relay by address)', { skip }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('ansible-none', {}, { relay: { allowed: ['127.0.0.1'] } });
  });
  after(async () => lab?.close());

  it('relays with no login and writes no secret file; a second play changes nothing', async () => {
    const vars = { gmail_account: 'ops@example.org', pgw_auth: 'none' };
    const first = await play(lab, vars);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /"--auth", "none"/);
    assert.doesNotMatch(first.output, /--password-file|--oauth-client/);
    assert.match(first.output, /changed=[1-9]/);
    const message = await lab.gmail.waitForMessage();
    assert.equal(message.user, undefined, 'no login');
    assert.deepEqual(await secretCopiesLeft(lab), []);
    const second = await play(lab, vars);
    assert.equal(second.code, 0, second.output);
    assert.match(second.output, /changed=0/);
  });
});
