#!/usr/bin/env bash
# Starts and stops a throw-away PostgreSQL cluster on 127.0.0.1 (Debian's packages; the system service is not used).
# Usage: source .ci/postgres.sh; start_postgres; ...; stop_postgres
PGPORT=${PGPORT:-5433}

start_postgres() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGDATA=$(mktemp -d /tmp/orchestrator-pg.XXXXXX)
  export PGBIN PGDATA PGPORT
  local as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PGDATA"
    as_postgres=(runuser -u postgres --)
  fi
  chmod 700 "$PGDATA"
  "${as_postgres[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null || return 1
  "${as_postgres[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c max_connections=200" start >/dev/null || { cat "$PGDATA/server.log"; return 1; }
  STOP_AS=("${as_postgres[@]}")
}

stop_postgres() {
  [ -n "${PGDATA:-}" ] || return 0
  "${STOP_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGDATA"
}
