#!/usr/bin/env bash
# Runs a command against a private, throw-away PostgreSQL server:
#   scripts/pg-test.sh build/bin/prefero_tests --gtest_filter='*Store*'
#   scripts/pg-test.sh --restart build/bin/prefero_tests --gtest_filter='PostgresStore.*'
# Starts a cluster (Debian's initdb + pg_ctl; as the postgres user when run as root, since initdb
# refuses root) in a temporary folder, listening on 127.0.0.1 at a free port, runs the command
# with PREFERO_TEST_PG_URL=postgresql://prefero@127.0.0.1:PORT/postgres, then stops the server and
# removes the folder. The command's exit code is the script's. PGBIN overrides the server folder.
# --restart also exports PREFERO_TEST_PG_RESTART, a shell command that restarts the server, for
# the test that restarts it under a running store (only when nothing else uses the server: not
# with ctest -j, where the restart would disturb the tests running beside it).
set -euo pipefail

restart=0
if [ "${1:-}" = "--restart" ]; then
  restart=1
  shift
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 [--restart] COMMAND [ARGS...]   (runs COMMAND with PREFERO_TEST_PG_URL set)" >&2
  exit 2
fi

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "$0: no PostgreSQL server found (install the Debian package postgresql, or set PGBIN)" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/prefero-pg.XXXXXX")
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  "${as_owner[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_owner[@]}" "$PGBIN/initdb" -D "$dir/data" -U prefero --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# fsync and synchronous_commit stay on (the defaults): the tests check durability.
"${as_owner[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=50" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

export PREFERO_TEST_PG_URL="postgresql://prefero@127.0.0.1:$port/postgres"
if [ $restart = 1 ]; then
  export PREFERO_TEST_PG_RESTART="${as_owner[*]} $PGBIN/pg_ctl -D $dir/data -l $dir/server.log -m fast -w -t 60 restart"
fi
echo "pg-test: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $PREFERO_TEST_PG_URL" >&2
status=0
"$@" || status=$?
exit $status
