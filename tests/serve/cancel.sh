#!/bin/sh
# serve13b (issue 13): the work of a request past --time-limit is cancelled,
# a check's (and, serve13c, a preview's build: GET /render/P, below),
# so its thread is free again.  As many slow-by-construction checks as the
# server has request threads (a 14 MB plan of 100,000 functions: 3.2 s of
# check and 2.3 s of build each on a quiet machine; the 20,000 functions
# this used to send took 0.7 s by session 10, under the 1 s limit, and the
# test failed on a quiet machine) get 504 E324 at the limit; a small check sent right after must
# be answered 200 by a freed thread (without cancellation it waited for a
# thread past its own limit: 503 E325), and the server then stops cleanly.
# usage: sh tests/serve/cancel.sh BCP [LIMIT_MS [RETRIES]] (serve-test:
# release and ASan, no retry; tsan.sh: ThreadSanitizer, where a job winds
# down slowly on a loaded machine, so the next check may be refused busy
# RETRIES times before it must be served — still well short of the
# uncancelled jobs' own time, ~15 s each under TSan on a quiet machine)
set -u
BCP=$(cd "$(dirname "${1:?usage: cancel.sh BCP [LIMIT_MS [RETRIES]]}")" && pwd)/$(basename "$1")
limit=${2:-1000}
retries=${3:-0}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
fail=0
ok() { echo "ok: serve-cancel: $1"; }
bad() { echo "FAIL: serve-cancel: $1"; fail=1; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/plans"
cp "$root/examples/minimal.bcp" "$tmp/plans/"
{
    cat "$root/examples/minimal.bcp"
    awk 'BEGIN { for (i = 0; i < 100000; i++)
        printf "function f%d {\n  title = \"Function %d\"\n  rto = 24h\n  owner = contact.owner\n  needs = [system.email]\n  depends_on = [function.f%d]\n}\n", i, i, (i + 1) % 100000 }'
} | jq -Rs '{text: ., name: "slow.bcp"}' >"$tmp/slow.json"
threads=$(nproc 2>/dev/null || echo 2)
[ "$threads" -gt 8 ] && threads=8   # the pool has at most one thread per core, 8 at most (bcp_worker_threads)
serve_start "$tmp/plans" --time-limit "$limit" --max-request 32M || exit 1
# slow WHAT ARGS...: as many requests as the pool has threads (curl ARGS), at
# once; each must get 504 E324 at the limit.
slow() {
    what=$1
    shift
    : >"$tmp/codes"
    cpids=""
    i=0
    while [ $i -lt "$threads" ]; do
        curl -s -o "$tmp/$what.$i" -w '%{http_code}\n' "$@" >>"$tmp/codes" &
        cpids="$cpids $!"
        i=$((i + 1))
    done
    wait $cpids
    n504=$(grep -c '^504$' "$tmp/codes")
    [ "$n504" = "$threads" ] && jq -e '.error.code == "E324"' "$tmp/$what.0" >/dev/null &&
        ok "$threads slow ${what}s: 504 E324 at --time-limit $limit" ||
        bad "slow ${what}s: $(sort "$tmp/codes" | uniq -c | tr -s ' \n' ' ') $(head -c 300 "$tmp/$what.0")"
}
# next WHAT FILTER ARGS...: one request right after (curl ARGS), refused busy
# at most RETRIES times, must be answered 200 with FILTER true of its body.
next() {
    what=$1 filter=$2
    shift 2
    tries=0
    while :; do
        code=$(curl -s -o "$tmp/small" -w '%{http_code}' "$@")
        [ "$code" = 503 ] && [ "$tries" -lt "$retries" ] || break
        tries=$((tries + 1))
    done
    [ "$tries" -gt 0 ] && echo "note: serve-cancel: the next $what was refused busy $tries time(s) first"
    [ "$code" = 200 ] && jq -e "$filter" "$tmp/small" >/dev/null &&
        ok "the next $what right after: 200 from a freed thread" ||
        bad "the next $what: $code $(head -c 300 "$tmp/small")"
}
slow check --data-binary @"$tmp/slow.json" "$base/v1/check"
next check '.findings | type == "array"' --data-binary '{"path":"minimal.bcp"}' "$base/v1/check"
# serve13c: the preview's build (GET /render/P, bcp_build_file) is stopped at
# the limit the same way: the same slow plan, on disk this time; then a small
# preview right after must come from a freed thread (before bcp_build_options
# had a cancel token, the builds ran on for seconds: 503 E325 here).
jq -r .text "$tmp/slow.json" >"$tmp/plans/slow.bcp"
slow preview "$base/render/slow.bcp"
next preview '.html | type == "string"' "$base/render/minimal.bcp"
serve_stop && ok "stopped with status 0" || bad "the server's stop"
pid=""
grep -q 'ThreadSanitizer\|AddressSanitizer\|LeakSanitizer' "$tmp/serve.err" && bad "$(grep -A20 Sanitizer "$tmp/serve.err" | head -30)"
exit $fail
