#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret
# Service, what keytar talks to on Linux), under a fresh HOME so that no old keyring with another
# password can hang the run on an unlock prompt. The fresh HOME is removed afterwards.
set -euo pipefail
if [ -z "${MAILCHECK_DBUS_SESSION:-}" ]; then
  export MAILCHECK_DBUS_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi
export MAILCHECK_ORIGINAL_HOME="${MAILCHECK_ORIGINAL_HOME:-$HOME}"
HOME="$(mktemp -d -t mailcheck-home.XXXXXX)"
export HOME
# The private HOME (with its throwaway keyring) goes when the command ends; its exit code is kept.
trap 'rm -rf -- "$HOME" || true' EXIT
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
# --unlock reads the new login keyring's password from stdin and prints the daemon's variables.
eval "$(printf 'mailcheck-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
