#!/usr/bin/env bash
# Compile-checks src/CartRecovery.Functions against hand-written SDK stubs (docs/functions-compile-check.md).
# Exits non-zero on any compile error or warning (the repo builds with TreatWarningsAsErrors).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec dotnet build FunctionsCompileCheck.csproj --nologo -clp:Summary "$@"
