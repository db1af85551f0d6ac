# Sourced by the bench scripts: build the app once, start it, and measure one request shape with wrk.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need_tools() { # installs wrk and curl from Debian when missing
  local missing=()
  for tool in wrk curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] || { as_root apt-get update -qq; as_root apt-get install -y -qq "${missing[@]}" >/dev/null; }
}

publish_app() { # Release build into bench/.out/app
  echo "Building Release..."
  rm -rf bench/.out/app; mkdir -p bench/.out
  dotnet publish src/Rekindle.Web -c Release -o bench/.out/app -nologo -v quiet >/dev/null
}

need_postgres() { # installs Debian's postgresql package when missing (scripts/throwaway-pg.sh needs it)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { as_root apt-get update -qq; as_root apt-get install -y -qq postgresql >/dev/null; }
}

free_app_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_app <log-file> <settings...>: starts the published app on $base (set by the caller), waits for the first
# 200 on /health, and sets app_pid and startup_ms.
start_app() {
  local log=$1; shift
  local started; started=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production dotnet bench/.out/app/Rekindle.Web.dll --urls "$base" --Rekindle:AccountRequestsPerMinute=1000000 \
    --Logging:LogLevel:Default=Warning "$@" >"$log" 2>&1 &
  app_pid=$!
  until curl -fsS "$base/health" >/dev/null 2>&1; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.05
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }

# browser_cookie <cookie>: the cookies a browser would send after one more page. Identity checks the security stamp
# once the sign-in cookie is five minutes old and answers with a new cookie, which a browser sends from then on. wrk
# replays one fixed cookie, so without this every request after a run's fifth minute would check the stamp and issue
# a cookie again: three more queries and a cookie's encryption that no real user causes more than once in 5 minutes.
browser_cookie() {
  local cookie=$1 line name part
  local -a parts
  [ -n "$cookie" ] || return 0
  while IFS= read -r line; do
    line=${line#*: }; line=${line%%;*}; name=${line%%=*}
    IFS=';' read -ra parts <<<"$cookie"
    cookie=$line
    for part in "${parts[@]}"; do
      part=${part# }
      [ "${part%%=*}" = "$name" ] || cookie+="; $part"
    done
  done < <(curl -s -o /dev/null -D - -H "Cookie: $cookie" "$base/dashboard" | tr -d '\r' | grep -i '^set-cookie:')
  echo "$cookie"
}

# run <name> <path> <method> <body> <cookie>: wrk for $duration seconds with $connections connections; fills
# rps, p50 and p99 (associative arrays the caller declares). A path holding {date} gets a random day of the last year.
run() {
  local result status non2xx
  set -- "$1" "$2" "$3" "$4" "$(browser_cookie "$5")"
  # wrk does not count redirects as errors, so make sure the request really succeeds before measuring it.
  status=$(curl -s -o /dev/null -w '%{http_code}' -X "$3" -H 'Content-Type: application/json' ${4:+-d "$4"} ${5:+-H "Cookie: $5"} "$base${2//\{date\}/$(date -u +%F)}")
  [[ $status == 2* ]] || { echo "$1: $3 $2 answered $status, not 2xx; the seeding failed" >&2; exit 1; }
  # Three seconds of warm-up first, so the JIT's tiering and the caches settle before the measured run.
  METHOD="$3" BODY="$4" COOKIE="$5" wrk -t2 -c"$connections" -d3s -s bench/wrk/request.lua "$base$2" >/dev/null
  result=$(METHOD="$3" BODY="$4" COOKIE="$5" wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/wrk/request.lua "$base$2")
  rps[$1]=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  p50[$1]=$(awk '$1=="50%" {print $2}' <<<"$result")
  p99[$1]=$(awk '$1=="99%" {print $2}' <<<"$result")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$result")
  [ -z "$non2xx" ] || echo "  warning: $1 had $non2xx non-2xx answers" >&2
}

# A shape is one request as "name|path|method|body|cookie" (body and cookie may be empty).
# run_shape <shape>: run for that request shape.
run_shape() {
  local name path method body cookie
  IFS='|' read -r name path method body cookie <<<"$1"
  run "$name" "$path" "$method" "$body" "$cookie"
}

# warm_up <seconds> <shape...>: loads each shape for that long, unmeasured, before any is measured. Under full load
# the JIT's background compiler shares the two cores with the requests, so code reaches its final tier only after a
# minute or so; measured before that, whichever shape ran first (usually the trivial endpoint) was measured on slower
# code than the rest, and a page's figures depended on its place in the list.
warm_up() {
  local seconds=$1 shape name path method body cookie
  shift
  for shape in "$@"; do
    IFS='|' read -r name path method body cookie <<<"$shape"
    cookie=$(browser_cookie "$cookie")
    METHOD="$method" BODY="$body" COOKIE="$cookie" wrk -t2 -c"$connections" -d"${seconds}s" -s bench/wrk/request.lua "$base$path" >/dev/null
  done
}

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

machine() { printf '%s cores, %s; .NET %s' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(dotnet --version)"; }

# run_benchmarks <filter> [--job short|medium|long]: BenchmarkDotNet in Release (short job unless told), results
# also in bench/results/, then the machine they ran on.
run_benchmarks() {
  local filter=$1 job=short
  shift
  if [ "${1:-}" = "--job" ]; then job="$2"; fi
  dotnet run -c Release --project bench/Rekindle.Bench -- --filter "$filter" --job "$job" --artifacts bench/results
  printf '\nMachine: %s\n' "$(machine)"
}
