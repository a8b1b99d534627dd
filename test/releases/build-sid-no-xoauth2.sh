#!/usr/bin/env bash
# Derives (once, then reuses) a sid chroot WITHOUT the sasl-xoauth2 plugin from the one that has it
# (build-sid-xoauth2.sh): a copy with the package purged, its pin removed and experimental taken out of
# apt's sources and lists, so that `setup --auth oauth --install` has to add them itself:
#   bash test/releases/build-sid-no-xoauth2.sh FROM [DIR]     (default /work/chroots/xinstall-sid)
# prints the chroot's path.
set -euo pipefail
from=$1
dir=${2:-/work/chroots/xinstall-sid}
if [ -f "$dir/.pgw-no-xoauth2" ]; then echo "$dir"; exit 0; fi
rm -rf "$dir"
cp -a "$from" "$dir"
if chroot "$dir" dpkg-query -W sasl-xoauth2 >/dev/null 2>&1; then
  chroot "$dir" apt-get purge -y sasl-xoauth2 >&2
fi
rm -f "$dir/etc/apt/preferences.d/sasl-xoauth2" "$dir"/var/lib/apt/lists/*experimental*
sed -i '/experimental/d' "$dir/etc/apt/sources.list"
rm -f "$dir"/etc/apt/sources.list.d/*experimental*
touch "$dir/.pgw-no-xoauth2"
echo "$dir"
