#!/usr/bin/env bash
# Webhook ingestion load test: starts its own Azurite (in memory) and a Release build of the server on free ports,
# measures Azurite's raw write rates, then drives POST /api/webhooks/shopify at each rate with signed, realistic payloads.
# Usage: bench/webhook-load.sh [--rates 500,1000,2000] [--duration 20] [--shops 50] [any other CartRecovery.LoadTest option]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$(repo_root)"
need dotnet "Install the .NET 10 SDK."
need node "Install Node.js 20 or later."
[ -f node_modules/azurite/dist/src/table/main.js ] || { echo "error: Azurite is not installed: run 'npm ci' first" >&2; exit 1; }

secret="bench-secret-$RANDOM$RANDOM"
azurite_port=$(free_port)
server_port=$(free_port)
log "building (Release)"
dotnet build -c Release -v q --nologo src/CartRecovery.Server >/dev/null
dotnet build -c Release -v q --nologo bench/CartRecovery.LoadTest >/dev/null

log "starting Azurite on 127.0.0.1:$azurite_port"
azurite_pid=$(start_azurite_table "$azurite_port")
server_pid=""
trap 'kill $server_pid $azurite_pid 2>/dev/null || true' EXIT
wait_for_port "$azurite_port" 30
connection=$(azurite_connection_string "$azurite_port")

log "starting the server on 127.0.0.1:$server_port"
Storage__ConnectionString="$connection" Shopify__ApiSecrets__0="$secret" Logging__LogLevel__Default=Warning \
  Webhooks__ProcessingConcurrency="${PROCESSING_CONCURRENCY:-4}" \
  ASPNETCORE_URLS="http://127.0.0.1:$server_port" \
  dotnet src/CartRecovery.Server/bin/Release/net10.0/CartRecovery.Server.dll >/dev/null 2>&1 &
server_pid=$!
wait_for_port "$server_port" 60

dotnet bench/CartRecovery.LoadTest/bin/Release/net10.0/CartRecovery.LoadTest.dll \
  --url "http://127.0.0.1:$server_port/api/webhooks/shopify" --secret "$secret" --azurite "$connection" "$@"
