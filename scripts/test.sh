#!/usr/bin/env bash
# From a fresh clone: set everything up, then run every test (`pnpm test`: typecheck, build, unit,
# conformance over real HTTP servers, package lint, and the headless-Chromium browser suites).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"
pnpm test
