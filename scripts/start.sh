#!/usr/bin/env bash
# The main job, from a fresh clone: set everything up, build, then serve
#   - the auditor site (apps/docs, static export)       http://127.0.0.1:4000
#   - the same site on a second origin (a refused one)  http://127.0.0.1:4010
#   - the four example services, one policy each from @org/cors-policies, development overlay:
#       Express http://127.0.0.1:4101  Koa http://127.0.0.1:4102  NestJS http://127.0.0.1:4103  Next.js http://127.0.0.1:4104
#   - the tenant-domains service (apps/example-tenants: origins from a SQLite table in a temporary
#     directory, admin API on for the live page)                                          http://127.0.0.1:4105
# and print the URLs. Ctrl-C stops everything. START_ONCE=1 starts, checks every URL answers, and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 bash scripts/setup.sh
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

echo "--- building packages, example services and the auditor site"
pnpm exec turbo run build --filter=@org/docs... --filter='./apps/example-*...'

pids=()
# Each service runs in its own process group (setsid), so stopping it ends pnpm and the server it started.
# The tenant service's SQLite file lives for one run: every start begins with no tenant domains.
tenant_data=$(mktemp -d "${TMPDIR:-/tmp}/cors-demo-tenants.XXXXXX")
cleanup() { for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done; rm -rf "$tenant_data"; }
trap cleanup EXIT INT TERM

start() { # name dir port [VAR=value …]
  local name=$1 dir=$2 port=$3
  shift 3
  (cd "$dir" && exec env PORT="$port" HOST=127.0.0.1 APP_ENV=development CORS_ALLOW_DEVELOPMENT_ONLY_IN_PRODUCTION=true "$@" setsid pnpm run --silent start >"/tmp/cors-demo-$name.log" 2>&1) &
  pids+=($!)
}
start docs apps/docs 4000
start docs-refused apps/docs 4010
start express apps/example-express 4101
start koa apps/example-koa 4102
start nest apps/example-nest 4103
start next apps/example-next 4104
# Its admin API (loopback only) lets the live page on 4000 and 4010 add its own origin as a tenant domain.
start tenants apps/example-tenants 4105 TENANT_ADMIN=1 TENANT_DB_FILE="$tenant_data/tenants.db" \
  TENANT_ADMIN_ORIGINS=http://127.0.0.1:4000,http://127.0.0.1:4010

wait_for() { # url
  for _ in $(seq 1 120); do
    if node -e "fetch(process.argv[1]).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))" "$1"; then return 0; fi
    sleep 0.5
  done
  echo "!!! $1 did not come up; see /tmp/cors-demo-*.log" >&2; return 1
}
for url in http://127.0.0.1:4000/ http://127.0.0.1:4010/ http://127.0.0.1:4101/public/status http://127.0.0.1:4102/public/status \
           http://127.0.0.1:4103/public/status http://127.0.0.1:4104/public/status http://127.0.0.1:4105/public/status; do
  wait_for "$url"
done

cat <<'MSG'

  Auditor site          http://127.0.0.1:4000/
  Live browser check    http://127.0.0.1:4000/live/   (allowed origin: the development overlay lists it)
  Same page, refused    http://127.0.0.1:4010/live/   (an origin the policy does not list)
  Example services      express http://127.0.0.1:4101  koa http://127.0.0.1:4102
                        nest    http://127.0.0.1:4103  next http://127.0.0.1:4104
  Tenant domains        http://127.0.0.1:4105/api/products   (origins from a SQLite table; the live page's
                        "Tenant domains" section adds its own origin and times how long until it is callable)
  Logs                  /tmp/cors-demo-*.log           Stop with Ctrl-C.

MSG
if [ "${START_ONCE:-0}" = 1 ]; then exit 0; fi
wait
