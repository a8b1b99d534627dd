// A private instance must not take its names from the machine it runs on: Postfix derives
// myhostname from gethostname(), mydomain from myhostname, and Debian's main.cf reads myorigin from
// /etc/mailname. A bounce to root@<mailname> is delivered locally only while that name is in
// mydestination, and the wizard shows root@<myorigin> on its screens, so a machine with another
// mailname or host name (a longer one wraps a screen line differently) would fail tests that pass
// here. Every name the tests rely on is therefore set in the instance's own main.cf, unless the
// test's main.cf sets it itself to something that is not the machine's.

/** The names install-deps.sh gives the CI machine, which the fixtures and tests expect. */
export const instanceNames = {
  myhostname: 'vm',
  mydomain: 'localdomain',
  mailname: 'testhost.example',
  mydestination: 'testhost.example, $myhostname, vm, localhost.localdomain, localhost',
} as const;

/**
 * `postconf -e` arguments that pin myhostname, mydomain, myorigin and mydestination, given the
 * instance's `postconf -n` and a file for its own mailname (Debian's form: myorigin names a file).
 */
export function namePins(postconfN: string, mailnameFile: string): string[] {
  const set = new Map(
    postconfN
      .split('\n')
      .map((line) => /^(\w+) = (.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const pins: string[] = [];
  if (!set.has('myhostname')) pins.push(`myhostname=${instanceNames.myhostname}`);
  if (!set.has('mydomain')) pins.push(`mydomain=${instanceNames.mydomain}`);
  const origin = set.get('myorigin');
  // A literal name or $myhostname (pinned above) stays; a path (Debian's /etc/mailname) is the machine's file.
  if (origin === undefined || origin.startsWith('/')) pins.push(`myorigin=${mailnameFile}`);
  if (!set.has('mydestination')) pins.push(`mydestination=${instanceNames.mydestination}`);
  return pins;
}
