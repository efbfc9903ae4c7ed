#!/bin/sh
# make serve-bench: REQUESTS POST /v1/check of examples/huadong from CLIENTS
# keep-alive clients, measured twice:
# 1. tests/serve/bench.js: Node's own http client (no npm); also the
#    server's RSS as requests go on (memory must not grow with requests);
# 2. wrk (Debian's, C and epoll; tests/serve/bench-wrk.lua), against a fresh
#    server: a client that costs the two cores far less CPU per request than
#    Node's, so that its latencies are more nearly the server's own.
# Each prints the server's CPU per request and the client's.
# usage: sh tests/serve/bench.sh BCP [REQUESTS] [CLIENTS]
set -u
bcp=$(cd "$(dirname "${1:?usage: bench.sh BCP}")" && pwd)/$(basename "$1")
n=${2:-${SERVE_BENCH_REQUESTS:-10000}}
clients=${3:-8}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
echo "== bcp serve: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
node "$here/bench.js" "$bcp" "$n" "$clients" || exit 1

command -v wrk >/dev/null 2>&1 || { echo "serve-bench: wrk is missing (sh tools/deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-bench.XXXXXX") || exit 1
pid=""
trap '[ -n "$pid" ] && serve_stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
jq -n --rawfile t "$root/examples/huadong/plan.bcp" '{text: $t, name: "plan.bcp"}' >"$tmp/req.json"
BCP=$bcp
. "$here/lib.sh"
serve_start "$root/examples/huadong" || exit 1
url="$base/v1/check"
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$tmp/req.json" "$url")
[ "$status" = 200 ] || { echo "serve-bench: FAIL: warm-up request: HTTP $status"; exit 1; }
# CPU seconds (user + system) of a process so far: /proc/PID/stat fields 14 and 15.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
before=$(rss "$pid")
t0=$(ticks "$pid")
BENCH_N=$n BENCH_BODY=$tmp/req.json /usr/bin/time -f '%U %S' -o "$tmp/wrk.time" \
    wrk -t1 -c"$clients" -d600s -s "$here/bench-wrk.lua" "$url" >"$tmp/wrk.out" 2>&1
t1=$(ticks "$pid")
after=$(rss "$pid")
grep '^wrk: ' "$tmp/wrk.out" | sed 's/^wrk: /serve-bench (wrk): /'
responses=$(sed -n 's/^wrk: \([0-9]*\) responses.*/\1/p' "$tmp/wrk.out")
bad=$(sed -n 's/.*not 2xx: \([0-9]*\), socket errors: \([0-9]*\)$/\1 \2/p' "$tmp/wrk.out")
[ -n "$responses" ] && [ "$responses" -gt 0 ] || { echo "serve-bench: FAIL: wrk gave no result"; cat "$tmp/wrk.out"; exit 1; }
[ "$bad" = "0 0" ] || { echo "serve-bench: FAIL: wrk: $bad (not 2xx, socket errors)"; exit 1; }
awk -v s="$t0" -v e="$t1" -v hz="$hz" -v n="$responses" -v c="$(cat "$tmp/wrk.time")" -v b="$before" -v a="$after" 'BEGIN {
    split(c, u, " ")
    printf "serve-bench (wrk): server CPU %.2f ms per request, wrk %.3f ms (user + system)\n", (e - s) * 1000 / hz / n, (u[1] + u[2]) * 1000 / n
    printf "serve-bench (wrk): server RSS %d kB before, %d kB after (%+d kB)\n", b, a, a - b }'
