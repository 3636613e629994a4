#!/usr/bin/env bash
# Sets up and runs the whole test suite on a fresh Debian machine:
# system packages, npm packages, lint, typecheck + build, then every test against real servers,
# a real keychain and a real browser. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh
bash scripts/setup-npm.sh

echo "== lint"
npm run --silent lint
npm run --silent format:check
echo "== typecheck and build"
npm run --silent build

echo "== tests"
mkdir -p .tmp
status=0
bash scripts/with-keyring.sh node_modules/.bin/vitest run \
  --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
node scripts/print-test-summary.mjs .tmp/vitest.json "$status" || status=1
exit $status
