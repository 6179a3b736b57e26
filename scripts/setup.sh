#!/usr/bin/env bash
# Sets up a fresh machine (Node >= 20.19 and npm, nothing else) for this repo:
#   1. the exact pnpm pinned in package.json#packageManager (npm install -g; corepack fails on registries
#      without npm signatures, and pnpm refuses to run under a different pin),
#   2. dependencies from the lockfile,
#   3. Debian's chromium for the browser tests (playwright-core drives it; no browser is ever downloaded).
# Idempotent: a second run only checks. SKIP_BROWSER=1 skips step 3.
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

if [ "${SKIP_BROWSER:-0}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
  echo "--- installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
fi
