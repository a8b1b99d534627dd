#!/usr/bin/env bash
# Builds (once, then reuses) the chroot a release's slice of the combination generator runs in
# (npm run combos:releases): a minimal Debian RELEASE with Postfix "Local only", postfix-lmdb (the
# generator tries lmdb maps too), openssl (the test CA) and iproute2, from Debian's archive:
#   bash test/releases/build-combos-chroot.sh RELEASE [CACHE_DIR]     (default /work/chroots)
# prints the chroot's path (CACHE_DIR/combos-RELEASE). sid's Release files expire within days, so
# Check-Valid-Until is off there; a sid chroot with Postfix already built (sid-xoauth2) is copied
# instead of downloading it again.
set -euo pipefail
release=$1
cache=${2:-/work/chroots}
dir=$cache/combos-$release
if [ -f "$dir/.pgw-ready" ]; then echo "$dir"; exit 0; fi
rm -rf "$dir" "$dir.partial"
mkdir -p "$cache"
if [ "$release" = sid ] && [ -f "$cache/sid-xoauth2/.pgw-ready" ] && [ -f "$cache/sid-xoauth2/usr/lib/postfix/postfix-lmdb.so" ]; then
  cp -a "$cache/sid-xoauth2" "$dir.partial"
else
  command -v mmdebstrap >/dev/null || { echo "mmdebstrap is not installed (apt-get install mmdebstrap)" >&2; exit 1; }
  opts=()
  [ "$release" = sid ] && opts+=(--aptopt='Acquire::Check-Valid-Until "false"')
  mmdebstrap --quiet --variant=minbase --skip=cleanup/apt/lists "${opts[@]}" \
    --include=postfix,postfix-lmdb,libsasl2-modules,ca-certificates,openssl,procps,iproute2 \
    --essential-hook="printf '%s\\n' 'postfix postfix/main_mailer_type select Local only' 'postfix postfix/mailname string $release.test' | chroot \"\$1\" debconf-set-selections" \
    "$release" "$dir.partial" >&2
fi
mv "$dir.partial" "$dir"
touch "$dir/.pgw-ready"
echo "$dir"
