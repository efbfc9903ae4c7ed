#!/bin/sh
# make tsan: bcp serve's concurrent path under ThreadSanitizer: the request
# pool with 8 clients at once, then work abandoned at the time limit
# (--time-limit 1) while more requests queue, then a stop with work still
# running.  A data race makes the server report and exit non-zero.
# usage: sh tests/serve/tsan.sh BCP (a -fsanitize=thread build)
set -u
BCP=$(cd "$(dirname "${1:?usage: tsan.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
fail=0
ok() { echo "ok: serve-tsan: $1"; }
bad() { echo "FAIL: serve-tsan: $1"; fail=1; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} exitcode=66 suppressions=$here/tsan.supp"
jq -Rs '{text: ., name: "plan.bcp"}' "$root/examples/huadong/plan.bcp" >"$tmp/huadong.json"
burst() {   # burst N: N concurrent checks; their statuses added to $tmp/codes
    cpids=""
    i=0
    while [ $i -lt "$1" ]; do
        curl -s -o /dev/null -w '%{http_code}\n' -X POST --data-binary @"$tmp/huadong.json" \
            "$base/v1/check" >>"$tmp/codes" &
        cpids="$cpids $!"
        i=$((i + 1))
    done
    wait $cpids
}
for limit in 600000 1; do
    serve_start "$root/examples" --time-limit $limit || exit 1
    : >"$tmp/codes"
    burst 8
    burst 8
    codes=$(sort "$tmp/codes" | uniq -c | tr -s ' \n' ' ')
    if [ $limit = 1 ]; then
        grep -qv '^50[34]$' "$tmp/codes" && bad "--time-limit 1: $codes" || ok "--time-limit 1: 16 checks, $codes"
    else
        grep -qv '^200$' "$tmp/codes" && bad "16 checks: $codes" || ok "16 checks from 8 clients: $codes"
    fi
    serve_stop
    st=$?
    pid=""
    if [ $st = 0 ] && ! grep -q 'ThreadSanitizer' "$tmp/serve.err"; then
        ok "--time-limit $limit: no data race, stopped with status 0"
    else
        bad "--time-limit $limit: status $st: $(grep -A30 'ThreadSanitizer' "$tmp/serve.err" | head -40)"
    fi
done
# serve13b: a job cancelled at the time limit, its thread serving the next request.
sh "$here/cancel.sh" "$BCP" 3000 2 || fail=1
exit $fail
