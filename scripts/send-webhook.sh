#!/usr/bin/env bash
# Sends a Shopify webhook to a running CartRecovery, signed the way Shopify signs it (HMAC-SHA256 of the raw body).
#   scripts/send-webhook.sh [--fresh] TOPIC FILE [SHOP]
#   scripts/send-webhook.sh --fresh checkouts/create tests/CartRecovery.Testing/Fixtures/Shopify/checkouts_create.json
# --fresh stamps every created_at/updated_at in the payload with the current time (the fixtures are dated, and a cart
# idle for longer than the recovery's expiry is not recovered).
# The secret is $Shopify__ApiSecrets__0, else the development secret scripts/run.sh generated in .data/shopify-secret;
# the server is $CARTRECOVERY_URL, else http://127.0.0.1:7071.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fresh=false
[ "${1:-}" = --fresh ] && { fresh=true; shift; }
if [ $# -lt 2 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
topic=$1 file=$2 shop=${3:-example-shop.myshopify.com}
if $fresh; then
  now=$(date -u +%Y-%m-%dT%H:%M:%S+00:00)
  stamped=$(mktemp); trap 'rm -f "$stamped"' EXIT
  sed -E "s/\"(created_at|updated_at)\": *\"[^\"]*\"/\"\1\": \"$now\"/g" "$file" > "$stamped"
  file=$stamped
fi
secret=${Shopify__ApiSecrets__0:-$(cat .data/shopify-secret 2>/dev/null || true)}
[ -n "$secret" ] || { echo "error: no secret: set Shopify__ApiSecrets__0 or start scripts/run.sh once" >&2; exit 1; }
url=${CARTRECOVERY_URL:-http://127.0.0.1:7071}

hmac=$(openssl dgst -sha256 -hmac "$secret" -binary < "$file" | base64)
curl -sS -o /dev/stderr -w '%{http_code}\n' -X POST "$url/api/webhooks/shopify" \
  -H 'Content-Type: application/json' \
  -H "X-Shopify-Topic: $topic" \
  -H "X-Shopify-Shop-Domain: $shop" \
  -H "X-Shopify-Hmac-Sha256: $hmac" \
  -H "X-Shopify-Webhook-Id: $(cat /proc/sys/kernel/random/uuid)" \
  -H "X-Shopify-Event-Id: $(cat /proc/sys/kernel/random/uuid)" \
  -H "X-Shopify-Triggered-At: $(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)" \
  -H 'X-Shopify-API-Version: 2026-07' \
  --data-binary "@$file"
