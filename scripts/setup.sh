#!/usr/bin/env bash
# Sets up a fresh machine (Node >= 20.19 and npm, nothing else) for this repo:
#   1. the exact pnpm pinned in package.json#packageManager (npm install -g; corepack fails on registries
#      without npm signatures, and pnpm refuses to run under a different pin),
#   2. dependencies from the lockfile,
#   3. Debian's chromium for the browser tests (playwright-core drives it; no browser is ever downloaded),
#   4. Debian's postgresql for the PostgreSQL origin-source tests (they start a throwaway server of their
#      own from its binaries in /usr/lib/postgresql/<version>/bin; no system service is used).
# Idempotent: a second run only checks. SKIP_BROWSER=1 skips step 3, SKIP_POSTGRES=1 step 4 (the
# PostgreSQL tests then fail unless the server binaries are there: they are never skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`Node ${process.version} is too old; need >= 20.19`); process.exit(1) }'

PNPM_VERSION="$(node -p "require('./package.json').packageManager.replace(/^pnpm@/,'').split('+')[0]")"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "--- installing pnpm@$PNPM_VERSION"
  SUDO=""; if [ "$(id -u)" -ne 0 ] && [ ! -w "$(npm prefix -g)" ]; then SUDO="sudo"; fi
  $SUDO npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
  hash -r
fi
echo "--- pnpm $(pnpm --version), node $(node --version)"

pnpm install --frozen-lockfile

APT_UPDATED=0
apt_install() {
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if [ "$APT_UPDATED" = 0 ]; then $SUDO apt-get update; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "$@"
}

if [ "${SKIP_BROWSER:-0}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
  echo "--- installing Debian's chromium for the browser tests"
  apt_install chromium
fi

if [ "${SKIP_POSTGRES:-0}" != 1 ] && ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  echo "--- installing Debian's postgresql for the origin-source tests"
  apt_install postgresql
fi
