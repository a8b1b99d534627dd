// Several accounts (issue 15), the pure parts: the --senders parser, reading the sender-keyed entries
// of a password map, Postfix's lookup order for a sender, and the maps and settings the plan renders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { plannedSenderAccounts, planSenderRelay, senderRelayRemoval } from '../../../src/flow/plan/accounts-plan.js';
import { plan, renderPasswordMap } from '../../../src/flow/plan/plan.js';
import type { Answers, HostFacts, PostfixFacts } from '../../../src/flow/types.js';
import { accountForSender, parseSenderList, senderAccounts, sendersTaken, testSender } from '../../../src/postfix/sender-maps.js';
import { passwordMapCredential } from '../../../src/postfix/password-map.js';
import type { TemplateName } from '../../../src/system/templates.js';
import { repoPath } from '../../support/paths.js';

const templates = Object.fromEntries((['sasl_passwd', 'generic', 'saved_settings', 'sender_relay'] as TemplateName[]).map((n) => [n, readFileSync(repoPath('templates', `${n}.ejs`), 'utf8')])) as Record<TemplateName, string>;
const RELAY = '[smtp.gmail.com]:587';
const relay = { host: 'smtp.gmail.com', port: 587, implicitTls: false };

function postfixFacts(map?: string, settings: Record<string, string> = {}, explicit: string[] = []): PostfixFacts {
  return {
    version: '3.7.11', configDir: '/etc/postfix', isDefaultInstance: true, running: true, saslClientTypes: ['cyrus'],
    mapTypes: ['hash'], defaultMapType: 'hash', settings: { relayhost: RELAY, ...settings }, explicit, serviceManager: 'sysv', log: { kind: 'none' },
    ...(map !== undefined ? { passwordMap: { type: 'hash', path: '/etc/postfix/sasl_passwd', content: map, mode: 0o600, uid: 0, compiledCurrent: true, compiled: [] } } : {}),
    currentAccount: map ? passwordMapCredential(map, RELAY)?.account : undefined,
  };
}

describe('--senders LIST', () => {
  it('takes addresses and @domain entries, lower-cased, in order', () => {
    assert.deepEqual(parseSenderList(' Billing@Company.example ,@invoices.example'), { ok: true, value: ['billing@company.example', '@invoices.example'] });
    assert.deepEqual(parseSenderList('alerts@vm'), { ok: true, value: ['alerts@vm'] }, 'a local sender of a one-label host name');
  });
  it('refuses an empty list, a sender listed twice (case does not make it another), and what is no address', () => {
    assert.deepEqual(parseSenderList(' , '), { ok: false, problem: 'empty', entry: '' });
    assert.deepEqual(parseSenderList('a@b.example,A@B.example'), { ok: false, problem: 'duplicate', entry: 'a@b.example' });
    for (const bad of ['billing', '@', 'a@b.', '@.example', 'a b@c.example', '#x@c.example', '[smtp.gmail.com]:587', 'a@b.example:pw', 'a@b.example,', 'a@-b.example']) {
      const result = parseSenderList(bad);
      assert.equal(result.ok, false, bad);
    }
  });
  it('the test sender: the first address, or postmaster@ a domain', () => {
    assert.equal(testSender(['x@a.example', 'y@a.example']), 'x@a.example');
    assert.equal(testSender(['@a.example']), 'postmaster@a.example');
  });
});

describe('sender-keyed entries of the password map', () => {
  const map = `# comment\n${RELAY} me@gmail.com:aaaabbbbccccdddd\nbilling@company.example billing@company.example:eeeeffffgggghhhh\n@invoices.example billing@company.example:eeeeffffgggghhhh\nops@host.example ops@gmail.com:iiiijjjjkkkkllll\n`;
  it('groups them by account in file order; the relay entry is not one of them', () => {
    assert.deepEqual(senderAccounts(map), [
      { account: 'billing@company.example', password: 'eeeeffffgggghhhh', senders: ['billing@company.example', '@invoices.example'] },
      { account: 'ops@gmail.com', password: 'iiiijjjjkkkkllll', senders: ['ops@host.example'] },
    ]);
    assert.equal(passwordMapCredential(map, RELAY)?.account, 'me@gmail.com');
  });
  it('finds the account as Postfix does: the address, then @domain, else the default (undefined)', () => {
    const accounts = senderAccounts(map);
    assert.equal(accountForSender(accounts, 'Billing@Company.example'), 'billing@company.example');
    assert.equal(accountForSender(accounts, 'clerk@invoices.example'), 'billing@company.example');
    assert.equal(accountForSender(accounts, 'root@host.example'), undefined);
  });
  it('a sender belongs to one account: another account listing it is caught, the same account is not', () => {
    const accounts = senderAccounts(map);
    assert.deepEqual(sendersTaken(accounts, 'new@gmail.com', ['x@y.example', '@invoices.example']), { sender: '@invoices.example', account: 'billing@company.example' });
    assert.equal(sendersTaken(accounts, 'billing@company.example', ['@invoices.example']), undefined);
  });
});

describe('the plan with several accounts', () => {
  const defaultMap = `# postfix-gmail-wizard\n${RELAY} me@gmail.com:aaaabbbbccccdddd\n`;
  const answers = (over: Partial<Answers> = {}): Answers => ({ account: 'billing@company.example', password: 'eeeeffffgggghhhh', passwordSource: 'stdin', relay, caFile: '/etc/ssl/certs/ca-certificates.crt', to: 'billing@company.example', senders: ['billing@company.example', '@invoices.example'], ...over });
  const facts = (postfix: PostfixFacts): HostFacts => ({ os: { id: 'debian', idLike: [], versionId: '12', name: 'Debian' }, distro: { name: 'debian' }, isRoot: true, postfix, saslPlugins: { plain: true, login: true } } as unknown as HostFacts);

  it('--senders keeps the default entry, adds one line per sender, the relay map and the two settings; the diff hides every password', () => {
    const postfix = postfixFacts(defaultMap, { smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd' });
    const p = plan(facts(postfix), answers(), templates);
    const map = p.files.find((f) => f.path === '/etc/postfix/sasl_passwd');
    assert.ok(map?.secret);
    assert.equal(map.mode, 0o600);
    const lines = String(map.content).split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(lines, [`${RELAY} me@gmail.com:aaaabbbbccccdddd`, 'billing@company.example billing@company.example:eeeeffffgggghhhh', '@invoices.example billing@company.example:eeeeffffgggghhhh']);
    assert.ok(map.shown && !map.shown.includes('aaaabbbb') && !map.shown.includes('eeeeffff'), map.shown);
    const relayMap = p.files.find((f) => f.path === '/etc/postfix/sender_relay');
    assert.equal(relayMap?.secret, false);
    assert.deepEqual(String(relayMap?.content).split('\n').filter((l) => l && !l.startsWith('#')), [`billing@company.example ${RELAY}`, `@invoices.example ${RELAY}`]);
    const settings = Object.fromEntries(p.settings.map((s) => [s.name, s.to]));
    assert.equal(settings.smtp_sender_dependent_authentication, 'yes');
    assert.equal(settings.sender_dependent_relayhost_maps, 'hash:/etc/postfix/sender_relay');
    assert.deepEqual(p.commands.map((c) => c.purpose).sort(), ['hash:/etc/postfix/sasl_passwd', 'hash:/etc/postfix/sender_relay']);
    assert.ok(p.touches.includes('/etc/postfix/sender_relay.db'));
  });

  it('the same --senders on what it wrote plans nothing for the maps', () => {
    const first = plan(facts(postfixFacts(defaultMap, { smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd' })), answers(), templates);
    const content = String(first.files[0]!.content);
    const relayContent = String(first.files.find((f) => f.path.endsWith('sender_relay'))!.content);
    const after = postfixFacts(content, { smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd', smtp_sender_dependent_authentication: 'yes', sender_dependent_relayhost_maps: 'hash:/etc/postfix/sender_relay' }, ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps']);
    after.senderRelayMap = { type: 'hash', path: '/etc/postfix/sender_relay', content: relayContent, mode: 0o644, uid: 0, compiledCurrent: true, compiled: [] };
    const again = plan(facts(after), answers(), templates);
    assert.deepEqual(again.files.map((f) => f.path).filter((p) => /sasl_passwd|sender_relay/.test(p)), []);
    assert.deepEqual(again.settings.filter((s) => s.name.includes('sender')), []);
    // A run for the default account (no --senders) keeps the sender entries.
    const rerun = plan(facts(after), answers({ account: 'me@gmail.com', password: 'mmmmnnnnoooopppp', senders: undefined }), templates);
    assert.match(String(rerun.files[0]!.content), /^@invoices\.example billing@company\.example:eeeeffffgggghhhh$/m);
    assert.match(String(rerun.files[0]!.content), new RegExp(`^\\[smtp\\.gmail\\.com\\]:587 me@gmail\\.com:mmmmnnnnoooopppp$`, 'm'));
  });

  it('another list for the same account replaces its entries in place', () => {
    const current = [{ account: 'a@x.example', password: 'p1', senders: ['a@x.example'] }, { account: 'b@y.example', password: 'p2', senders: ['b@y.example'] }];
    assert.deepEqual(plannedSenderAccounts(current, { account: 'a@x.example', password: undefined, senders: ['@x.example'] }, '<pw>'), [
      { account: 'a@x.example', password: 'p1', senders: ['@x.example'] }, current[1],
    ]);
  });

  it('with no sender account left, the settings (when they name the wizard\'s map) and the relay map go', () => {
    const postfix = postfixFacts(defaultMap, { smtp_sender_dependent_authentication: 'yes', sender_dependent_relayhost_maps: 'hash:/etc/postfix/sender_relay' }, ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps']);
    postfix.senderRelayMap = { type: 'hash', path: '/etc/postfix/sender_relay', content: 'x', mode: 0o644, uid: 0, compiledCurrent: true, compiled: [{ path: '/etc/postfix/sender_relay.db', mode: 0o644, uid: 0 }] };
    const part = planSenderRelay(postfix, [], RELAY, templates.sender_relay);
    assert.deepEqual(part.removeSettings, ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps']);
    assert.deepEqual(part.deletes, ['/etc/postfix/sender_relay', '/etc/postfix/sender_relay.db']);
    const foreign = postfixFacts(defaultMap, { sender_dependent_relayhost_maps: 'hash:/etc/postfix/theirs' }, ['sender_dependent_relayhost_maps']);
    assert.deepEqual(senderRelayRemoval(foreign).removeSettings, [], 'a map the wizard did not write stays named');
  });

  it('the password map template without sender accounts is what it always was', () => {
    const text = renderPasswordMap(templates.sasl_passwd, postfixFacts(), { account: 'me@gmail.com', password: 'pw', relay });
    assert.deepEqual(text.split('\n').filter((l) => l && !l.startsWith('#')), [`${RELAY} me@gmail.com:pw`]);
    assert.ok(!text.includes('Sender-dependent'));
  });
});
