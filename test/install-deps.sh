#!/usr/bin/env bash
# Installs the Debian packages the test suite needs. Safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
# Preseed Postfix so no debconf dialog appears: "Local only" is the hardest
# starting point for the wizard (it sets default_transport = error).
debconf-set-selections <<'SEL'
postfix postfix/main_mailer_type select Local only
postfix postfix/mailname string testhost.example
SEL
# strace: the Ansible test holds every chmod back, so a file that is readable for a moment stays so long enough to be seen.
# prometheus-node-exporter: check --textfile's file is scraped by the real one (test/e2e/monitor).
# systemd: systemd-analyze verifies the scheduled check's units (setup --monitor).
need=()
for p in mount man-db postfix postfix-lmdb libsasl2-modules sasl2-bin tmux dbus dbus-x11 gnome-keyring libsecret-tools iproute2 ca-certificates openssl procps strace ansible-core mmdebstrap prometheus-node-exporter systemd; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
