#!/usr/bin/env bash
# Runs every test Rekindle has: unit tests, integration tests on SQLite and on a real PostgreSQL server,
# the command-line tests and the browser tests in headless Chromium.
#
# It installs what the tests need when it is missing (Debian: chromium, chromium-driver, postgresql),
# starts a throwaway PostgreSQL server on 127.0.0.1, and stops it again at the end.
#
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter Category!=Browser]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/.test-output"
rm -rf "$out/results"
mkdir -p "$out/results" "$out/screenshots"

say() { printf '\n== %s ==\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root (or sudo) to install: $*" >&2; return 1; fi
}

# --- What the tests need ----------------------------------------------------------------------------
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  say "Installing ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }

# --- A throwaway PostgreSQL server --------------------------------------------------------------------
source scripts/throwaway-pg.sh
trap stop_pg EXIT
say "Starting PostgreSQL"
start_throwaway_pg -c fsync=off
say "PostgreSQL is on 127.0.0.1:$pg_port"
export REKINDLE_TEST_POSTGRES="$PG_SERVER"
export REKINDLE_TEST_OUTPUT="$out"

# --- Build once, then every test project -------------------------------------------------------------
say "Building"
dotnet build Rekindle.slnx -c Debug -nologo -v quiet

say "Running tests"
status=0
dotnet test Rekindle.slnx --no-build -nologo --logger "trx" --results-directory "$out/results" "$@" || status=$?

# --- One line a human (and CI) can read ----------------------------------------------------------------
passed=0; failed=0; skipped=0
for trx in "$out"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
if [ -d "$out/screenshots" ] && [ -n "$(ls -A "$out/screenshots" 2>/dev/null)" ]; then
  echo "Screenshots: $out/screenshots"
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
exit "$status"
