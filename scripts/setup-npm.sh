#!/usr/bin/env bash
# Installs the npm packages from the lockfile when node_modules is missing or older than it, and
# makes sure the native keytar module loads in this Node (`npm start` rebuilds it for Electron's ABI).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if ! node -e "require('keytar')" 2>/dev/null; then
  echo "Rebuilding keytar for Node $(node --version)"
  npm rebuild keytar
fi
