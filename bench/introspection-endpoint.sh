#!/usr/bin/env bash
# Load on POST /oauth2/introspect of a running Clavis (mvn -Pstart package), bounded in time and connections: the
# client introspects one of its own tokens (signature check, denylist and client snapshot from memory).
# Usage: CLIENT_ID=clavis-admin CLIENT_SECRET=... bench/introspection-endpoint.sh [base-url] [seconds] [connections]
# Reports requests per second and latency from wrk, and the server's CPU time per request.
set -euo pipefail
base=${1:-http://localhost:8080}
seconds=${2:-20}
connections=${3:-16}
: "${CLIENT_ID:?set CLIENT_ID}" "${CLIENT_SECRET:?set CLIENT_SECRET}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
pid=${SERVER_PID:-$(pgrep -f 'payara-micro.*--deploy' | head -n1)} # SERVER_PID when several servers run
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
here=$(dirname "$0")

TOKEN=$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$base/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
export TOKEN
curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" --data-urlencode "token=$TOKEN" "$base/oauth2/introspect" \
    | grep -q '"active":true' || { echo "the token does not introspect as active" >&2; exit 1; }

# Warm up: JIT, the client cache, the verified-secret cache and the parsed JWK set.
wrk -t2 -c"$connections" -d5s -s "$here/introspect.lua" "$base/oauth2/introspect" >/dev/null
before=$(ticks)
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/introspect.lua" "$base/oauth2/introspect")
after=$(ticks)
echo "$out"
requests=$(echo "$out" | awk '/requests in/ {print $1}')
hz=$(getconf CLK_TCK)
awk -v t=$((after - before)) -v r="$requests" -v hz="$hz" \
    'BEGIN { printf "server CPU per request: %.3f ms\n", t / hz * 1000 / r }'
