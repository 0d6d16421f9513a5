#!/usr/bin/env bash
# Runs every test: installs what is missing, starts Azurite on a free port of its own (so it can run beside
# scripts/run.sh), runs the suite, stops what it started, and ends with "N passed, N failed, N skipped".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

need dotnet "Install the .NET 10 SDK."
ensure_node_packages
ensure_chromium

port=$(free_port)
log "starting Azurite (tables) on 127.0.0.1:$port"
azurite_pid=$(start_azurite_table "$port")
trap 'kill "$azurite_pid" 2>/dev/null || true' EXIT
wait_for_port "$port" 30
export CARTRECOVERY_TEST_STORAGE
CARTRECOVERY_TEST_STORAGE=$(azurite_connection_string "$port")

results="TestResults/$(date +%Y%m%d-%H%M%S)-$$"
set +e
log "building and linting infra/ with the Bicep CLI from NuGet (scripts/check-infra.sh)"
bash scripts/check-infra.sh "$results/infra" >/dev/null
infra_check=$?
export CARTRECOVERY_INFRA_ARM="$results/infra/main.json" # the infra tests read this build instead of compiling again
dotnet test CartRecovery.ci.slnf --nologo --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed))) # xunit v3 writes a skipped test as not executed, not as notExecuted
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status although no test failed: a build error or a crashed test host; see above." >&2
fi
if [ "$infra_check" -ne 0 ]; then
  echo "infra/ does not build and lint cleanly; see above." >&2
  [ "$status" -ne 0 ] || status=$infra_check
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
