#!/usr/bin/env bash
# Throughput and latency of the main pages and API with wrk, each as a ratio to a trivial endpoint of the same
# app measured in the same run; the dashboard and check-in for a user with 3 years of data against one with a
# week; start-up time to the first 200 on /health; resident memory after the load.
#
# Usage: bench/load.sh [seconds per run, default 8] [connections, default 50] [warm-up seconds per shape, default 10]
#                      [rounds, default 3]
# Uses SQLite in a temporary folder, or PostgreSQL when REKINDLE_BENCH_POSTGRES holds a connection string.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-8}"
connections="${2:-50}"
warmup="${3:-10}"
rounds="${4:-3}"
source bench/lib.sh
need_tools
publish_app

data=$(mktemp -d /tmp/rekindle-bench.XXXXXX)
base="http://127.0.0.1:$(free_app_port)"
settings=(--Rekindle:DataDirectory="$data")
database=SQLite
if [ -n "${REKINDLE_BENCH_POSTGRES:-}" ]; then
  settings+=(--Rekindle:DatabaseProvider=Postgres --ConnectionStrings:Rekindle="$REKINDLE_BENCH_POSTGRES")
  database=PostgreSQL
fi
trap 'stop_app; rm -rf "$data"' EXIT
start_app "$data/app.log" "${settings[@]}"

echo "Seeding two users (a week and three years of check-ins)..."
week=$(python3 bench/seed-user.py "$base" 7 20 week@bench.test)
years=$(python3 bench/seed-user.py "$base" 1095 20)

declare -A rps p50 p99
checkin='{"mood":6,"sleepHours":7.5,"urgeCount":1,"strongestUrge":3}'
coach='{"text":"Hey, saw the bakery reopened and thought of you. I miss you, pls come back??","stage":"first-contact"}'
shapes=(
  "trivial|/health|GET||"
  "dashboard-week|/dashboard|GET||$week"
  "dashboard-3y|/dashboard|GET||$years"
  "checkin-week|/api/v1/check-ins/{date}|PUT|$checkin|$week"
  "checkin-3y|/api/v1/check-ins/{date}|PUT|$checkin|$years"
  "coach|/api/v1/coach/analyze|POST|$coach|$week"
  "journal|/api/v1/journal|GET||$week"
)
echo "Warming up every request shape (${warmup}s each)..."
warm_up "$warmup" "${shapes[@]}"
# Rounds, each measuring every shape once in turn: this machine's speed drifts over minutes, so each ratio is
# taken against the trivial endpoint of its own round, and the table shows the median over the rounds.
echo "Running wrk: $rounds rounds of every shape, ${duration}s each, $connections connections, 2 threads..."
measurements="$data/measurements"
record() { echo "$round $1 ${rps[$1]} ${p50[$1]} ${p99[$1]}" >>"$measurements"; }
for round in $(seq "$rounds"); do
  for shape in "${shapes[@]}"; do
    run_shape "$shape"
    record "${shape%%|*}"
  done
  # At 50 connections latency is mostly queueing (Little's law: about 50 / throughput); at 4 it is the page's own time.
  saved_connections=$connections; connections=4
  run dashboard-week-4-connections /dashboard GET "" "$week"
  record dashboard-week-4-connections
  connections=$saved_connections
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
# Memory per active session: 200 more signed-in sessions, each used once, against the resident memory before.
extra_sessions=200
echo "Opening $extra_sessions more sessions..."
python3 bench/sessions.py "$base" week@bench.test "$extra_sessions"
rss_after_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")

printf '\nMachine: %s; database: %s\n' "$(machine)" "$database"
printf 'Start-up to first 200 on /health: %s ms\n\n' "$startup_ms"
python3 bench/load-table.py "$measurements"
per_session_kb=$(( (rss_after_kb - rss_kb) / extra_sessions ))
if [ "$per_session_kb" -gt 0 ]; then growth="about $per_session_kb KB per session"; else growth="no growth above the collector's own movement"; fi
printf 'Resident memory after the load: %s MB (2 signed-in sessions); after %s more sessions: %s MB, so %s\n' \
  "$((rss_kb / 1024))" "$extra_sessions" "$((rss_after_kb / 1024))" "$growth"
