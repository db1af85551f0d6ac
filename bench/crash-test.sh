#!/usr/bin/env bash
# Crash test: builds Release, runs the app on a temp data folder, writes over HTTP, kills it with SIGKILL at
# random moments (5 times by default), restarts, and checks every acknowledged write is present and intact.
# SQLite (WAL) always; PostgreSQL too when REKINDLE_TEST_POSTGRES is set (a server connection string).
# Usage: bench/crash-test.sh [kills]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-5}"

dotnet build src/Rekindle.Web -c Release -nologo -v quiet
dotnet build bench/CrashTest -c Release -nologo -v quiet
app=src/Rekindle.Web/bin/Release/net10.0/Rekindle.Web.dll
driver=bench/CrashTest/bin/Release/net10.0/CrashTest.dll

echo "== SQLite =="
dotnet "$driver" "$app" --kills "$kills"

if [[ -n "${REKINDLE_TEST_POSTGRES:-}" ]]; then
  echo "== PostgreSQL =="
  dotnet "$driver" "$app" --kills "$kills" --postgres "$REKINDLE_TEST_POSTGRES"
fi
