#!/usr/bin/env bash
# Benchmarks the message coach (BenchmarkDotNet, Release): the learned layer on a short and a 1,000-character draft against the patterns alone (p50/p95), one typical draft, one long draft, and batches of
# 10, 100 and 1000 drafts, each as a ratio to a baseline measured in the same run, with allocations.
# Usage: bench/coach.sh [--job short|medium|long] ; results also land in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
run_benchmarks '*CoachBenchmarks*' "$@"
echo "Per-draft cost in a batch = Mean / Count; allocation per draft = Allocated / Count (should not grow with Count)."
