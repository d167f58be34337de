#!/usr/bin/env bash
# PGlite's Postgres-protocol server (with pgvector) for the PostgreSQL-engine tests, on 127.0.0.1.
#
#   scripts/pglite.sh start   start it in the background (in-memory database), wait until it answers
#   scripts/pglite.sh stop    stop the server this script started (pid file)
#
# Env: PGLITE_PORT (default 5499). Prints the database URL on start; on failure says why on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PGLITE_PORT:-5499}"
RUN_DIR="${TMPDIR:-/tmp}"
PID_FILE="$RUN_DIR/archivista-pglite-$PORT.pid"
LOG_FILE="$RUN_DIR/archivista-pglite-$PORT.log"
URL="postgres://postgres:postgres@127.0.0.1:$PORT/postgres"
START_TIMEOUT_S=120

case "${1:-}" in
  start)
    node_modules/.bin/pglite-server --db memory:// --host 127.0.0.1 --port "$PORT" --max-connections 8 \
      --extensions @electric-sql/pglite-pgvector:vector >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 "$START_TIMEOUT_S"); do
      if node -e "const c=new (require('pg').Client)(process.argv[1]);c.connect().then(()=>c.query('SELECT 1')).then(()=>process.exit(0),()=>process.exit(1))" "$URL" 2>/dev/null; then
        echo "$URL"
        exit 0
      fi
      kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { echo "pglite.sh: the server exited: $(tail -5 "$LOG_FILE")" >&2; exit 1; }
      sleep 1
    done
    echo "pglite.sh: no answer on port $PORT after ${START_TIMEOUT_S}s: $(tail -5 "$LOG_FILE")" >&2
    exit 1
    ;;
  stop)
    [ -f "$PID_FILE" ] || exit 0
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE"
    ;;
  *)
    echo "usage: scripts/pglite.sh start|stop" >&2
    exit 2
    ;;
esac
