// The plan parts of the relay options (flow/plan/options-plan.ts): the generic map's keys, the
// record of replaced main.cf values, and the parts setup and remove are built from.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { genericKeys, optionRemoval, parseSaved, planOptions } from '../../../../src/flow/plan/options-plan.js';
import type { LocalFacts, PostfixFacts } from '../../../../src/flow/types.js';
import type { TemplateName } from '../../../../src/system/templates.js';
import { repoPath } from '../../../support/paths.js';

const templates = Object.fromEntries(
  (['sasl_passwd', 'generic', 'saved_settings'] as TemplateName[]).map((n) => [
    n,
    readFileSync(repoPath('templates', `${n}.ejs`), 'utf8'),
  ]),
) as Record<TemplateName, string>;
const debianAliases = '# See man 5 aliases for format\npostmaster:    root\n';

function postfixFacts(settings: Record<string, string> = {}, explicit: string[] = []): PostfixFacts {
  return {
    version: '3.7.11',
    configDir: '/etc/postfix',
    isDefaultInstance: true,
    running: true,
    saslClientTypes: ['cyrus'],
    mapTypes: ['hash'],
    defaultMapType: 'hash',
    settings,
    explicit,
    serviceManager: 'sysv',
    log: { kind: 'none' },
  };
}

function localFacts(over: Partial<LocalFacts> = {}): LocalFacts {
  return {
    settings: {
      inet_interfaces: 'all',
      inet_protocols: 'all',
      smtp_generic_maps: '',
      smtp_address_preference: 'any',
      alias_maps: 'hash:/etc/aliases',
    },
    domains: { myorigin: 'mail.example.org', myhostname: 'vm.example.org', mydomain: 'example.org' },
    localDestinations: ['vm.example.org', 'mail.example.org', 'localhost.example.org', 'localhost'],
    generic: { type: 'hash', path: '/etc/postfix/gmail_generic', compiled: [], compiledCurrent: false },
    saved: { path: '/etc/postfix/postfix-gmail-wizard.saved' },
    aliases: {
      type: 'hash',
      path: '/etc/aliases',
      content: debianAliases,
      mode: 0o644,
      compiled: ['/etc/aliases.db'],
      compiledCurrent: true,
    },
    ...over,
  };
}

describe('generic map keys', () => {
  it('maps whole domains delivered here, and only root@ elsewhere (the map rewrites recipients too)', () => {
    assert.deepEqual(genericKeys(localFacts(), 'you@gmail.com'), {
      keys: ['@mail.example.org', '@vm.example.org', 'root@example.org'],
      skippedDomains: ['example.org'],
    });
  });
  it("never maps the account's own domain", () => {
    const local = localFacts({
      domains: { myorigin: 'corp.example', myhostname: 'vm', mydomain: 'corp.example' },
      localDestinations: ['vm', 'corp.example'],
    });
    assert.deepEqual(genericKeys(local, 'me@corp.example').keys, ['@vm']);
  });
});

describe('plan parts of the options', () => {
  it('loopback-only and IPv4 preference: set, old values saved once, restart only for inet_interfaces', () => {
    const postfix = postfixFacts({ inet_interfaces: 'all' }, ['inet_interfaces']);
    const part = planOptions(
      postfix,
      { loopbackOnly: true, preferIpv4: true, local: localFacts() },
      'you@gmail.com',
      templates,
    );
    assert.deepEqual(part.settings, { inet_interfaces: 'loopback-only', smtp_address_preference: 'ipv4' });
    assert.equal(part.restart, true);
    const record = part.files.find((f) => f.path.endsWith('.saved'));
    assert.ok(record);
    assert.deepEqual(
      [...parseSaved(String(record.content))],
      [
        ['inet_interfaces', 'all'],
        ['smtp_address_preference', undefined],
      ],
    );
    // Once applied, the same answers change nothing (and the saved values stay the first ones).
    const after = localFacts({
      settings: { ...localFacts().settings, inet_interfaces: 'loopback-only', smtp_address_preference: 'ipv4' },
      saved: { path: record.path, content: String(record.content) },
    });
    const again = planOptions(
      postfixFacts({ inet_interfaces: 'loopback-only' }, ['inet_interfaces', 'smtp_address_preference']),
      { loopbackOnly: true, preferIpv4: true, local: after },
      'you@gmail.com',
      templates,
    );
    assert.deepEqual(again, {
      settings: {},
      removeSettings: [],
      files: [],
      deletes: [],
      commands: [],
      touches: [],
      restart: false,
    });
  });

  it("remove puts back saved values only where the wizard's value is still in place", () => {
    const saved = 'inet_interfaces = all\nsmtp_address_preference (not set)\n';
    const local = localFacts({
      settings: { ...localFacts().settings, inet_interfaces: 'loopback-only', smtp_address_preference: 'ipv6' },
      saved: { path: '/etc/postfix/postfix-gmail-wizard.saved', content: saved },
    });
    const part = optionRemoval(postfixFacts({}, ['inet_interfaces', 'smtp_address_preference']), local, templates);
    assert.deepEqual(part.settings, { inet_interfaces: 'all' });
    assert.deepEqual(part.removeSettings, [], 'smtp_address_preference was changed by hand since: left alone');
    assert.deepEqual(part.deletes, ['/etc/postfix/postfix-gmail-wizard.saved']);
    assert.equal(part.restart, true);
  });

  it("remove puts back every relay setting the setup recorded, the value before the wizard's (Debian's TLS block)", () => {
    const saved = 'relayhost = \nsmtp_tls_security_level = may\nsmtp_tls_CAfile (not set)\n';
    const local = localFacts({ saved: { path: '/etc/postfix/postfix-gmail-wizard.saved', content: saved } });
    const postfix = postfixFacts(
      {
        relayhost: '[smtp.gmail.com]:587',
        smtp_tls_security_level: 'secure',
        smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
      },
      ['relayhost', 'smtp_tls_security_level', 'smtp_tls_CAfile'],
    );
    const part = optionRemoval(postfix, local, templates);
    assert.deepEqual(part.settings, { relayhost: '', smtp_tls_security_level: 'may' });
    assert.deepEqual(part.removeSettings, ['smtp_tls_CAfile']);
  });

  it('setup records each main.cf value it replaces once, before its first change', () => {
    const postfix = postfixFacts({ smtp_tls_security_level: 'may', relayhost: '' }, [
      'smtp_tls_security_level',
      'relayhost',
    ]);
    const part = planOptions(postfix, { local: localFacts() }, 'you@gmail.com', templates, {
      smtp_tls_security_level: 'secure',
      relayhost: '[smtp.gmail.com]:587',
      smtp_sasl_auth_enable: 'yes',
    });
    const record = part.files.find((f) => f.path.endsWith('.saved'));
    assert.deepEqual(
      [...parseSaved(String(record?.content))],
      [
        ['smtp_tls_security_level', 'may'],
        ['relayhost', ''],
        ['smtp_sasl_auth_enable', undefined],
      ],
    );
    const later = localFacts({ saved: { path: record!.path, content: String(record!.content) } });
    const again = planOptions(
      postfixFacts({ smtp_tls_security_level: 'secure' }, ['smtp_tls_security_level']),
      { local: later },
      'you@gmail.com',
      templates,
      { smtp_tls_security_level: 'encrypt' },
    );
    assert.equal(again.files.length, 0, 'the value from before the first change stays recorded');
  });

  it("map senders: the map, postmap, smtp_generic_maps; --no-map-senders takes out the wizard's map only", () => {
    const postfix = postfixFacts();
    const part = planOptions(postfix, { mapSenders: true, local: localFacts() }, 'you@gmail.com', templates);
    assert.equal(part.settings.smtp_generic_maps, 'hash:/etc/postfix/gmail_generic');
    const map = part.files.find((f) => f.path === '/etc/postfix/gmail_generic');
    assert.match(String(map?.content), /^@mail\.example\.org\tyou@gmail\.com$/m);
    assert.match(String(map?.content), /^root@example\.org\tyou@gmail\.com$/m);
    assert.equal(map?.mode, 0o644);
    assert.deepEqual(
      part.commands.map((c) => [c.file, ...c.args]),
      [['postmap', 'hash:/etc/postfix/gmail_generic']],
    );
    const ours = localFacts({
      settings: { ...localFacts().settings, smtp_generic_maps: 'hash:/etc/postfix/gmail_generic' },
      generic: {
        type: 'hash',
        path: '/etc/postfix/gmail_generic',
        content: String(map?.content),
        compiled: ['/etc/postfix/gmail_generic.db'],
        compiledCurrent: true,
      },
    });
    const off = planOptions(postfix, { mapSenders: false, local: ours }, 'you@gmail.com', templates);
    assert.deepEqual(off.removeSettings, ['smtp_generic_maps']);
    assert.deepEqual(off.deletes, ['/etc/postfix/gmail_generic', '/etc/postfix/gmail_generic.db']);
    const kept = planOptions(postfix, { local: ours }, 'other@gmail.com', templates);
    assert.match(
      String(kept.files[0]?.content),
      /\tother@gmail\.com$/m,
      'a re-run without the flag keeps the map, for the new account',
    );
  });

  it('root alias: the aliases file and postalias', () => {
    const part = planOptions(
      postfixFacts(),
      { rootAlias: 'you@gmail.com', local: localFacts() },
      'you@gmail.com',
      templates,
    );
    assert.deepEqual(
      part.files.map((f) => [f.path, f.mode]),
      [['/etc/aliases', 0o644]],
    );
    assert.deepEqual(
      part.commands.map((c) => [c.file, ...c.args]),
      [['postalias', 'hash:/etc/aliases']],
    );
    assert.deepEqual(part.touches, ['/etc/aliases', '/etc/aliases.db']);
  });
});
