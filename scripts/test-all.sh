#!/usr/bin/env bash
# The whole suite: unit and integration tests (Vitest, real SQLite), then the app is built
# and the Playwright end-to-end tests run against it in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing at ${CHROMIUM_PATH:-/usr/bin/chromium}: install Debian's package (sudo apt-get install -y chromium) — see the README." >&2
  exit 1
fi

export NEXT_TELEMETRY_DISABLED=1
node scripts/prisma.mjs generate >/dev/null
echo "== Vitest: unit and integration =="
npx vitest run
echo "== next build =="
npx next build
echo "== Playwright =="
npx playwright test
