#!/usr/bin/env bash
# Builds infra/main.bicep to ARM JSON and lints every infra/*.bicep with the Bicep CLI from NuGet; fails on any error
# or warning (the CLI itself exits 0 on warnings). Usage: scripts/check-infra.sh [OUT_DIR] (default: a temporary folder).
# Prints the compiled template's path on its last line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(repo_root)"

out=${1:-$(mktemp -d)}
mkdir -p "$out"
diagnostics="$out/bicep-diagnostics.txt"
: > "$diagnostics"
bicep=$(tools/bicep/bicep.sh --which)
status=0
"$bicep" build infra/main.bicep --outfile "$out/main.json" 2>>"$diagnostics" || status=$?
for file in infra/*.bicep; do
  "$bicep" lint "$file" 2>>"$diagnostics" || status=$?
done
if grep -Eq ': (Warning|Error) ' "$diagnostics" || [ "$status" -ne 0 ]; then
  cat "$diagnostics" >&2
  echo "error: infra/ does not build and lint cleanly (exit $status); see the diagnostics above." >&2
  exit 1
fi
log "infra/ builds and lints without errors or warnings"
echo "$out/main.json"
