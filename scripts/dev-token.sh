#!/usr/bin/env bash
# Prints a development session token for the merchant API (valid one minute, like App Bridge's), for curl:
#   curl -H "Authorization: Bearer $(scripts/dev-token.sh)" http://127.0.0.1:7071/api/stores/example-shop.myshopify.com/sequences
# It asks the running server's development login (POST /api/app/dev-session), which exists only when the server runs in
# the Development environment (scripts/run.sh does) for the shop in Dashboard__DevShop (scripts/run.sh: example-shop.myshopify.com).
# The server is $CARTRECOVERY_URL, else http://127.0.0.1:7071.
set -euo pipefail
url=${CARTRECOVERY_URL:-http://127.0.0.1:7071}
body=$(curl -sS -X POST "$url/api/app/dev-session" -w '\n%{http_code}') || { echo "error: no server at $url (start scripts/run.sh)" >&2; exit 1; }
status=${body##*$'\n'}
body=${body%$'\n'*}
if [ "$status" != 200 ]; then
  echo "error: the development login answered $status: $body" >&2
  exit 1
fi
printf '%s' "$body" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))'
