#!/usr/bin/env bash
# Runs the end-to-end files that involve the machine's names again, on a machine whose names
# differ from what install-deps.sh preseeds: another host name (a private UTS namespace) and
# another /etc/mailname (bind-mounted in a private mount namespace). The machine's own names are
# untouched. A private Postfix instance must set every name it relies on
# (test/support/instance-names.ts), and a screen must not depend on the names' length.
# Usage (root): bash test/other-names.sh [test/run.js filters...]; .ci/run calls it after npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
host=ci-runner-0042.build-farm.example.internal
mailname=ci.localdomain
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(e2e/doctor/gmail-replies e2e/terminal/tui e2e/setup/relay e2e/harness)
if [ ! -e /etc/mailname ]; then
  echo 'test/other-names.sh: /etc/mailname is missing (run bash test/install-deps.sh first)' >&2
  exit 1
fi
other=$(mktemp /tmp/pgw-mailname-XXXXXX)
trap 'rm -f "$other"' EXIT
printf '%s\n' "$mailname" >"$other"
chmod 644 "$other"
echo "== again with host name $host and mailname $mailname: ${files[*]}"
unshare --uts --mount --propagation private bash -euc '
  hostname "$1"; mount --bind "$2" /etc/mailname; shift 2
  exec node test/run.js "$@"' other-names "$host" "$other" "${files[@]}"
