#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the region tests and benchmark (docs/region.md):
#   pg_fixture.sh start STATE   initdb into a new temporary folder, start it on a Unix socket there (no TCP),
#                               and write the folder's path to the file STATE
#   pg_fixture.sh stop STATE    stop it and remove the folder
# PostgreSQL refuses to run as root: as root, the server runs as "nobody" through setpriv, in a folder that
# is theirs. Connect with "host=$(cat STATE) user=hicm dbname=postgres".
set -euo pipefail
action="${1:?usage: pg_fixture.sh start|stop STATE}"
state="${2:?usage: pg_fixture.sh start|stop STATE}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "error: PostgreSQL's server is not installed (Debian package 'postgresql'; scripts/test installs it)" >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi

case "$action" in
  start)
    dir="$(mktemp -d /tmp/hicm-pg.XXXXXX)"
    chmod 700 "$dir"
    [ "${#as_owner[@]}" -gt 0 ] && chown nobody:nogroup "$dir"
    if ! "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U hicm -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
      echo "error: initdb failed:" >&2; cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1
    fi
    # Small and quick: no TCP, the socket in the folder, fsync kept (the benchmark measures real commits).
    if ! "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -c max_connections=40" start >/dev/null; then
      echo "error: PostgreSQL did not start:" >&2; cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1
    fi
    echo "$dir" >"$state"
    echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') started in $dir (socket only)"
    ;;
  stop)
    [ -f "$state" ] || { echo "no PostgreSQL to stop ($state is missing)"; exit 0; }
    dir="$(cat "$state")"
    case "$dir" in /tmp/hicm-pg.*) ;; *) echo "error: $state does not name a fixture folder" >&2; exit 1 ;; esac
    if [ -d "$dir/data" ]; then
      "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir" "$state"
    echo "PostgreSQL stopped"
    ;;
  *) echo "usage: pg_fixture.sh start|stop STATE" >&2; exit 2 ;;
esac
