#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL server on 127.0.0.1 and
# COCKPIT_TEST_PG_URL pointing at a test database on it. Installs Debian's
# postgresql package first if this machine has no server binaries.
set -euo pipefail

find_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bindir=$(find_bindir || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "with-postgres: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    bindir=$(find_bindir)
fi

port=${COCKPIT_TEST_PG_PORT:-54329}
workdir=$(mktemp -d /tmp/cockpit-pg.XXXXXX)
chmod 755 "$workdir"
run_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$workdir"; fi

cleanup() {
    run_pg "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT

run_pg "$bindir/initdb" -D "$workdir/data" -A trust -U postgres --no-sync >/dev/null
run_pg "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/log" -w \
    -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
    start >/dev/null
run_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres cockpit_test
export COCKPIT_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/cockpit_test"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
