// The doctor's rules, in the order their problems are shown: what stops everything first.
import { maskInlineSecretsInText } from '../inline-secrets.js';
import {
  deferredAuth,
  dnsFailure,
  loginRefused,
  mailDeferred,
  oauthCaUnreadable,
  oauthConsentRevoked,
  quotaExceeded,
  throttled,
} from './delivery.js';
import { dataDirOwner, mapNotCompiled, passwordFileReadable } from './files.js';
import { ipv6Unreachable, relayUnreachable } from './network.js';
import { dailyLimit } from './limits.js';
import {
  obsoleteSettings,
  openRelay,
  postfixNotRunning,
  relayBypassed,
  saslPluginsMissing,
  tlsUnverified,
  wrappermodeMismatch,
} from './settings.js';
import { relayTakenOut } from './relay-taken-out.js';
import { dpkgInterrupted } from './dpkg-interrupted.js';
import { oauthChrootCaStale, oauthConsentEnding, oauthPluginMissing, oauthTokenUnwritable } from './oauth.js';
import { oauthPluginUnheard } from './oauth-log.js';
import { mapTypeUnsupported, postfixWithoutSasl, postfixWithoutTls } from './build.js';
import type { DoctorFacts, Problem } from './types.js';

const RULES: readonly ((facts: DoctorFacts) => Problem[])[] = [
  dpkgInterrupted,
  dataDirOwner,
  postfixNotRunning,
  postfixWithoutSasl,
  postfixWithoutTls,
  mapTypeUnsupported,
  (f) => passwordFileReadable(f.maps),
  (f) => mapNotCompiled(f.maps),
  obsoleteSettings,
  tlsUnverified,
  wrappermodeMismatch,
  saslPluginsMissing,
  oauthPluginMissing,
  oauthChrootCaStale,
  oauthTokenUnwritable,
  relayTakenOut,
  relayBypassed,
  openRelay,
  dnsFailure,
  relayUnreachable,
  ipv6Unreachable,
  loginRefused,
  deferredAuth,
  oauthConsentRevoked,
  oauthCaUnreadable,
  oauthPluginUnheard,
  oauthConsentEnding,
  quotaExceeded,
  dailyLimit,
  throttled,
  mailDeferred,
];

export function findProblems(facts: DoctorFacts): Problem[] {
  // Evidence quotes main.cf: a password written there inline (static:user:pw) is masked in every report.
  return RULES.flatMap((rule) => rule(facts)).map((p) => ({ ...p, evidence: p.evidence.map(maskInlineSecretsInText) }));
}
