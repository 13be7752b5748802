#!/usr/bin/env bash
# The whole suite: unit and integration tests (Vitest, real databases), then the app is built
# once and the Playwright end-to-end tests run against it in Debian's Chromium.
# With TEST_POSTGRES_URL=postgresql://… (a role that may create databases), the database tests
# and the Playwright suite run a second time on PostgreSQL, on the same build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing at ${CHROMIUM_PATH:-/usr/bin/chromium}: install Debian's package (sudo apt-get install -y chromium) — see the README." >&2
  exit 1
fi

export NEXT_TELEMETRY_DISABLED=1
node scripts/prisma.mjs generate >/dev/null
node scripts/prisma-schemas.mjs check
npm run --silent questions -- validate

echo "== Vitest: unit and integration (SQLite) =="
# TEST_POSTGRES_URL would send the database tests to PostgreSQL: this first pass is SQLite's.
env -u TEST_POSTGRES_URL npx vitest run

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== Vitest: database tests on PostgreSQL =="
  npm run --silent test:db
else
  echo "== PostgreSQL runs skipped: set TEST_POSTGRES_URL=postgresql://user:password@host/db to run the database and Playwright tests on PostgreSQL too (see the README) =="
fi

echo "== next build =="
npx next build

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== Two app processes on one PostgreSQL =="
  npm run --silent test:multi-process
fi

echo "== Playwright (SQLite) =="
npx playwright test

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== Playwright (PostgreSQL) =="
  E2E_DATABASE_URL="$(node -e 'const u = new URL(process.env.TEST_POSTGRES_URL); u.pathname = "/reachable_e2e"; console.log(u.toString())')" npx playwright test
fi
