#!/usr/bin/env bash
# Installs the Debian packages the app's build and tests need, when they are missing.
# Runs apt-get only as root (as CI does); otherwise it names what is missing and stops.
set -euo pipefail

# command or file that proves the package is there -> Debian package
declare -A NEED=(
  [/usr/sbin/postfix]=postfix                 # real MTA for interop tests and the benchmark
  [/usr/sbin/dovecot]=dovecot-core            # SASL for Postfix submission
  [/usr/lib/dovecot/imap]=dovecot-imapd       # real IMAP peer for the receiving checks
  [/usr/lib/dovecot/pop3]=dovecot-pop3d       # real POP3 peer for the receiving checks
  [/usr/bin/swaks]=swaks                      # the classic SMTP tester, a benchmark peer
  [/usr/share/perl5/IO/Socket/SSL.pm]=libio-socket-ssl-perl  # swaks' TLS (only recommended by swaks)
  [/usr/bin/chromium]=chromium                # end-to-end tests of the renderer
  [/usr/include/libsecret-1/libsecret/secret.h]=libsecret-1-dev  # keytar builds from source
  [/usr/bin/secret-tool]=libsecret-tools      # to inspect the keychain by hand
  [/usr/bin/gnome-keyring-daemon]=gnome-keyring  # a real Secret Service for keychain tests
  [/usr/bin/dbus-run-session]=dbus            # private session bus for the keyring
  [/usr/bin/openssl]=openssl                  # test CA and certificates
  [/usr/bin/fc-list]=fontconfig               # fonts for screenshots
  [/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf]=fonts-dejavu-core
)

missing=()
for probe in "${!NEED[@]}"; do
  [ -e "$probe" ] || missing+=("${NEED[$probe]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
# Postfix asks how to configure itself; the tests bring their own configuration.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
