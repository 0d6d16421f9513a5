#!/usr/bin/env bash
# The demo shop: plays synthetic shoppers whose true behaviour is known through the real product, then prints (and writes
# with --out) how the measured figures compare with the truth.
#   scripts/demo.sh [--shoppers N (2000)] [--seed S (1)] [--out FILE] [--url URL] [--secret SECRET] [--maildev URL]
# If no server answers at $CARTRECOVERY_URL (default http://127.0.0.1:7071), it starts scripts/run.sh with
# Recovery__TimeScale=$DEMO_TIME_SCALE (default 3600: an hour per second) and leaves it running afterwards, so the
# dashboard (http://127.0.0.1:7071/api/app) and MailDev (http://127.0.0.1:1080) can be looked at; Ctrl-C stops it.
# A server that is already running must run at the same time scale (and in Development, for the dashboard's login).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
url=${CARTRECOVERY_URL:-http://127.0.0.1:7071}
scale=${DEMO_TIME_SCALE:-3600}
started=""

up() { curl -fsS -o /dev/null "$url/api/health" 2>/dev/null; }

if ! up; then
  mkdir -p .data
  echo "==> no server at $url: starting scripts/run.sh at an hour per $(awk "BEGIN{print 3600/$scale}") s (log: .data/demo-run.log)" >&2
  Recovery__TimeScale=$scale scripts/run.sh > .data/demo-run.log 2>&1 &
  started=$!
  # Whatever ends this script (an error, Ctrl-C) stops the product it started.
  trap 'kill "$started" 2>/dev/null || true; wait "$started" 2>/dev/null || true' EXIT
  # The first run installs the Node packages and builds the server: allow it 15 minutes.
  for _ in $(seq 1 900); do
    up && break
    kill -0 "$started" 2>/dev/null || { echo "error: scripts/run.sh stopped; see .data/demo-run.log" >&2; tail -n 20 .data/demo-run.log >&2; exit 1; }
    sleep 1
  done
  up || { echo "error: the server did not come up in 15 minutes; see .data/demo-run.log" >&2; exit 1; }
else
  echo "==> using the server at $url (it must run at Recovery__TimeScale=$scale)" >&2
fi

secret=${Shopify__ApiSecrets__0:-$(cat .data/shopify-secret 2>/dev/null || true)}
[ -n "$secret" ] || { echo "error: no webhook secret: set Shopify__ApiSecrets__0 or start scripts/run.sh once" >&2; exit 1; }

dotnet build tools/CartRecovery.Demo -c Release --nologo -v quiet -clp:ErrorsOnly >&2
dotnet tools/CartRecovery.Demo/bin/Release/net10.0/CartRecovery.Demo.dll --url "$url" --secret "$secret" --time-scale "$scale" "$@"

if [ -n "$started" ]; then
  echo "==> the product keeps running: dashboard $url/api/app, emails http://127.0.0.1:${MAILDEV_WEB_PORT:-1080}. Ctrl-C stops it." >&2
  wait "$started"
fi
