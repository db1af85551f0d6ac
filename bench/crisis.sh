#!/usr/bin/env bash
# Benchmarks the crisis reader (BenchmarkDotNet, Release): p50/p95 per text of 200 and 2,000 characters against
# the rules layer alone on the same text, and a journal save's p99 through the whole app with the reader and
# without it (rules alone), all in one run; plus the memory the embedding model holds.
# Usage: bench/crisis.sh [--job short|medium|long] ; results also land in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
run_benchmarks '*CrisisReaderBenchmarks*' "$@"
run_benchmarks '*JournalSaveBenchmarks*' "$@"
