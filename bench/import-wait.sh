#!/usr/bin/env bash
# How long another person's writes wait while one person imports a large file (issue 23): the Release app on
# SQLite in a temporary folder (or PostgreSQL with --postgres, on a throwaway server), an import of about 24 MB of
# journal entries, and a second person saving check-ins one after another alone and during the import.
# Not a test: a measurement, reported in docs/benchmarks/.
# Usage: bench/import-wait.sh [--postgres] [entries, default 12000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
postgres=
if [ "${1:-}" = "--postgres" ]; then
  shift
  postgres=1
fi
entries="${1:-12000}"
need_tools
publish_app

data=$(mktemp -d /tmp/rekindle-bench.XXXXXX)
base="http://127.0.0.1:$(free_app_port)"
settings=(--Rekindle:DataDirectory="$data")
database=SQLite
if [ -n "$postgres" ]; then
  need_postgres
  source scripts/throwaway-pg.sh
  start_throwaway_pg
  settings+=(--Rekindle:DatabaseProvider=Postgres --ConnectionStrings:Rekindle="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres")
  database=PostgreSQL
  trap 'stop_app; stop_pg; rm -rf "$data"' EXIT
else
  trap 'stop_app; rm -rf "$data"' EXIT
fi
start_app "$data/app.log" "${settings[@]}"
echo "$database, $(nproc) cores, batch of $(grep -o 'BatchSize = [0-9]*' src/Rekindle.Web/Features/Settings/DataTransferHandler.cs | grep -o '[0-9]*') records per transaction"
python3 bench/import-wait.py "$base" "$entries"
