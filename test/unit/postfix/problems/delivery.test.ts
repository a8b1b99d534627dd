// The queue and log rules on real Postfix lines (test/fixtures/postfix-output/maillog-scenarios.log,
// captured from Debian's Postfix against replies copied from Gmail): each line goes through the one
// diagnosis table (gmail/diagnose.ts), as doctor's gathering does, then through the rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { diagnoseDelivery } from '../../../../src/gmail/diagnose.js';
import { clientNotesFor, parseDeliveryLine } from '../../../../src/postfix/log.js';
import { dnsFailure, loginRefused } from '../../../../src/postfix/problems/delivery.js';
import { findProblems } from '../../../../src/postfix/problems/index.js';
import type { Failure } from '../../../../src/postfix/problems/types.js';
import { healthy } from './facts.js';
import { problemFix } from '../../../../src/ui/doctor-view.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../test/fixtures/postfix-output');
const log = readFileSync(resolve(FIXTURES, 'maillog-scenarios.log'), 'utf8');

/** The failure doctor reads for the scenario whose recipient domain is `domain`. */
function failure(domain: string): Failure {
  const line = log.split('\n').find((l) => l.includes(`@${domain}>`) && / status=(deferred|bounced)/.test(l));
  const event = line ? parseDeliveryLine(line) : undefined;
  assert.ok(event && event.status !== 'sent', domain);
  const diagnosis = diagnoseDelivery(event, clientNotesFor(log, event.queueId, event.to))!;
  return { queueId: event.queueId, status: event.status, reason: event.reply, diagnosis: diagnosis.code };
}

const found = (...domains: string[]) => findProblems(healthy({ failures: domains.map(failure) }));

describe('doctor rules on real log lines', () => {
  it('deferred-auth: 535 5.7.8 and 534 5.7.9, saying which', () => {
    const [bad] = found('badcreds.test');
    assert.equal(bad?.code, 'deferred-auth');
    assert.equal(bad?.vars?.diagnosis, 'auth-bad-credentials');
    assert.match(bad!.evidence[0]!, /^deferred: SASL authentication failed.*535-5\.7\.8/);
    const [app] = found('apppw.test');
    assert.equal(app?.vars?.diagnosis, 'auth-app-password-required');
    const both = found('badcreds.test', 'apppw.test');
    assert.equal(both.length, 1);
    assert.equal(both[0]!.vars?.count, 2);
  });

  it('quota-exceeded: 550 5.4.5 is a bounce', () => {
    const [quota] = found('daily.test');
    assert.equal(quota?.code, 'quota-exceeded');
    assert.match(quota!.evidence[0]!, /^bounced: .*550.5\.4\.5 Daily user sending limit exceeded/);
  });

  it('throttled: 454 4.7.0 Too many login attempts, 421 4.7.0 Try again later', () => {
    assert.deepEqual(
      found('toomany.test').map((p) => p.code),
      ['throttled'],
    );
    assert.deepEqual(
      found('tryagain.test').map((p) => p.code),
      ['throttled'],
    );
  });

  it('mail-deferred: any other failure, with its diagnosis (never silent about waiting or returned mail)', () => {
    const problems = found('nosuchuser.test', 'tempproblem.test');
    assert.deepEqual(
      problems.map((p) => p.code),
      ['mail-deferred'],
    );
    assert.equal(problems[0]!.vars?.diagnosis, 'recipient-rejected');
    assert.equal(problems[0]!.vars?.count, 2);
    assert.equal(problems[0]!.severity, 'warning');
  });
});

describe('doctor names the relay a lookup failed for', () => {
  it('dns-failure on smtp-relay.gmail.com: its fix says that name, not smtp.gmail.com', () => {
    const base = healthy();
    const facts = healthy({
      relay: { ...base.relay!, host: 'smtp-relay.gmail.com', lookupError: 'ENOTFOUND' },
      failures: [
        {
          queueId: 'AAAA111111',
          status: 'deferred',
          reason:
            'Host or domain name not found. Name service error for name=smtp-relay.gmail.com type=A: Host not found, try again',
          diagnosis: 'dns',
        },
      ],
    });
    const dns = findProblems(facts).find((p) => p.code === 'dns-failure');
    assert.equal(dns?.vars?.host, 'smtp-relay.gmail.com');
    assert.match(problemFix(dns!), /getent hosts smtp-relay\.gmail\.com/);
    assert.doesNotMatch(problemFix(dns!), /smtp\.gmail\.com/);
  });
});

describe('doctor rules on the relay lookup and the pre-flight login', () => {
  it('dns-failure: the relay lookup, a deferral, and a chroot without resolver files (fixable by copying them)', () => {
    const [lookup] = dnsFailure(
      healthy({ relay: { host: 'smtp.gmail.com', port: 587, lookupError: 'EAI_AGAIN', addresses: [] } }),
    );
    assert.equal(lookup?.code, 'dns-failure');
    assert.deepEqual(lookup?.evidence, ['smtp.gmail.com: EAI_AGAIN']);
    const [chroot] = dnsFailure(healthy({ chroot: { dir: '/var/spool/postfix', missing: ['/etc/resolv.conf'] } }));
    assert.deepEqual(chroot?.repair?.copy, [{ from: '/etc/resolv.conf', to: '/var/spool/postfix/etc/resolv.conf' }]);
    assert.equal(chroot?.vars?.diagnosis, 'dns-chroot');
    const [deferred] = dnsFailure(
      healthy({
        failures: [
          {
            queueId: 'AB12CD',
            status: 'deferred',
            reason: 'unable to look up host smtp.gmail.com: Device or resource busy',
            diagnosis: 'dns-chroot',
          },
        ],
      }),
    );
    assert.equal(deferred?.code, 'dns-failure');
    assert.equal(deferred?.fixable, false);
    assert.deepEqual(dnsFailure(healthy()), []);
  });

  it('login-refused: only for what the relay says about the credentials', () => {
    const [p] = loginRefused(
      healthy({
        login: {
          ok: false,
          diagnosis: 'auth-bad-credentials',
          detail: '535-5.7.8 Username and Password not accepted.',
        },
      }),
    );
    assert.equal(p?.code, 'login-refused');
    assert.match(p!.evidence[0]!, /535-5\.7\.8/);
    assert.equal(p?.vars?.host, 'smtp.gmail.com');
    assert.deepEqual(loginRefused(healthy({ login: { ok: false, diagnosis: 'connect-timeout' } })), []);
    assert.deepEqual(loginRefused(healthy({ login: undefined })), []);
  });
});
