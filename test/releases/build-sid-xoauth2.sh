#!/usr/bin/env bash
# Builds (once, then reuses) a Debian sid chroot with Postfix ("Local only") and the real
# sasl-xoauth2 Cyrus SASL plugin from experimental — the only Debian suite that has it —
# pinned so that nothing else comes from experimental:
#   bash test/releases/build-sid-xoauth2.sh [DIR]     (default /work/chroots/sid-xoauth2)
# prints the chroot's path. Check-Valid-Until is off so that a cached snapshot keeps working.
set -euo pipefail
dir=${1:-/work/chroots/sid-xoauth2}
if [ -f "$dir/.pgw-ready" ]; then echo "$dir"; exit 0; fi
command -v mmdebstrap >/dev/null || { echo "mmdebstrap is not installed (apt-get install mmdebstrap)" >&2; exit 1; }
rm -rf "$dir" "$dir.partial"
mkdir -p "$(dirname "$dir")"
pin='Package: *\nPin: release a=experimental\nPin-Priority: 1\n\nPackage: sasl-xoauth2\nPin: release a=experimental\nPin-Priority: 500\n'
mmdebstrap --quiet --variant=minbase --skip=cleanup/apt/lists \
  --aptopt='Acquire::Check-Valid-Until "false"' \
  --include=postfix,libsasl2-modules,ca-certificates,procps \
  --essential-hook="printf '%s\\n' 'postfix postfix/main_mailer_type select Local only' 'postfix postfix/mailname string sid.test' | chroot \"\$1\" debconf-set-selections" \
  --customize-hook="printf '$pin' > \"\$1/etc/apt/preferences.d/sasl-xoauth2\"" \
  --customize-hook='chroot "$1" apt-get install -y --no-install-recommends sasl-xoauth2' \
  sid "$dir.partial" \
  'deb http://deb.debian.org/debian sid main' \
  'deb http://deb.debian.org/debian experimental main' >&2
mv "$dir.partial" "$dir"
touch "$dir/.pgw-ready"
echo "$dir"
