#!/usr/bin/env bash
# `npm run bench`: the SMTP benchmark against a real local Postfix behind a delay proxy
# (bench/smtp.ts, needs root like the interop tests), the discovery benchmark (bench/discovery.ts,
# the real mail ports on 127.77.9.x, root too), then the renderer benchmark when present.
# Self-sufficient on a fresh clone: the same setup as `npm test` (Debian and npm packages, both
# steps idempotent), then `npm run build` when a build output the benchmarks use is missing or
# older than the sources it is built from.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
bash scripts/setup-npm.sh

# What the benchmarks run: the CLI bundle (SMTP benchmark) and the built window (renderer benchmark).
OUTPUTS=(out/cli/index.js out/main/index.js out/preload/index.js out/renderer/index.html)
SOURCES=(src resources package.json package-lock.json electron.vite.config.ts scripts/build-cli.mjs)

needs_build() {
  local output oldest
  for output in "${OUTPUTS[@]}"; do
    [ -f "$output" ] || return 0
  done
  oldest=$(ls -1tr "${OUTPUTS[@]}" | head -n 1)
  [ -n "$(find "${SOURCES[@]}" tsconfig*.json -type f -newer "$oldest" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "== build (out/ is missing or older than its sources)"
  npm run --silent build
fi

echo "== SMTP benchmark"
npx tsx bench/smtp.ts

echo "== discovery benchmark"
npx tsx bench/discovery.ts

if [ -f bench/renderer.ts ]; then
  echo "== renderer benchmark"
  npx tsx bench/renderer.ts
fi
