// Where the local smtpd listens, read from master.cf (`postconf -M`), so the
// test message goes in the way mail from this machine's programs would.

export interface Listener {
  host: string;
  port: number;
}

const wellKnownPorts: Record<string, number> = { smtp: 25, submission: 587, smtps: 465, submissions: 465 };

/** The plain SMTP listeners (no wrapper-mode TLS) of `postconf -M` output, port 25 first. */
export function smtpListeners(postconfM: string, inetInterfaces: string): Listener[] {
  const listeners: Listener[] = [];
  // `postconf -M` prints one service per line, `-o` options on the same line.
  for (const line of postconfM.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const [service, type, , , , , , command, ...args] = fields;
    if (!service || type !== 'inet' || command !== 'smtpd') continue;
    if (args.some((a) => /smtpd_tls_wrappermode=yes/.test(a))) continue;
    const endpoint = parseServiceName(service, inetInterfaces);
    if (endpoint) listeners.push(endpoint);
  }
  return listeners.sort((a, b) => rank(a) - rank(b));
}

function rank(listener: Listener): number {
  return listener.port === 25 ? 0 : listener.port === 587 ? 2 : 1;
}

function parseServiceName(service: string, inetInterfaces: string): Listener | undefined {
  const colon = service.lastIndexOf(':');
  const hostPart = colon >= 0 ? service.slice(0, colon).replace(/^\[|\]$/g, '') : '';
  const portPart = colon >= 0 ? service.slice(colon + 1) : service;
  const port = /^\d+$/.test(portPart) ? Number(portPart) : wellKnownPorts[portPart];
  if (port === undefined) return undefined;
  return { host: hostPart || hostForInterfaces(inetInterfaces), port };
}

function hostForInterfaces(inetInterfaces: string): string {
  const first = inetInterfaces.split(/[\s,]+/).find(Boolean) ?? 'all';
  return ['all', 'loopback-only', 'localhost'].includes(first) ? '127.0.0.1' : first;
}
