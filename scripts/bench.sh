#!/usr/bin/env bash
# `npm run bench`: the SMTP benchmark against a real local Postfix behind a delay proxy
# (bench/smtp.ts, needs root like the interop tests), then the renderer benchmark when present.
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI contender runs the built binary: build it fresh.
node scripts/build-cli.mjs

echo "== SMTP benchmark"
npx tsx bench/smtp.ts

if [ -f bench/renderer.ts ]; then
  echo "== renderer benchmark"
  npx tsx bench/renderer.ts
fi
