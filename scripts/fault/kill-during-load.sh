#!/usr/bin/env bash
# Kills the server with SIGKILL in the middle of a load test and starts it
# again; the load tool's phones reconnect and resend by themselves, and its
# summary checks that every input was stored exactly once.
#
#   scripts/fault/kill-during-load.sh [phones] [rate] [seconds]
#
# Builds the server and the load tool, uses a fresh data folder in /tmp and
# port 8097. Exits non-zero if anything was lost or doubled, or if the
# database fails PRAGMA integrity_check (sqlite3 CLI, if installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
phones=${1:-2000}; rate=${2:-1000}; seconds=${3:-40}
work=$(mktemp -d /tmp/samrad-fault.XXXXXX)
export SAMRAD_ADMIN_EMAIL=fault@example.se SAMRAD_ADMIN_PASSWORD='kraftig vind över hamnen'
go build -o "$work/samrad-server" ./server
go build -o "$work/samrad-load" ./scripts/load

start() {
  SAMRAD_DATA="$work/data" SAMRAD_ADDR=127.0.0.1:8097 "$work/samrad-server" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf http://127.0.0.1:8097/healthz >/dev/null && return; sleep 0.1; done
  echo "server did not start"; exit 1
}

start
"$work/samrad-load" -url http://127.0.0.1:8097 -phones "$phones" -tables $((phones / 10 > 0 ? phones / 10 : 1)) \
  -dashboards 5 -rate "$rate" -duration "${seconds}s" -drain 60s >"$work/load.out" 2>&1 &
load=$!
sleep $((seconds / 2 + 5))
echo "killing the server (SIGKILL) at $(date +%T)"
kill -9 "$server"; wait "$server" 2>/dev/null || true
sleep 2
echo "starting it again"
start
status=0
wait "$load" || status=$?
cat "$work/load.out"
if command -v sqlite3 >/dev/null; then
  echo "integrity_check: $(sqlite3 "$work/data/samrad.db" 'PRAGMA integrity_check')"
fi
kill "$server"; wait "$server" 2>/dev/null || true
echo "logs and data in $work"
exit $status
