#!/usr/bin/env bash
# CPU time and memory of one request through the whole app (BenchmarkDotNet, Release, app hosted in-process on
# SQLite): signed-in /health, the dashboard with a week and with three years of data, a check-in and the journal
# API, each as a ratio to the trivial /health measured in the same run, with bytes allocated per request.
# No sockets and no load generator, so the figures are much steadier than bench/load.sh's on a shared machine.
# Usage: bench/requests.sh [--job short|medium|long] ; results also land in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
run_benchmarks '*RequestBenchmarks*' "$@"
echo "Ratio = mean time per request / the trivial endpoint's; requests/s on one core would be about 1 s / Mean."
