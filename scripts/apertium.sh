#!/usr/bin/env bash
# Apertium's APy server for query translation (English↔Italian via Catalan), bound to 127.0.0.1.
#
#   scripts/apertium.sh install   apt-get the server and the eng-cat and cat-ita pairs (skipped when present)
#   scripts/apertium.sh start     start APy in the background, wait until it answers, warm both chains
#   scripts/apertium.sh stop      stop the APy this script started (pid file)
#   scripts/apertium.sh status    exit 0 when APy answers on the port
#   scripts/apertium.sh serve [PORT]  run APy in the foreground on PORT (default APERTIUM_PORT) (what `ask`, `index` and the bot
#                                 spawn when APERTIUM_URL is unset); exits 3 when APy is not installed
#
# Env: APERTIUM_PORT (default 2737), APERTIUM_MODES_DIR (default /usr/share/apertium/modes).
# Quiet on success; on failure says why on stderr and exits non-zero.
set -euo pipefail

PORT="${APERTIUM_PORT:-2737}"
HOST=127.0.0.1
BASE="http://$HOST:$PORT"
MODES_DIR="${APERTIUM_MODES_DIR:-/usr/share/apertium/modes}"
RUN_DIR="${TMPDIR:-/tmp}"
PID_FILE="$RUN_DIR/archivista-apertium-$PORT.pid"
LOG_FILE="$RUN_DIR/archivista-apertium-$PORT.log"
PACKAGES=(apertium-apy apertium-eng-cat apertium-cat-ita)
START_TIMEOUT_S=60

# APy 0.11 has no bind-address flag and listens on every interface; this wrapper makes its
# Tornado server bind to loopback only and keeps per-request access lines (with questions) out of the log.
LOOPBACK_SHIM='
import logging, sys
import tornado.tcpserver
bind = tornado.tcpserver.TCPServer.bind
def bind_loopback(self, port, address=None, *args, **kwargs):
    return bind(self, port, "127.0.0.1", *args, **kwargs)
tornado.tcpserver.TCPServer.bind = bind_loopback
logging.getLogger("tornado.access").setLevel(logging.WARNING)
from apertium_apy.apy import main
sys.argv = ["apertium-apy"] + sys.argv[1:]
main()
'

die() {
  echo "apertium.sh: $*" >&2
  exit 1
}

installed() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || return 1
  done
  command -v curl >/dev/null
}

cmd_install() {
  installed && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "install needs root (or sudo)"
    sudo=(sudo)
  fi
  local log="$RUN_DIR/archivista-apertium-install.log"
  if ! { "${sudo[@]}" apt-get update &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}" curl; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get failed (full log: $log)"
  fi
}

answers() {
  curl -fsS --max-time 2 "$BASE/listPairs" 2>/dev/null | grep -q '"responseStatus": *200'
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # A stale pid file may name a process that is not ours any more.
  grep -q apertium_apy "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

python_for_apy() {
  local py
  for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import apertium_apy.apy, tornado.tcpserver' 2>/dev/null; then
      echo "$py"
      return 0
    fi
  done
  return 1
}

warm() {
  local chain="$1" text="$2" out
  out="$(curl -fsS --max-time 30 -X POST "$BASE/translateChain" \
    --data-urlencode "langpairs=$chain" --data-urlencode 'markUnknown=no' --data-urlencode "q=$text")" ||
    die "warming $chain failed (log: $LOG_FILE)"
  grep -q '"translatedText"' <<<"$out" || die "warming $chain gave no translation: $out"
}

check_modes() {
  local mode
  for mode in eng-cat cat-ita ita-cat cat-eng; do
    [ -f "$MODES_DIR/$mode.mode" ] || return 1
  done
}

cmd_serve() {
  PORT="${1:-$PORT}"
  local py
  if ! command -v apertium-apy >/dev/null || ! py="$(python_for_apy)"; then
    echo "apertium.sh: apertium-apy is not installed" >&2
    exit 3
  fi
  check_modes || {
    echo "apertium.sh: the eng-cat and cat-ita pairs are not installed in $MODES_DIR" >&2
    exit 3
  }
  exec "$py" -c "$LOOPBACK_SHIM" -p "$PORT" "$MODES_DIR"
}

cmd_start() {
  answers && return 0
  installed || die "Apertium is not installed; run: scripts/apertium.sh install"
  check_modes || die "missing modes in $MODES_DIR (eng-cat, cat-ita, ita-cat, cat-eng)"
  local py
  py="$(python_for_apy)" || die "no python3 can import apertium_apy (is apertium-apy installed?)"
  mkdir -p "$RUN_DIR"
  nohup "$py" -c "$LOOPBACK_SHIM" -p "$PORT" "$MODES_DIR" >"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      die "APy exited during start (port $PORT busy?)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 20 "$LOG_FILE" >&2
      die "APy did not answer on $BASE within ${START_TIMEOUT_S}s"
    fi
    sleep 0.25
  done
  # A pair's first call starts its pipeline (~0.6 s); pay it now, not on the first question.
  warm 'eng|cat|ita' 'What did the government announce?'
  warm 'ita|cat|eng' 'Che cosa ha annunciato il governo?'
}

cmd_stop() {
  local pid
  pid="$(running_pid)" || {
    rm -f "$PID_FILE"
    return 0
  }
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$PID_FILE"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) answers ;;
  serve) cmd_serve "${2:-}" ;;
  *)
    echo "usage: scripts/apertium.sh install|start|stop|status|serve" >&2
    exit 2
    ;;
esac
