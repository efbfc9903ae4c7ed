#!/bin/sh
# bcp serve from the command line: help, bad options, a folder that is not
# there, and one request over loopback.  The full API, preview and browser
# tests are tests/serve/ (make serve-test).
set -u
fail=0
ok() { echo "ok: serve-cli: $1"; }
bad() { echo "FAIL: serve-cli: $1"; fail=1; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir "$tmp/plans"
cp "$root/examples/minimal.bcp" "$tmp/plans/"
timeout 10 "$BCP" serve "$tmp/plans" --port 99999 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q -- '--port' "$tmp/err" && ok "a bad --port: usage error" || bad "--port 99999: $st"
timeout 10 "$BCP" serve "$tmp/plans" --bind nowhere --port 0 2>"$tmp/err"; st=$?
[ $st = 2 ] && grep -q -- '--bind' "$tmp/err" && ok "a bad --bind: error" || bad "--bind nowhere: $st"
timeout 10 "$BCP" serve "$tmp/no-such-dir" --port 0 2>"$tmp/err"; st=$?
[ $st = 2 ] && ok "a missing folder: error" || bad "missing dir: $st"
"$BCP" help serve | grep -q -- '--max-request' && ok "bcp help serve" || bad "help serve"
timeout 10 "$BCP" serve "$tmp/plans" --timeout 0 2>"$tmp/err"; st=$?
[ $st = 2 ] && ok "--timeout 0: usage error" || bad "--timeout 0: $st"
for v in 0 1.5 10s 3600001; do
    timeout 10 "$BCP" serve "$tmp/plans" --time-limit $v 2>"$tmp/err"; st=$?
    [ $st = 2 ] && grep -q -- '--time-limit takes milliseconds' "$tmp/err" && ok "--time-limit $v: usage error" || bad "--time-limit $v: $st"
done
"$BCP" help serve | grep -q -- '--time-limit MS' && ok "help serve: --time-limit" || bad "help serve lacks --time-limit"
timeout 10 "$BCP" serve "$tmp/plans" --max-request lots 2>"$tmp/err"; st=$?
[ $st = 2 ] && ok "--max-request lots: usage error" || bad "--max-request lots: $st"
timeout 10 "$BCP" serve "$tmp/plans" extra --port 0 2>"$tmp/err"; st=$?
[ $st = 2 ] && ok "two folders: usage error" || bad "two folders: $st"
. "$root/tests/serve/lib.sh"
if serve_start "$tmp/plans"; then
    body=$(curl -s "$base/v1/plans")
    case $body in *'"minimal.bcp"'*) ok "GET /v1/plans over loopback" ;; *) bad "plans: $body" ;; esac
    serve_stop && ok "SIGTERM: status 0" || bad "stop status"
    pid=""
else
    bad "the server did not start"
fi
exit $fail
