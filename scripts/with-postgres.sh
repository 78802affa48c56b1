#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh CMD [ARGS...]
#
# Starts a fresh cluster in a temporary directory under /tmp (listening on 127.0.0.1 only,
# trust authentication, fsync off: for tests only, never for data you want to keep), creates
# the database `borderwatch`, exports
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/borderwatch
#   (and PGHOST, PGPORT, PGUSER, PGDATABASE for psql and friends)
#
# runs CMD (in the foreground, so Ctrl-C reaches it too), then always stops the cluster and removes the directory. Exits with CMD's exit
# code. PGPORT, if set, picks the port; otherwise a free one is chosen. As root the server
# runs as the `postgres` user (via runuser); otherwise as the calling user.
set -euo pipefail

die() { echo "with-postgres: $*" >&2; exit 1; }

[ $# -gt 0 ] || die "usage: $0 CMD [ARGS...]"

# --- locate the server binaries: /usr/lib/postgresql/*/bin (highest version), then PATH ---
PGBIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then PGBIN=$d; break; fi
done
if [ -z "$PGBIN" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    PGBIN=$(dirname "$(command -v initdb)")
fi
[ -n "$PGBIN" ] || die "no PostgreSQL server (initdb, pg_ctl) found; run 'make system-deps' (or apt-get install postgresql)"
INITDB=$PGBIN/initdb
PG_CTL=$PGBIN/pg_ctl
if [ -x "$PGBIN/psql" ]; then PSQL=$PGBIN/psql
elif command -v psql >/dev/null; then PSQL=$(command -v psql)
else die "psql not found; apt-get install postgresql-client"
fi

if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server as"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

# --- port ---
if [ -z "${PGPORT:-}" ]; then
    PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
fi

# --- cluster directory, cleaned up whatever happens ---
PGROOT=$(mktemp -d /tmp/pgtest.XXXXXX)
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -f "$PGROOT/data/postmaster.pid" ]; then
        ( cd "$PGROOT" && as_pg "$PG_CTL" -D "$PGROOT/data" -m fast -w -t 30 stop >/dev/null ) ||
            ( cd "$PGROOT" && as_pg "$PG_CTL" -D "$PGROOT/data" -m immediate -w -t 30 stop >/dev/null ) ||
            echo "with-postgres: could not stop the server in $PGROOT" >&2
    fi
    rm -rf "$PGROOT"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"

show_logs() {
    local f
    for f in "$PGROOT/initdb.log" "$PGROOT/server.log"; do
        [ -s "$f" ] || continue
        echo "---- $f ----" >&2
        cat "$f" >&2
    done
}

# Run as the server user from a directory it can read (avoids "could not change directory").
if ! ( cd "$PGROOT" && as_pg "$INITDB" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 ); then
    echo "with-postgres: initdb failed" >&2; show_logs; exit 1
fi
if ! ( cd "$PGROOT" && as_pg "$PG_CTL" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null ); then
    echo "with-postgres: server failed to start on 127.0.0.1:$PGPORT" >&2; show_logs; exit 1
fi

if ! "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE borderwatch" >/dev/null; then
    echo "with-postgres: could not create database borderwatch" >&2; show_logs; exit 1
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/borderwatch"
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=borderwatch
echo "with-postgres: PostgreSQL $("$PG_CTL" --version | awk '{print $3}') at $DATABASE_URL" >&2

set +e
"$@"
rc=$?
set -e
exit "$rc"
