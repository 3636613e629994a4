#!/usr/bin/env bash
# Sets up and runs the app: system packages, npm packages, a build, then the built app in Electron.
#
# keytar 7.9 is an N-API module: the copy built for Node loads in Electron's Node too, so nothing is
# rebuilt for Electron. The Electron binary itself is downloaded by Electron's resolver at the first
# launch (scripts/electron-path.mjs): that needs Electron's release downloads or a mirror.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
bash scripts/setup-npm.sh
# Resolve (and download) Electron before the build, so a machine without it is told in seconds.
node scripts/electron-path.mjs >/dev/null
npm run --silent build
exec node scripts/electron-vite.mjs preview --skipBuild
