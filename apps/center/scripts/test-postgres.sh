#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the centre's tests (docs/center.md, tests).
#   eval "$(bash apps/center/scripts/test-postgres.sh)"   start (or reuse) it; exports
#                                                         CENTER_TEST_DATABASE_URL
#   bash apps/center/scripts/test-postgres.sh stop        stop it and delete its files
# Debian's binaries (package postgresql); the cluster runs as the `postgres` user when started
# by root, in CENTER_TEST_PG_DIR (/tmp/skillexam-center-pg), on a free local port, trust auth on
# 127.0.0.1 only. Only the export line goes to stdout; progress goes to stderr.
set -euo pipefail
BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE="${CENTER_TEST_PG_DIR:-/tmp/skillexam-center-pg}"
DATA="$STATE/data"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url_of() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }

if [ "${1:-start}" = "stop" ]; then
  if [ -f "$DATA/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf "$STATE"
  echo "test PostgreSQL stopped" >&2
  exit 0
fi

if [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL 15 not found in $BIN: run scripts/install-system-deps.sh (Debian package postgresql)" >&2
  exit 1
fi

if [ -f "$STATE/port" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  echo "export CENTER_TEST_DATABASE_URL=$(url_of "$(cat "$STATE/port")")"
  exit 0
fi

rm -rf "$STATE"
mkdir -p "$STATE"
[ "$(id -u)" -eq 0 ] && chown postgres: "$STATE"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$STATE/initdb.log" 2>&1 || {
  cat "$STATE/initdb.log" >&2
  exit 1
}
# Tests trade durability for speed; CENTER_TEST_PG_DURABLE=1 (the benchmarks) keeps PostgreSQL's
# defaults, so measured numbers are those of a real server.
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${CENTER_TEST_PG_DURABLE:-0}" = "1" ] && fast=""
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$STATE/server.log" -w \
  -o "-p $port -k $STATE -c listen_addresses=127.0.0.1 $fast -c max_connections=200" \
  start >&2 || {
  cat "$STATE/server.log" >&2
  exit 1
}
echo "$port" >"$STATE/port"
echo "test PostgreSQL 15 on 127.0.0.1:$port (data $DATA)" >&2
echo "export CENTER_TEST_DATABASE_URL=$(url_of "$port")"
