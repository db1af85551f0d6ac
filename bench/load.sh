#!/usr/bin/env bash
# Throughput and latency of the main pages and API with wrk, each as a ratio to a trivial endpoint of the same
# app measured in the same run; the dashboard and check-in for a user with 3 years of data against one with a
# week; start-up time to the first 200 on /health; resident memory after the load.
#
# Usage: bench/load.sh [seconds-per-run, default 10] [connections, default 50]
# Uses SQLite in a temporary folder, or PostgreSQL when REKINDLE_BENCH_POSTGRES holds a connection string.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
connections="${2:-50}"
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
# Every shape once before any is measured: the JIT tiers code up in the first seconds under load, and whichever
# shape ran first (the trivial endpoint) would otherwise be measured on colder code than the rest.
echo "Warming up every request shape..."
for shape in "${shapes[@]}"; do
  IFS='|' read -r name path method body cookie <<<"$shape"
  METHOD="$method" BODY="$body" COOKIE="$cookie" wrk -t2 -c"$connections" -d5s -s bench/wrk/request.lua "$base${path}" >/dev/null
done
echo "Running wrk: ${duration}s each, $connections connections, 2 threads..."
for shape in "${shapes[@]}"; do
  IFS='|' read -r name path method body cookie <<<"$shape"
  run "$name" "$path" "$method" "$body" "$cookie"
done
# At 50 connections latency is mostly queueing (Little's law: about 50 / throughput); at 4 it is the page's own time.
saved_connections=$connections; connections=4
run dashboard-week-4-connections /dashboard GET "" "$week"
connections=$saved_connections
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
# Memory per active session: 200 more signed-in sessions, each used once, against the resident memory before.
extra_sessions=200
echo "Opening $extra_sessions more sessions..."
python3 bench/sessions.py "$base" week@bench.test "$extra_sessions"
rss_after_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")

printf '\nMachine: %s; database: %s\n' "$(machine)" "$database"
printf 'Start-up to first 200 on /health: %s ms\n\n' "$startup_ms"
printf '| endpoint | requests/s | ratio to trivial | p50 | p99 |\n|---|---:|---:|---:|---:|\n'
for name in trivial dashboard-week dashboard-3y checkin-week checkin-3y coach journal dashboard-week-4-connections; do
  printf '| %s | %s | %s | %s | %s |\n' "$name" "${rps[$name]}" "$(ratio "${rps[$name]}" "${rps[trivial]}")" "${p50[$name]}" "${p99[$name]}"
done
python3 - "${rps[dashboard-week]}" "${rps[dashboard-3y]}" "${rps[checkin-week]}" "${rps[checkin-3y]}" <<'PY'
import sys
dw, dy, cw, cy = map(float, sys.argv[1:])
print(f"\nHistory cost (3 years vs 1 week, throughput ratio): dashboard {dw/dy:.2f}x, check-in {cw/cy:.2f}x (goal: within 1.2x)")
PY
printf 'Resident memory after the load: %s MB (2 signed-in sessions); after %s more sessions: %s MB, so about %s KB per session\n' \
  "$((rss_kb / 1024))" "$extra_sessions" "$((rss_after_kb / 1024))" "$(( (rss_after_kb - rss_kb) / extra_sessions ))"
