// main.cf and master.cf: what the settings themselves get wrong, read from their effective values.
import { legacySettings } from '../legacy-settings.js';
import { verifiesPeer } from '../tls-policy.js';
import type { DoctorFacts, Problem } from './types.js';

const yes = (value: string | undefined) => /^(yes|true|1)$/i.test((value ?? '').trim());

export function postfixNotRunning(facts: Pick<DoctorFacts, 'running'>): Problem[] {
  return facts.running
    ? []
    : [
        {
          code: 'postfix-not-running',
          severity: 'error',
          evidence: ['postfix status: not running'],
          fixable: true,
          repair: { start: true },
        },
      ];
}

export function obsoleteSettings(facts: Pick<DoctorFacts, 'explicit'>): Problem[] {
  const found = legacySettings(facts.explicit);
  if (found.length === 0) return [];
  const settings: Record<string, string> = {};
  const removeSettings: string[] = [];
  for (const legacy of found) {
    for (const [name, value] of Object.entries(legacy.replacement)) {
      if (value === undefined) removeSettings.push(name);
      else settings[name] = value;
    }
  }
  return [
    {
      code: 'obsolete-settings',
      severity: 'warning',
      evidence: found.map((l) => `main.cf: ${l.name} = ${l.value} (${l.why})`),
      fixable: true,
      repair: { settings, removeSettings: [...new Set(removeSettings)] },
      vars: { names: found.map((l) => l.name).join(', ') },
    },
  ];
}

/** Below verify, smtp(8) hands the password to whoever answers on the relay's address. */
export function tlsUnverified(facts: Pick<DoctorFacts, 'tls' | 'settings' | 'caBundle'>): Problem[] {
  const tls = facts.tls;
  if (!tls || !(facts.settings.relayhost ?? '').trim() || verifiesPeer(tls.level)) return [];
  const where = tls.source === 'main.cf' ? 'main.cf' : `${tls.source} ${tls.where ?? ''}`.trim();
  const settings: Record<string, string> = { smtp_tls_security_level: 'secure' };
  // A CApath naming a file counts: obsolete-settings moves it to smtp_tls_CAfile in the same plan.
  const hasAnchors = Boolean(
    (facts.settings.smtp_tls_CAfile ?? '').trim() || (facts.settings.smtp_tls_CApath ?? '').trim(),
  );
  if (!hasAnchors && facts.caBundle) settings.smtp_tls_CAfile = facts.caBundle;
  return [
    {
      code: 'tls-unverified',
      severity: 'error',
      evidence: [`${where}: TLS level ${tls.level || 'none'} toward ${facts.settings.relayhost}`],
      fixable: true,
      repair: { settings, tlsSecure: true },
      vars: { level: tls.level || 'none', where },
    },
  ];
}

/** Port 465 speaks TLS from the first byte (wrapper mode); 587 and 25 start plain, then STARTTLS. */
export function wrappermodeMismatch(facts: Pick<DoctorFacts, 'settings' | 'relay'>): Problem[] {
  const relay = facts.relay;
  if (!relay) return [];
  const wrapper = yes(facts.settings.smtp_tls_wrappermode);
  const speaksTls = relay.implicitTls ?? relay.port === 465;
  if (wrapper === speaksTls) return [];
  const want = speaksTls ? 'yes' : 'no';
  return [
    {
      code: 'wrappermode-mismatch',
      severity: 'error',
      evidence: [
        `smtp_tls_wrappermode = ${facts.settings.smtp_tls_wrappermode ?? 'no'}, relayhost = ${facts.settings.relayhost}`,
      ],
      fixable: true,
      repair: {
        settings: {
          smtp_tls_wrappermode: want,
          ...(want === 'yes' && !verifiesPeer(facts.settings.smtp_tls_security_level)
            ? { smtp_tls_security_level: 'secure' }
            : {}),
        },
      },
      vars: { port: relay.port, want },
    },
  ];
}

/** Gmail offers only PLAIN and LOGIN (inside TLS): without those Cyrus plugins, "no mechanism available". */
export function saslPluginsMissing(
  facts: Pick<DoctorFacts, 'settings' | 'saslClientTypes' | 'saslPlugins' | 'tls' | 'failures'>,
): Problem[] {
  if (!yes(facts.settings.smtp_sasl_auth_enable)) return [];
  const evidence: string[] = [];
  const cyrus = (facts.settings.smtp_sasl_type ?? 'cyrus') === 'cyrus';
  if (cyrus && !facts.saslPlugins.plain && !facts.saslPlugins.login)
    evidence.push('Cyrus SASL: no libplain.so / liblogin.so');
  if (
    facts.tls &&
    ['none', ''].includes(facts.tls.level) &&
    /noplaintext/.test(facts.settings.smtp_sasl_security_options ?? 'noplaintext')
  ) {
    evidence.push(`smtp_sasl_security_options = ${facts.settings.smtp_sasl_security_options ?? ''} without TLS`);
  }
  for (const f of facts.failures) if (f.diagnosis === 'sasl-no-mechanism') evidence.push(`${f.queueId}: ${f.reason}`);
  if (evidence.length === 0) return [];
  return [
    { code: 'sasl-plugins-missing', severity: 'error', evidence: [...new Set(evidence)].slice(0, 5), fixable: false },
  ];
}

/** Mail that leaves by another way than the relay: Gmail never sees it, or receivers reject it (DMARC). */
export function relayBypassed(facts: Pick<DoctorFacts, 'settings' | 'explicit'>): Problem[] {
  const s = facts.settings;
  const evidence: string[] = [];
  const settings: Record<string, string> = {};
  for (const name of ['transport_maps', 'sender_dependent_default_transport_maps'] as const) {
    if ((facts.explicit[name] ?? '').trim()) evidence.push(`main.cf: ${name} = ${facts.explicit[name]}`);
  }
  if ((facts.explicit.sender_dependent_relayhost_maps ?? '').trim() && !yes(s.smtp_sender_dependent_authentication)) {
    evidence.push(
      `main.cf: sender_dependent_relayhost_maps = ${facts.explicit.sender_dependent_relayhost_maps} (smtp_sender_dependent_authentication = no)`,
    );
  }
  for (const [name, fallback] of [
    ['default_transport', 'smtp'],
    ['relay_transport', 'relay'],
  ] as const) {
    if (/^error(:|$)/.test((s[name] ?? '').trim())) {
      evidence.push(`main.cf: ${name} = ${s[name]}`);
      settings[name] = fallback;
    }
  }
  if (!(s.relayhost ?? '').trim() && evidence.length === 0) evidence.push('main.cf: relayhost is empty');
  if (evidence.length === 0) return [];
  // Only the error transport has one right answer; a table may be there on purpose.
  const onlyErrorTransport = Object.keys(settings).length === evidence.length;
  return [
    {
      code: 'relay-bypassed',
      severity: 'warning',
      evidence,
      fixable: onlyErrorTransport,
      ...(onlyErrorTransport ? { repair: { settings } } : {}),
    },
  ];
}

export function openRelay(facts: Pick<DoctorFacts, 'openNetworks'>): Problem[] {
  if (facts.openNetworks.length === 0) return [];
  return [
    {
      code: 'open-relay',
      severity: 'warning',
      evidence: [`mynetworks: ${facts.openNetworks.join(', ')}`],
      fixable: false,
      vars: { networks: facts.openNetworks.join(', ') },
    },
  ];
}
