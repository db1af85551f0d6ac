#!/usr/bin/env bash
# Scale: the signed-in dashboard on a PostgreSQL database holding 100,000 users with 90 days of check-ins each,
# against the same dashboard on a database holding only the measured user, in the same run; then the plan of
# every query one dashboard request runs on the large database (auto_explain), which must use indexes.
#
# Usage: bench/scale.sh [users, default 100000] [seconds per wrk run, default 10] [connections, default 50]
# Starts its own throwaway PostgreSQL server (Debian's postgresql package) with fsync off, since it is a
# benchmark; both databases run with the same settings.
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-100000}"
duration="${2:-10}"
connections="${3:-50}"
source bench/lib.sh
source scripts/throwaway-pg.sh
need_tools
need_postgres
publish_app

data=$(mktemp -d /tmp/rekindle-scale.XXXXXX)
trap 'stop_app; stop_pg; rm -rf "$data"' EXIT
start_throwaway_pg -c fsync=off -c synchronous_commit=off -c max_wal_size=4GB -c shared_buffers=256MB -c shared_preload_libraries=auto_explain
echo "PostgreSQL on 127.0.0.1:$pg_port"
base="http://127.0.0.1:$(free_app_port)"
declare -A rps p50 p99 cookies
checkin='{"mood":6,"sleepHours":7.5,"urgeCount":1,"strongestUrge":3}'

start_on() { # database
  start_app "$data/app-$1.log" --Rekindle:DataDirectory="$data" --Rekindle:DatabaseProvider=Postgres \
    --ConnectionStrings:Rekindle="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1;Maximum Pool Size=60"
}

for db in small large; do
  pg_psql postgres -c "CREATE DATABASE $db"
  start_on "$db"   # migrates the empty database
  cookies[$db]=$(python3 bench/seed-user.py "$base" 90 20)
  if [ "$db" = large ]; then
    echo "Seeding $users more users with 90 days of check-ins each (a few minutes)..."
    seeded=$(date +%s)
    pg_psql large -v users="$users" -f bench/scale-seed.sql
    echo "  seeded in $(( $(date +%s) - seeded )) s: $(pg_psql large -c 'SELECT count(*) FROM "CheckIns"') check-ins, $(pg_psql large -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
  fi
  # Statistics fresh and the bulk load's dirty pages written out, so a checkpoint doesn't land mid-measurement.
  pg_psql "$db" -c "VACUUM ANALYZE" -c "CHECKPOINT"
  shapes=(
    "health-$db|/health|GET||"
    "dashboard-$db|/dashboard|GET||${cookies[$db]}"
    "checkin-$db|/api/v1/check-ins/{date}|PUT|$checkin|${cookies[$db]}"
  )
  echo "Warming up, then running wrk on the $db database: ${duration}s each, $connections connections..."
  warm_up 10 "${shapes[@]}"
  for shape in "${shapes[@]}"; do run_shape "$shape"; done
  stop_app
done

# The plans of one dashboard request on the large database, as PostgreSQL ran them.
pg_psql postgres -c "ALTER DATABASE large SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE large SET auto_explain.log_analyze = on"
start_on large
curl -fsS -o /dev/null -H "Cookie: ${cookies[large]}" "$base/dashboard"
log_from=$(stat -c %s "$pg_dir/server.log")
curl -fsS -o /dev/null -H "Cookie: ${cookies[large]}" "$base/dashboard"
sleep 0.5
stop_app
tail -c +"$((log_from + 1))" "$pg_dir/server.log" > "$data/plans.log"

printf '\nMachine: %s; PostgreSQL %s\n\n' "$(machine)" "$(pg_psql postgres -c 'SHOW server_version')"
printf '| database | endpoint | requests/s | ratio to /health | p50 | p99 |\n|---|---|---:|---:|---:|---:|\n'
for db in small large; do
  for name in health dashboard checkin; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$db" "$name" "${rps[$name-$db]}" "$(ratio "${rps[$name-$db]}" "${rps[health-$db]}")" "${p50[$name-$db]}" "${p99[$name-$db]}"
  done
done
printf '\nLarge vs small (throughput, goal within 1.2x): dashboard %sx, check-in %sx\n' \
  "$(ratio "${rps[dashboard-small]}" "${rps[dashboard-large]}")" "$(ratio "${rps[checkin-small]}" "${rps[checkin-large]}")"

echo
echo "Plans of one dashboard request on the large database:"
python3 bench/plans.py "$data/plans.log"
