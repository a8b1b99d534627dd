#!/usr/bin/env bash
# Builds (once, then reuses) a minimal Debian chroot of RELEASE with Postfix
# installed as "Local only", from Debian's archive, with mmdebstrap:
#   bash test/releases/build-chroot.sh bullseye [CACHE_DIR]
# prints the chroot's path. The chroot is a pristine template: tests copy it
# and never change it. apt's lists are kept so that `--install` runs work.
set -euo pipefail
release=$1
cache=${2:-/var/cache/postfix-gmail-wizard-tests}
dir=$cache/$release
if [ -f "$dir/.pgw-ready" ]; then echo "$dir"; exit 0; fi
command -v mmdebstrap >/dev/null || { echo "mmdebstrap is not installed (apt-get install mmdebstrap)" >&2; exit 1; }
rm -rf "$dir" "$dir.partial"
mkdir -p "$cache"
# mmdebstrap mounts /proc and /dev for the package scripts (Postfix's
# postinst probes the network protocols) and keeps daemons from starting.
mmdebstrap --quiet --variant=minbase --skip=cleanup/apt/lists \
  --include=postfix,libsasl2-modules,ca-certificates,procps \
  --essential-hook="printf '%s\\n' 'postfix postfix/main_mailer_type select Local only' 'postfix postfix/mailname string $release.test' | chroot \"\$1\" debconf-set-selections" \
  "$release" "$dir.partial" >&2
mv "$dir.partial" "$dir"
touch "$dir/.pgw-ready"
echo "$dir"
