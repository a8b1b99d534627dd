// Debian's debconf answers for Postfix, kept in step with main.cf. When someone answers
// `dpkg-reconfigure postfix` again (or a package upgrade asks), the postinst writes its answers
// back into main.cf: `relayhost` from postfix/relayhost, `inet_interfaces` and the error transports
// from postfix/main_mailer_type. So the answers must say what main.cf says, as a person answering
// them would: the mailer type that makes the postinst keep these values, and main.cf's relayhost.
// Pure: the flow reads `debconf-show postfix` and writes with `debconf-set-selections`.

/** Postfix's debconf config script: where it exists, the postinst rewrites main.cf from the answers. */
export const postfixDebconfScript = '/var/lib/dpkg/info/postfix.config';

export interface DebconfAnswers {
  mailerType: string;
  relayhost: string;
}

/** `* postfix/relayhost: smtp.gmail.com` lines of `debconf-show postfix`; undefined where a question is missing. */
export function parseDebconfShow(stdout: string): Partial<DebconfAnswers> {
  const answers: Partial<DebconfAnswers> = {};
  for (const line of stdout.split('\n')) {
    const match = /^[* ]\s*postfix\/(main_mailer_type|relayhost):\s?(.*)$/.exec(line);
    if (match?.[1] === 'main_mailer_type') answers.mailerType = (match[2] ?? '').trim();
    if (match?.[1] === 'relayhost') answers.relayhost = (match[2] ?? '').trim();
  }
  return answers;
}

/**
 * The answers under which the postinst leaves main.cf as it is (debian/postfix.postinst): "Local
 * only" writes the error transports, "Satellite system" inet_interfaces = loopback-only,
 * "Internet with smarthost" inet_interfaces = all; both keep a default_transport that is not error.
 */
export function answersFor(settings: Readonly<Record<string, string | undefined>>): DebconfAnswers {
  const relayhost = (settings.relayhost ?? '').trim();
  if (/^error(:|$)/.test((settings.default_transport ?? '').trim())) return { mailerType: 'Local only', relayhost };
  if (!relayhost) return { mailerType: 'Internet Site', relayhost };
  const loopback = (settings.inet_interfaces ?? '').trim() === 'loopback-only';
  return { mailerType: loopback ? 'Satellite system' : 'Internet with smarthost', relayhost };
}

export function answersDiffer(current: Partial<DebconfAnswers>, wanted: DebconfAnswers): boolean {
  return current.mailerType !== wanted.mailerType || (current.relayhost ?? '') !== wanted.relayhost;
}

/** What `debconf-set-selections` reads on standard input. */
export function selectionsFor(answers: DebconfAnswers): string {
  return [
    `postfix postfix/main_mailer_type select ${answers.mailerType}`,
    `postfix postfix/relayhost string ${answers.relayhost}`,
    '',
  ].join('\n');
}
