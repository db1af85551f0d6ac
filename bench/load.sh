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
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq curl >/dev/null; }

out=bench/.out
rm -rf "$out/app"; mkdir -p "$out"
echo "Building Release..."
dotnet publish src/Rekindle.Web -c Release -o "$out/app" -nologo -v quiet >/dev/null

data=$(mktemp -d /tmp/rekindle-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
settings=(--urls "$base" --Rekindle:DataDirectory="$data" --Rekindle:AccountRequestsPerMinute=1000000 --Logging:LogLevel:Default=Warning)
if [ -n "${REKINDLE_BENCH_POSTGRES:-}" ]; then
  settings+=(--Rekindle:DatabaseProvider=Postgres --ConnectionStrings:Rekindle="$REKINDLE_BENCH_POSTGRES")
fi

started=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production dotnet "$out/app/Rekindle.Web.dll" "${settings[@]}" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fsS "$base/health" >/dev/null 2>&1; do
  kill -0 $app 2>/dev/null || { cat "$data/app.log"; exit 1; }
  sleep 0.05
done
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# Two users: one with a week of check-ins, one with three years (1095 days), both in no contact.
seed() { # $1 = jar, $2 = days of history
  local jar=$1 days=$2 email="bench-$RANDOM-$RANDOM@example.test"
  curl -fsS -c "$jar" -b "$jar" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench lantern orchard\"}" "$base/api/v1/auth/register" >/dev/null
  python3 - "$jar" "$base" "$days" <<'PY'
import sys, json, datetime, http.cookiejar, urllib.request
jar, base, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
cj = http.cookiejar.MozillaCookieJar(jar); cj.load(ignore_discard=True, ignore_expires=True)
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj))
def send(method, path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method, headers={"Content-Type": "application/json"})
    opener.open(req).read()
today = datetime.date.today()
send("PUT", "/api/v1/situation", {"whoEnded": "them", "breakupDate": str(today - datetime.timedelta(days=days + 5)), "monthsTogether": 24, "breakupKind": "considered", "timeZoneId": "Etc/UTC", "countryCode": "GB"})
for i in range(days):
    d = today - datetime.timedelta(days=i)
    send("PUT", f"/api/v1/check-ins/{d}", {"mood": 3 + i % 6, "sleepHours": 7, "urgeCount": i % 3, "strongestUrge": 4 if i % 3 else None, "word": "steady"})
for i in range(20):
    send("POST", "/api/v1/journal", {"kind": "free", "body": f"Entry {i}: a walk by the river and an early night."})
PY
  grep -E '__Host-rekindle|rekindle' "$jar" | awk '{print $6"="$7}' | paste -sd';' -
}
echo "Seeding two users (a week and three years of check-ins)..."
week=$(seed "$data/week.jar" 7)
years=$(seed "$data/years.jar" 1095)

declare -A rps p50 p99
run() { # name, path, method, body, cookie
  local result
  result=$(METHOD="$3" BODY="$4" COOKIE="$5" wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/wrk/request.lua "$base$2")
  rps[$1]=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  p50[$1]=$(awk '$1=="50%" {print $2}' <<<"$result")
  p99[$1]=$(awk '$1=="99%" {print $2}' <<<"$result")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$result")
  [ -z "$non2xx" ] || echo "  warning: $1 had $non2xx non-2xx answers" >&2
}
today=$(date +%F)
echo "Running wrk: ${duration}s each, $connections connections, 2 threads..."
run trivial /health GET "" ""
run dashboard-week /dashboard GET "" "$week"
run dashboard-3y /dashboard GET "" "$years"
run checkin-week "/api/v1/check-ins/$today" PUT '{"mood":6,"sleepHours":7.5,"urgeCount":1,"strongestUrge":3}' "$week"
run checkin-3y "/api/v1/check-ins/$today" PUT '{"mood":6,"sleepHours":7.5,"urgeCount":1,"strongestUrge":3}' "$years"
run coach /api/v1/coach/analyze POST '{"text":"Hey, saw the bakery reopened and thought of you. I miss you, pls come back??","stage":"first-contact"}' "$week"
run journal /api/v1/journal GET "" "$week"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")

printf '\nMachine: %s cores, %s; .NET %s; database: %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(dotnet --version)" "${REKINDLE_BENCH_POSTGRES:+PostgreSQL}${REKINDLE_BENCH_POSTGRES:-SQLite}" | sed 's/Host=[^ ]*/PostgreSQL/'
printf 'Start-up to first 200 on /health: %s ms\n\n' "$startup_ms"
printf '| endpoint | requests/s | ratio to trivial | p50 | p99 |\n|---|---:|---:|---:|---:|\n'
for name in trivial dashboard-week dashboard-3y checkin-week checkin-3y coach journal; do
  ratio=$(python3 -c "print(f'{${rps[$name]}/${rps[trivial]}:.2f}')")
  printf '| %s | %s | %s | %s | %s |\n' "$name" "${rps[$name]}" "$ratio" "${p50[$name]}" "${p99[$name]}"
done
python3 - "${rps[dashboard-week]}" "${rps[dashboard-3y]}" "${rps[checkin-week]}" "${rps[checkin-3y]}" <<'PY'
import sys
dw, dy, cw, cy = map(float, sys.argv[1:])
print(f"\nHistory cost (3 years vs 1 week, throughput ratio): dashboard {dw/dy:.2f}x, check-in {cw/cy:.2f}x (goal: within 1.2x)")
PY
printf 'Resident memory after the load: %s MB (2 signed-in sessions)\n' "$((rss_kb / 1024))"
