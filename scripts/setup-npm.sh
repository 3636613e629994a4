#!/usr/bin/env bash
# Installs the npm packages from the lockfile when node_modules is missing or older than it, and
# makes sure the native keytar module (N-API: the same binary serves Node and Electron) loads.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -L node_modules ]; then
  # A worktree sharing another checkout's packages: `npm ci` would empty that checkout's folder.
  echo "node_modules is a link to $(readlink node_modules): not reinstalling it from here."
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if ! node -e "require('keytar')" 2>/dev/null; then
  echo "Rebuilding keytar for Node $(node --version)"
  npm rebuild keytar
fi
