// ask.ts's helpers called with the narrowed contexts they declare: the missing flags of a headless
// run, --relay and --ca-file, --account/--to and the password from --password-stdin/--password-file
// (never argv), stored passwords that must still pass the rules, and the prompts for an address,
// the password and the test recipient. Bad input is a usage error (exit 2) naming the fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  askAccount,
  askRecipient,
  checkGivenAddresses,
  checkGivenInputs,
  missingFlags,
  promptPassword,
  resolveCaFile,
  resolveRelay,
  usableStored,
} from '../../../src/flow/ask/ask.js';
import { ExitCode, UsageError, WizardError } from '../../../src/errors.js';
import { appPasswordUrl } from '../../../src/gmail/credentials.js';
import { parseOptions } from '../../../src/options.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { ScriptedUi } from '../../support/scripted-ui.js';
import { stepContext, stepPassword } from '../../support/step-context.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const options = (...argv: string[]) => ({ options: parseOptions(argv) });

async function usage(promise: Promise<unknown> | (() => unknown)): Promise<UsageError> {
  const error = await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof UsageError, String(error));
  assert.equal(error.exitCode, ExitCode.usage);
  assert.ok(!`${error.message} ${error.fix}`.includes(stepPassword));
  return error;
}

describe('flow/ask/ask: what a headless run lacks', () => {
  it('every missing flag, in one list; --dry-run needs neither a password nor --yes', () => {
    assert.deepEqual(missingFlags(options(), false), ['--account ADDR', t('ask.passwordFlags'), '--yes']);
    assert.deepEqual(missingFlags(options('--account', 'a@gmail.com', '--yes'), false), [t('ask.passwordFlags')]);
    assert.deepEqual(missingFlags(options('--account', 'a@gmail.com', '--yes'), true), [], 'a stored password will do');
    assert.deepEqual(
      missingFlags(options('--account', 'a@gmail.com', '--password-file', '/root/pw', '--yes'), false),
      [],
    );
    assert.deepEqual(missingFlags(options('--dry-run'), false), ['--account ADDR']);
  });
});

describe('flow/ask/ask: --relay and --ca-file', () => {
  it('--relay parsed (465 is implicit TLS), the default without it; a bad one refused with the fix', async () => {
    assert.deepEqual(resolveRelay(options()), { host: 'smtp.gmail.com', port: 587, implicitTls: false });
    assert.deepEqual(resolveRelay(options('--relay', 'smtp.gmail.com:465')), {
      host: 'smtp.gmail.com',
      port: 465,
      implicitTls: true,
    });
    const error = await usage(() => resolveRelay(options('--relay', 'smtp.gmail.com:notaport')));
    assert.equal(error.code, 'invalid-relay');
    assert.equal(error.fix, t('relay.fix'));
  });

  it('the CA file: --ca-file over the detected bundle, read through the system seam', async () => {
    const sys = new FakeSystem({ '/etc/ssl/certs/ca-certificates.crt': PEM, '/root/ca.pem': PEM });
    const facts = { caBundle: '/etc/ssl/certs/ca-certificates.crt' } as Parameters<typeof resolveCaFile>[1];
    assert.deepEqual(await resolveCaFile({ sys, ...options() }, facts), {
      path: '/etc/ssl/certs/ca-certificates.crt',
      pem: PEM,
    });
    assert.deepEqual(await resolveCaFile({ sys, ...options('--ca-file', '/root/ca.pem') }, facts), {
      path: '/root/ca.pem',
      pem: PEM,
    });
  });

  it('no bundle at all is a failure with the fix; a file without a certificate a usage error naming it', async () => {
    const sys = new FakeSystem({ '/root/notes.txt': 'hello\n' });
    const none = await resolveCaFile({ sys, ...options() }, {} as Parameters<typeof resolveCaFile>[1]).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(none instanceof WizardError && !(none instanceof UsageError), String(none));
    assert.deepEqual([none.code, none.fix], ['no-ca-bundle', t('ca.noneFix')]);
    for (const path of ['/root/notes.txt', '/root/missing.pem']) {
      const error = await usage(
        resolveCaFile({ sys, ...options('--ca-file', path) }, {} as Parameters<typeof resolveCaFile>[1]),
      );
      assert.deepEqual([error.code, error.message], ['invalid-ca-file', t('ca.unreadable', { path })]);
    }
  });
});

describe('flow/ask/ask: the given inputs', () => {
  it('--account and --to checked; a bad one refused with its own code', async () => {
    assert.deepEqual(checkGivenAddresses(options('--account', 'a@gmail.com', '--to', 'friend@example.com')), {
      account: 'a@gmail.com',
      to: 'friend@example.com',
    });
    assert.deepEqual(checkGivenAddresses(options()), { account: undefined, to: undefined });
    assert.equal((await usage(() => checkGivenAddresses(options('--account', 'nobody')))).code, 'invalid-account');
    const to = await usage(() => checkGivenAddresses(options('--to', 'a@b@c')));
    assert.deepEqual([to.code, to.fix], ['invalid-recipient', t('recipient.fix')]);
  });

  it('--password-stdin: one line, spaces of the grouped form dropped, the source recorded', async () => {
    const ctx = stepContext(['--password-stdin'], { stdin: 'abcd efgh ijkl mnop\r\n\n' });
    assert.deepEqual((await checkGivenInputs(ctx)).credential, { password: stepPassword, source: 'stdin' });
    assert.deepEqual(ctx.ui.shown, []);
  });

  it('--password-stdin with a second line, or with a colon: refused, the password never repeated', async () => {
    for (const stdin of [`${stepPassword}\nsecond line\n`, `${stepPassword.slice(0, 8)}:${stepPassword.slice(8)}\n`]) {
      const error = await usage(checkGivenInputs(stepContext(['--password-stdin'], { stdin })));
      assert.equal(error.code, 'invalid-password');
      assert.equal(error.fix, t('password.fix', { url: appPasswordUrl }));
    }
  });

  it('--password-file: read through the seam; a world-readable one warned about on screen and in --json', async () => {
    const sys = new FakeSystem({ '/root/pw': { content: `${stepPassword}\n`, mode: 0o644 } });
    const ctx = stepContext(['--password-file', '/root/pw'], { sys });
    assert.deepEqual((await checkGivenInputs(ctx)).credential, { password: stepPassword, source: 'file' });
    const warning = t('password.fileWorldReadable', { path: '/root/pw' });
    assert.deepEqual([ctx.ui.shown, ctx.warnings], [[`warn: ${warning}`], [warning]]);
    await sys.chmod('/root/pw', 0o600);
    const quiet = stepContext(['--password-file', '/root/pw'], { sys });
    await checkGivenInputs(quiet);
    assert.deepEqual([quiet.ui.shown, quiet.warnings], [[], []]);
  });

  it('--password-file that is not there: refused with how to write one', async () => {
    const error = await usage(checkGivenInputs(stepContext(['--password-file', '/root/none'])));
    assert.deepEqual([error.code, error.fix], ['password-file-missing', t('password.fileFix')]);
  });

  it('a password that is not 16 letters is taken with a warning; without a password flag none is read', async () => {
    const ctx = stepContext(['--password-stdin'], { stdin: 'Abc123!Abc123!xy\n' });
    assert.equal((await checkGivenInputs(ctx)).credential?.password, 'Abc123!Abc123!xy');
    assert.equal(ctx.ui.shown.length, 1);
    assert.match(ctx.ui.shown[0]!, /^warn: /);
    let read = false;
    const none = stepContext([]);
    none.readStdin = async () => ((read = true), stepPassword);
    assert.equal((await checkGivenInputs(none)).credential, undefined);
    assert.equal(read, false);
  });

  it('usableStored: a stored password only if it still passes the rules', () => {
    assert.equal(usableStored(undefined), undefined);
    assert.equal(usableStored('abcd efgh ijkl mnop'), stepPassword);
    assert.equal(usableStored('has:colon'), undefined);
    assert.equal(usableStored('two\nlines'), undefined);
  });
});

describe('flow/ask/ask: the prompts', () => {
  it('the address: a bad one is shown and asked again, the answer trimmed; Enter keeps the pre-filled one', async () => {
    const ui = new ScriptedUi(['not-an-address', '  a@gmail.com ']);
    assert.equal(await askAccount({ ui }), 'a@gmail.com');
    assert.deepEqual(ui.asked, [t('ask.account')]);
    assert.equal(ui.shown.filter((s) => s.startsWith('invalid: ')).length, 1);
    assert.equal(await askAccount({ ui: new ScriptedUi(['']) }, 'kept@gmail.com'), 'kept@gmail.com');
  });

  it('the password: the app-password link first, a masked prompt, the value never shown', async () => {
    const ui = new ScriptedUi(['', 'abcd efgh ijkl mnop']);
    assert.deepEqual(await promptPassword({ ui }), { password: stepPassword, source: 'typed' });
    assert.equal(ui.shown[0], `info: ${t('ask.passwordHelp', { url: appPasswordUrl })}`);
    assert.equal(ui.shown.filter((s) => s.startsWith('invalid: ')).length, 1, 'an empty password is asked again');
    assert.ok(!ui.transcript.includes(stepPassword) && !ui.transcript.includes('abcd efgh'));
  });

  it('the test recipient: --to if given, else the account; asked (pre-filled with it) only when a test is sent at a terminal', async () => {
    assert.equal(
      await askRecipient({ ui: new ScriptedUi([]), ...options('--to', 'friend@example.com') }, 'a@gmail.com'),
      'friend@example.com',
    );
    assert.equal(await askRecipient({ ui: new ScriptedUi([]), ...options('--no-test') }, 'a@gmail.com'), 'a@gmail.com');
    assert.equal(await askRecipient({ ui: new ScriptedUi([], false), ...options() }, 'a@gmail.com'), 'a@gmail.com');
    const ui = new ScriptedUi(['']);
    assert.equal(await askRecipient({ ui, ...options() }, 'a@gmail.com'), 'a@gmail.com');
    assert.deepEqual(ui.asked, [t('ask.recipient')]);
    const other = new ScriptedUi(['x', ' friend@example.com ']);
    assert.equal(await askRecipient({ ui: other, ...options() }, 'a@gmail.com'), 'friend@example.com');
    assert.equal(other.shown.filter((s) => s.startsWith('invalid: ')).length, 1);
    assert.equal(
      (await usage(askRecipient({ ui: new ScriptedUi([]), ...options('--to', 'bad') }, 'a@gmail.com'))).code,
      'invalid-recipient',
    );
  });
});
