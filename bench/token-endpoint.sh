#!/usr/bin/env bash
# Load on POST /oauth2/token of a running Clavis (mvn -Pstart package), bounded in time and connections.
# Usage: CLIENT_ID=clavis-admin CLIENT_SECRET=... bench/token-endpoint.sh [base-url] [seconds] [connections]
# Reports requests per second and latency from wrk, and the server's CPU time per request (both share 2 cores here,
# so CPU per request is the number to compare between runs).
set -euo pipefail
base=${1:-http://localhost:8080}
seconds=${2:-20}
connections=${3:-16}
: "${CLIENT_ID:?set CLIENT_ID}" "${CLIENT_SECRET:?set CLIENT_SECRET}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
pid=${SERVER_PID:-$(pgrep -f 'payara-micro.*--deploy' | head -n1)} # SERVER_PID when several servers run
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
here=$(dirname "$0")

# Warm up: JIT, the client cache and the verified-secret cache.
wrk -t2 -c"$connections" -d5s -s "$here/token.lua" "$base/oauth2/token" >/dev/null
before=$(ticks)
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/token.lua" "$base/oauth2/token")
after=$(ticks)
echo "$out"
requests=$(echo "$out" | awk '/requests in/ {print $1}')
hz=$(getconf CLK_TCK)
awk -v t=$((after - before)) -v r="$requests" -v hz="$hz" \
    'BEGIN { printf "server CPU per request: %.3f ms\n", t / hz * 1000 / r }'
