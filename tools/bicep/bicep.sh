#!/usr/bin/env bash
# Runs the Bicep CLI that NuGet brings (Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props) with the
# given arguments, e.g. `tools/bicep/bicep.sh build infra/main.bicep --stdout`; `tools/bicep/bicep.sh --which` prints
# the binary's path instead (restoring costs seconds: callers running it often resolve it once).
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/BicepCli.csproj"
dotnet restore "$project" --nologo -v q >&2
bicep=$(dotnet msbuild "$project" -nologo -getProperty:BicepPath)
bicep=${bicep//\\//} # the package's props write the path with Windows separators
if [ ! -f "$bicep" ]; then
  echo "The Bicep CLI was not found at '$bicep' after restoring $project." >&2
  exit 1
fi
[ -x "$bicep" ] || chmod u+x "$bicep"
if [ "${1:-}" = --which ]; then
  echo "$bicep"
  exit 0
fi
exec "$bicep" "$@"
