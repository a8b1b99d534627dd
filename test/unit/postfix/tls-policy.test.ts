// The TLS-override rules of src/postfix/tls-policy.ts, as smtp(8) applies them
// (src/smtp/smtp_tls_policy.c): lookup keys, the global level, master.cf -o, table edits, and the
// services a transport table sends the relay's mail through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectiveTls,
  editableMap,
  globalLevel,
  mapList,
  parseMasterParameters,
  perSiteLookupKeys,
  policyLookupKeys,
  relayServices,
  withoutEntry,
  mappedRelayServices,
  transportTableValues,
} from '../../../src/postfix/tls-policy.js';

describe('smtp_tls_policy_maps lookup keys', () => {
  it('looks up a bracketed next-hop with its port once, verbatim (no parent domains, no port-less form)', () => {
    assert.deepEqual(policyLookupKeys('[smtp.gmail.com]:587'), ['[smtp.gmail.com]:587']);
    assert.deepEqual(policyLookupKeys('[localhost]:2525'), ['[localhost]:2525']);
    assert.deepEqual(policyLookupKeys('[smtp.gmail.com]'), ['[smtp.gmail.com]']);
    assert.deepEqual(policyLookupKeys('smtp.gmail.com:587'), ['smtp.gmail.com:587']);
  });

  it('looks up a bare domain, then each parent domain with a leading dot', () => {
    assert.deepEqual(policyLookupKeys('smtp.gmail.com'), ['smtp.gmail.com', '.gmail.com', '.com']);
    assert.deepEqual(policyLookupKeys('localhost'), ['localhost']);
  });

  it('folds case as the tables do, and has no key for an empty relayhost', () => {
    assert.deepEqual(policyLookupKeys('[SMTP.Gmail.com]:587'), ['[smtp.gmail.com]:587']);
    assert.deepEqual(policyLookupKeys(''), []);
  });

  it('smtp_tls_per_site: the next-hop as written, then the server host name', () => {
    assert.deepEqual(perSiteLookupKeys('[smtp.gmail.com]:587'), ['[smtp.gmail.com]:587', 'smtp.gmail.com']);
    assert.deepEqual(perSiteLookupKeys('smtp.gmail.com'), ['smtp.gmail.com']);
  });
});

describe('the level smtp(8) uses', () => {
  it('smtp_tls_security_level wins; the obsolete switches count only without it', () => {
    assert.equal(globalLevel({ smtp_tls_security_level: 'secure', smtp_use_tls: 'yes' }), 'secure');
    assert.equal(
      globalLevel({ smtp_tls_security_level: '', smtp_enforce_tls: 'yes', smtp_tls_enforce_peername: 'no' }),
      'encrypt',
    );
    assert.equal(globalLevel({ smtp_tls_security_level: '', smtp_enforce_tls: 'yes' }), 'verify');
    assert.equal(globalLevel({ smtp_tls_security_level: '', smtp_use_tls: 'yes' }), 'may');
    assert.equal(globalLevel({}), 'none');
  });

  it('a policy entry beats master.cf, which beats main.cf; a per-site MAY does not lower a stronger level', () => {
    const master = { service: 'smtp', type: 'unix', level: 'may' };
    const policy = {
      map: 'hash:/etc/postfix/tls_policy',
      key: '[smtp.gmail.com]:587',
      value: 'encrypt protocols=>=TLSv1.2',
    };
    assert.deepEqual(effectiveTls('secure', master, policy, undefined), {
      level: 'encrypt',
      source: 'policy-map',
      where: 'hash:/etc/postfix/tls_policy [smtp.gmail.com]:587',
    });
    assert.deepEqual(effectiveTls('secure', master, undefined, undefined), {
      level: 'may',
      source: 'master.cf',
      where: 'smtp/unix',
    });
    assert.deepEqual(effectiveTls('secure', undefined, undefined, undefined), { level: 'secure', source: 'main.cf' });
    const site = (value: string) => ({ map: 'hash:/etc/postfix/tls_per_site', key: 'smtp.gmail.com', value });
    assert.equal(effectiveTls('secure', undefined, undefined, site('MAY')).source, 'main.cf');
    assert.deepEqual(effectiveTls('secure', undefined, undefined, site('NONE')), {
      level: 'none',
      source: 'per-site',
      where: 'hash:/etc/postfix/tls_per_site smtp.gmail.com',
    });
    assert.equal(effectiveTls('secure', undefined, undefined, site('MUST_NOPEERMATCH')).level, 'encrypt');
  });
});

describe('master.cf and map lists', () => {
  it('reads `postconf -P` as Postfix 3.7 prints it', () => {
    const out =
      'smtp/unix/smtp_tls_security_level = encrypt\nrelay/unix/syslog_name = postfix/$service_name\nsubmission/inet/smtpd_tls_security_level = encrypt\nx/unix/empty =\n';
    assert.deepEqual(parseMasterParameters(out), [
      { service: 'smtp', type: 'unix', name: 'smtp_tls_security_level', value: 'encrypt' },
      { service: 'relay', type: 'unix', name: 'syslog_name', value: 'postfix/$service_name' },
      { service: 'submission', type: 'inet', name: 'smtpd_tls_security_level', value: 'encrypt' },
      { service: 'x', type: 'unix', name: 'empty', value: '' },
    ]);
  });

  it("the relaying services are default_transport's and relay_transport's; an error transport stands for its replacement", () => {
    assert.deepEqual(relayServices({ default_transport: 'smtp', relay_transport: 'relay' }), ['smtp', 'relay']);
    assert.deepEqual(relayServices({ default_transport: 'error', relay_transport: 'error:local only' }), [
      'smtp',
      'relay',
    ]);
    assert.deepEqual(
      relayServices({ default_transport: 'gmail:[smtp.gmail.com]:587', relay_transport: '$default_transport' }),
      ['gmail', 'relay'],
    );
  });

  it('splits map lists on commas and spaces, keeping braces whole', () => {
    assert.deepEqual(mapList('hash:/etc/postfix/a, texthash:/b  lmdb:/c'), [
      'hash:/etc/postfix/a',
      'texthash:/b',
      'lmdb:/c',
    ]);
    assert.deepEqual(mapList('inline:{ [x]:587=encrypt, y=may } hash:/d'), [
      'inline:{ [x]:587=encrypt, y=may }',
      'hash:/d',
    ]);
    assert.deepEqual(mapList(''), []);
  });

  it('edits only file tables it can rewrite', () => {
    assert.deepEqual(editableMap('hash:/etc/postfix/tls_policy'), { type: 'hash', path: '/etc/postfix/tls_policy' });
    assert.deepEqual(editableMap('texthash:/etc/postfix/tls_policy'), {
      type: 'texthash',
      path: '/etc/postfix/tls_policy',
    });
    for (const map of ['pcre:/etc/postfix/tls.pcre', 'regexp:/x', 'proxy:hash:/x', 'inline:{a=b}', 'hash:relative'])
      assert.equal(editableMap(map), undefined, map);
  });
});

describe('taking one entry out of a table source', () => {
  it('drops the entry and its continuation lines, keeps comments and other entries', () => {
    const source =
      '# old recipe\n[smtp.gmail.com]:587 encrypt\n    protocols=>=TLSv1\nexample.com secure\n#[smtp.gmail.com]:587 none\n';
    assert.equal(
      withoutEntry(source, '[smtp.gmail.com]:587'),
      '# old recipe\nexample.com secure\n#[smtp.gmail.com]:587 none\n',
    );
  });

  it('matches the key without regard to case, and leaves a text without it unchanged', () => {
    assert.equal(withoutEntry('[SMTP.GMAIL.COM]:587 may\n', '[smtp.gmail.com]:587'), '');
    assert.equal(withoutEntry('other.example encrypt\n', '[smtp.gmail.com]:587'), 'other.example encrypt\n');
  });
});

// Mail for the relay can leave through a master.cf service that neither
// default_transport nor relay_transport names: a transport_maps or
// sender_dependent_default_transport_maps entry picks it (issue 11, item 3).
// Its own `-o smtp_tls_security_level` is an override like the others.
describe("services a transport table sends the relay's mail through", () => {
  const nexthop = '[smtp.gmail.com]:587';
  const values = [
    'weak:',
    'weaker',
    'tlsmay:[smtp.gmail.com]:587',
    'viahost:smtp.gmail.com',
    'other:[mx.example.org]',
    'smtp:',
  ];
  it('transport_maps: the relay named as next-hop; an empty next-hop is the recipient domain, not the relay', () => {
    assert.deepEqual(mappedRelayServices(values, nexthop, false), ['tlsmay', 'viahost']);
  });
  it('sender_dependent_default_transport_maps: an empty next-hop means relayhost too', () => {
    assert.deepEqual(mappedRelayServices(values, nexthop, true), ['weak', 'weaker', 'tlsmay', 'viahost', 'smtp']);
  });
  it('no service for the default transport, error/discard/retry, or a $name', () => {
    assert.deepEqual(
      mappedRelayServices(
        [':[smtp.gmail.com]:587', 'error:5.1.1 no', 'discard:', 'retry:4.3.0 later', '$t:'],
        nexthop,
        true,
      ),
      [],
    );
  });
  it('join the services of default_transport and relay_transport', () => {
    assert.deepEqual(relayServices({ default_transport: 'smtp', relay_transport: 'relay' }, ['weak', 'smtp']), [
      'smtp',
      'relay',
      'weak',
    ]);
  });
  it("reads the values of `postmap -s` output, and of a regexp/pcre table's lines", () => {
    assert.deepEqual(transportTableValues('example.com\tweak:\n.example.net  smtp:[mx.example.net]\n'), [
      'weak:',
      'smtp:[mx.example.net]',
    ]);
    assert.deepEqual(
      transportTableValues('# comment\n/@example\\.com$/   weak:\nif /x/\n/y/ tlsmay:\nendif\n\n', true),
      ['weak:', 'tlsmay:'],
    );
  });
});
