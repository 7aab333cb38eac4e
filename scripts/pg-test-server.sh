#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite, on a free loopback port.
#   scripts/pg-test-server.sh start DIR   initdb + start; writes DIR/url
#   scripts/pg-test-server.sh stop DIR    stop and remove everything
# As root the server runs as the postgres user (runuser), as PostgreSQL requires.
set -euo pipefail
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
bin=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
  start)
    [ -x "$bin/initdb" ] || { echo "$bin/initdb missing: run scripts/deps.sh test" >&2; exit 1; }
    "$0" stop "$dir" >/dev/null 2>&1 || true
    mkdir -p "$dir"
    data=$(mktemp -d /tmp/accord-pg.XXXXXX)
    echo "$data" > "$dir/datadir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$data"
    as_pg "$bin/initdb" -D "$data/db" -U accord -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; exit 1; }
    # A random high port; retried if something else holds it.
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if as_pg "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
          -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300" \
          start >/dev/null; then
        echo "postgres://accord@127.0.0.1:$port/postgres" > "$dir/url"
        echo "PostgreSQL test server on 127.0.0.1:$port ($data)"
        exit 0
      fi
      echo "port $port busy (attempt $attempt)" >&2
    done
    cat "$data/server.log" >&2
    exit 1
    ;;
  stop)
    [ -f "$dir/datadir" ] || exit 0
    data=$(cat "$dir/datadir")
    as_pg "$bin/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$data" "$dir/url" "$dir/datadir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
