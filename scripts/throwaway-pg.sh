# Sourced, not run: starts a throwaway PostgreSQL server (Debian's postgresql package) on 127.0.0.1 on a free
# port, in a temporary folder removed when the calling script exits.
#   start_throwaway_pg [-c name=value ...]   extra server settings
# The server runs with the glibc allocator thresholds docs/deploy.md recommends; PG_MALLOC=glibc leaves glibc's
# defaults (bench/scale.sh measures the difference). pg_allocator says which the running server has.
# Sets: pg_bin, pg_dir, pg_port, pg_user_run (the command prefix to run PostgreSQL tools as its owner) and
# PG_SERVER (a connection string to the postgres database, for Npgsql).

pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/rekindle-pg.XXXXXX)
pg_user_run=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; the Debian package creates the postgres user.
  chown postgres:postgres "$pg_dir"
  pg_user_run=(runuser -u postgres --)
fi

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port for PostgreSQL" >&2; exit 1
}

stop_pg() { "${pg_user_run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }

start_throwaway_pg() {
  local -a allocator
  case "${PG_MALLOC:-fixed}" in
    fixed) allocator=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=67108864) ;;
    glibc) allocator=() ;;
    *) echo "PG_MALLOC is fixed (the default) or glibc" >&2; exit 2 ;;
  esac
  pg_port=$(free_port)
  "${pg_user_run[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  # Only the server gets the allocator settings, not the calling script or the app it starts.
  env -u MALLOC_MMAP_THRESHOLD_ -u MALLOC_TRIM_THRESHOLD_ "${allocator[@]}" "${pg_user_run[@]}" "$pg_bin/pg_ctl" \
    -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 $*" start >/dev/null
  PG_SERVER="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
}

# pg_allocator: the allocator settings in the running server's environment, "glibc defaults" when it has none, or
# "unknown" when its environment can't be read.
pg_allocator() {
  local environ settings
  environ="/proc/$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null)/environ"
  [ -r "$environ" ] || { echo unknown; return; }
  settings=$(tr '\0' '\n' <"$environ" | grep '^MALLOC_' | paste -sd ' ' || true)
  echo "${settings:-glibc defaults}"
}

# psql against the throwaway server: pg_psql <database> [psql arguments...]
pg_psql() { local db=$1; shift; "${pg_user_run[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
