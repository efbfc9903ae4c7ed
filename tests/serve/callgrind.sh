#!/bin/sh
# make serve-callgrind: instructions per POST /v1/check of examples/huadong
# (inline text), counted by valgrind --tool=callgrind in the server: a figure
# that does not depend on the machine's load.  Warm-up requests are counted
# apart (callgrind_control -z), then N requests from one client.
# usage: sh tests/serve/callgrind.sh BCP [N]
set -u
BCP=$(cd "$(dirname "${1:?usage: callgrind.sh BCP [N]}")" && pwd)/$(basename "$1")
n=${2:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v valgrind >/dev/null 2>&1 || { echo "serve-callgrind: valgrind is missing"; exit 1; }
tmp=$(mktemp -d)
trap 'kill -TERM "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
jq -n --rawfile t "$root/examples/huadong/plan.bcp" '{text: $t, name: "plan.bcp"}' >"$tmp/req.json"
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" "$BCP" serve "$root/examples/huadong" --port 0 \
    2>"$tmp/serve.err" &
pid=$!
port=""
i=0
while [ $i -lt 600 ] && [ -z "$port" ]; do
    port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/serve.err")
    sleep 0.1
    i=$((i + 1))
done
[ -n "$port" ] || { echo "serve-callgrind: the server did not start"; cat "$tmp/serve.err"; exit 1; }
post() { curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' \
         --data-binary @"$tmp/req.json" "http://127.0.0.1:$port/v1/check"; }
for i in 1 2 3; do post >/dev/null; done
callgrind_control -z $pid >/dev/null 2>&1
i=0
: >"$tmp/codes"
# One curl process with N transfers on a keep-alive connection.
set --
while [ $i -lt "$n" ]; do set -- "$@" --next -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' \
    --data-binary @"$tmp/req.json" "http://127.0.0.1:$port/v1/check"; i=$((i + 1)); done
curl "$@" >"$tmp/codes"
callgrind_control -d $pid >/dev/null 2>&1
ok=$(grep -c '^200$' "$tmp/codes")
kill -TERM $pid; wait $pid 2>/dev/null
# The dump that -d wrote (NAME.1) holds exactly the N requests.
dump=$(ls "$tmp"/cg.*.1 2>/dev/null | head -1)
ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p;s/^totals: *\([0-9]*\).*/\1/p' "$dump" | head -1)
[ -n "$ir" ] || { echo "serve-callgrind: no callgrind dump"; exit 1; }
echo "serve-callgrind: $ok of $n POST /v1/check (huadong, inline) answered 200"
echo "serve-callgrind: $ir instructions for $n requests: $((ir / n)) per request"
[ -n "${KEEP:-}" ] && cp "$dump" "$KEEP/"
[ "$ok" = "$n" ]
