#!/usr/bin/env bash
# CPU time and memory of one request through the whole app (BenchmarkDotNet, Release, app hosted in-process on
# SQLite): signed-in /health, the dashboard with a week and with three years of data, a check-in and the journal
# API, each as a ratio to the trivial /health measured in the same run, with bytes allocated per request.
# No sockets and no load generator, so the figures are much steadier than bench/load.sh's on a shared machine.
# Usage: bench/requests.sh [--postgres] [--job short|medium|long] ; results also land in bench/results/.
# --postgres runs the same requests on a throwaway PostgreSQL server on this machine (Debian's postgresql package);
# extra Npgsql settings for that run can be given in REKINDLE_BENCH_PG_SETTINGS (for example "Max Auto Prepare=0").
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
if [ "${1:-}" = "--postgres" ]; then
  shift
  need_postgres
  source scripts/throwaway-pg.sh
  trap stop_pg EXIT
  start_throwaway_pg
  export REKINDLE_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;${REKINDLE_BENCH_PG_SETTINGS:-}"
  echo "PostgreSQL on 127.0.0.1:$pg_port (allocator: $(pg_allocator))${REKINDLE_BENCH_PG_SETTINGS:+ with $REKINDLE_BENCH_PG_SETTINGS}"
fi
run_benchmarks '*RequestBenchmarks*' "$@"
echo "Ratio = mean time per request / the trivial endpoint's; requests/s on one core would be about 1 s / Mean."
