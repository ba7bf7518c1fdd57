#!/usr/bin/env bash
# Serve one index from N replica processes behind the round-robin front.
#
#   deploy/run_replicas.sh [N]        (default 2; Ctrl-C stops everything)
#
# Environment (all optional):
#   SCRUTINY_INDEX_DIR   the index every replica serves (default data/index)
#   PYTHON               interpreter with the project installed (default .venv/bin/python)
#   FRONT                HOST:PORT of the front (default 127.0.0.1:8000)
#   FIRST_PORT           port of replica 1; replica i listens on FIRST_PORT+i-1 (default 8001)
#   BIND                 host the replicas listen on (default 127.0.0.1)
#
# Replicas only read the index. Build or update it with `python -m indexer build`
# (add --ray for a cluster) at any time: each replica switches to the newly published
# version on its next request, with no restart.
set -euo pipefail

N="${1:-2}"
PYTHON="${PYTHON:-.venv/bin/python}"
FRONT="${FRONT:-127.0.0.1:8000}"
FIRST_PORT="${FIRST_PORT:-8001}"
BIND="${BIND:-127.0.0.1}"
cd "$(dirname "$0")/.."

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

upstreams=()
for i in $(seq 1 "$N"); do
    port=$((FIRST_PORT + i - 1))
    # --no-build: replicas never write the index; one builder does.
    "$PYTHON" -m search_api serve --no-build --host "$BIND" --port "$port" &
    pids+=("$!")
    upstreams+=(--upstream "http://$BIND:$port")
done

"$PYTHON" deploy/proxy.py --listen "$FRONT" "${upstreams[@]}" &
pids+=("$!")
echo "front on http://$FRONT/ -> $N replicas from port $FIRST_PORT (Ctrl-C stops)"
wait -n
echo "a process exited; stopping the rest" >&2
exit 1
