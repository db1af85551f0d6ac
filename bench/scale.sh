#!/usr/bin/env bash
# Scale: the signed-in dashboard on a PostgreSQL database holding 100,000 users with 90 days of check-ins each,
# against the same dashboard on a database holding only the measured user, in rounds that alternate between the
# two; then what PostgreSQL spends on each of a dashboard's statements on both (pg_stat_statements), and the plan of
# every query one dashboard request runs on the large database (auto_explain), which must use indexes.
#
# Usage: bench/scale.sh [users, default 100000] [seconds per wrk run, default 10] [connections, default 50] [rounds, default 3]
# Starts its own throwaway PostgreSQL server (Debian's postgresql package) with fsync off, since it is a
# benchmark; both databases run with the same settings. The server gets the glibc allocator thresholds that
# docs/deploy.md recommends; PG_MALLOC=glibc runs it with glibc's moving defaults instead, to see what they cost
# (scripts/throwaway-pg.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-100000}"
duration="${2:-10}"
connections="${3:-50}"
rounds="${4:-3}"
source bench/lib.sh
source scripts/throwaway-pg.sh
need_tools
need_postgres
publish_app

data=$(mktemp -d /tmp/rekindle-scale.XXXXXX)
declare -A bases pids cookies rps p50 p99
stop_apps() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap 'stop_apps; stop_pg; rm -rf "$data"' EXIT
start_throwaway_pg -c fsync=off -c synchronous_commit=off -c max_wal_size=4GB -c shared_buffers=256MB -c shared_preload_libraries=auto_explain,pg_stat_statements
echo "PostgreSQL on 127.0.0.1:$pg_port, allocator: $(pg_allocator)"
checkin='{"mood":6,"sleepHours":7.5,"urgeCount":1,"strongestUrge":3}'

start_on() { # database: an app instance of its own on that database, at ${bases[database]}
  base="http://127.0.0.1:$(free_app_port)"
  start_app "$data/app-$1.log" --Rekindle:DataDirectory="$data/$1" --Rekindle:DatabaseProvider=Postgres \
    --ConnectionStrings:Rekindle="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1;Maximum Pool Size=60"
  bases[$1]=$base
  pids[$1]=$app_pid
}

# Both databases are built first and served at once by one app instance each (the one not being measured is idle),
# so the rounds below can alternate between them: the machine's speed drifts over minutes, and measuring one
# database after the other had put that drift into the comparison.
for db in small large; do
  pg_psql postgres -c "CREATE DATABASE $db"
  start_on "$db"   # migrates the empty database
  cookies[$db]=$(python3 bench/seed-user.py "${bases[$db]}" 90 20)
  if [ "$db" = large ]; then
    echo "Seeding $users more users with 90 days of check-ins each (a few minutes)..."
    seeded=$(date +%s)
    pg_psql large -v users="$users" -f bench/scale-seed.sql
    echo "  seeded in $(( $(date +%s) - seeded )) s: $(pg_psql large -c 'SELECT count(*) FROM "CheckIns"') check-ins, $(pg_psql large -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
  fi
  # Statistics fresh and the bulk load's dirty pages written out, so a checkpoint doesn't land mid-measurement.
  pg_psql "$db" -c "VACUUM ANALYZE" -c "CHECKPOINT"
done

shapes_for() { # database
  printf '%s\n' "health-$1|/health|GET||" "dashboard-$1|/dashboard|GET||${cookies[$1]}" "checkin-$1|/api/v1/check-ins/{date}|PUT|$checkin|${cookies[$1]}"
}
echo "Warming up every request shape on both databases (10 s each)..."
for db in small large; do
  base=${bases[$db]}
  mapfile -t shapes < <(shapes_for "$db")
  warm_up 10 "${shapes[@]}"
done
echo "Running wrk: $rounds rounds alternating the databases, ${duration}s per shape, $connections connections..."
measurements="$data/measurements"
for round in $(seq "$rounds"); do
  for db in small large; do
    base=${bases[$db]}
    mapfile -t shapes < <(shapes_for "$db")
    for shape in "${shapes[@]}"; do
      run_shape "$shape"
      name=${shape%%|*}
      echo "$round $name ${rps[$name]} ${p50[$name]} ${p99[$name]}" >>"$measurements"
    done
  done
done

# What PostgreSQL itself spends on a dashboard, statement by statement, on each database: one more run each after the
# statistics are reset.
pg_psql postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null
declare -A dashboards
for db in small large; do
  base=${bases[$db]}
  dashboards[$db]=$(COOKIE="$(browser_cookie "${cookies[$db]}")" wrk -t2 -c"$connections" -d"${duration}s" -s bench/wrk/request.lua "$base/dashboard" | awk '/requests in/ {print $1}')
done
pg_psql postgres -F '|' -c "SELECT d.datname, s.calls, s.total_exec_time, s.shared_blks_hit, s.shared_blks_read, regexp_replace(s.query, '\s+', ' ', 'g')
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname IN ('small', 'large')" > "$data/statements"
stop_apps
pids=()

# The plans of one dashboard request on the large database, as PostgreSQL ran them.
pg_psql postgres -c "ALTER DATABASE large SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE large SET auto_explain.log_analyze = on"
start_on large
curl -fsS -o /dev/null -H "Cookie: ${cookies[large]}" "$base/dashboard"
log_from=$(stat -c %s "$pg_dir/server.log")
curl -fsS -o /dev/null -H "Cookie: ${cookies[large]}" "$base/dashboard"
sleep 0.5
stop_apps
tail -c +"$((log_from + 1))" "$pg_dir/server.log" > "$data/plans.log"

printf '\nMachine: %s; PostgreSQL %s; allocator: %s\n\n' "$(machine)" "$(pg_psql postgres -c 'SHOW server_version')" "$(pg_allocator)"
python3 bench/scale-table.py "$measurements"

echo
echo "PostgreSQL's own work per dashboard (pg_stat_statements, one more ${duration}s run on each database):"
python3 bench/statements-table.py "$data/statements" "${dashboards[small]}" "${dashboards[large]}"

echo
echo "Plans of one dashboard request on the large database:"
python3 bench/plans.py "$data/plans.log"
