#!/usr/bin/env bash
# Sets up and runs the app: system packages, npm packages, a build, keytar rebuilt for Electron's
# Node ABI, then the built app in Electron.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
bash scripts/setup-npm.sh
npm run --silent build

# keytar is a native module: Electron embeds its own Node (ABI), so the copy the app loads must be
# built against Electron's headers. This fetches those headers from Electron's site, as does the
# first launch of Electron 45+, which downloads its binary: both need that network access.
if ! npx --no-install electron-builder install-app-deps; then
  echo "Could not rebuild keytar for Electron (no access to Electron's headers?)." >&2
  echo "The CLI works without it: node bin/mailcheck.js smtp --help" >&2
  exit 1
fi
# Node (tests, CLI) needs keytar built for its own ABI again: setup-npm.sh rebuilds it when needed.
exec npx --no-install electron-vite preview
