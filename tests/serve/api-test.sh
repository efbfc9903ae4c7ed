#!/bin/sh
# bcp serve over loopback: every /v1/ endpoint and error path, the preview's
# pages, the event stream, docs/openapi.yaml against the served routes, and
# that nothing under the folder is written.  usage: sh api-test.sh BCP
set -u
BCP=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
fail=0
ok() { echo "ok: serve: $1"; }
bad() { echo "FAIL: serve: $1"; fail=1; }
tmp=$(mktemp -d)
trap 'kill -TERM "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$root/examples" "$tmp/plans"
snapshot() { (cd "$tmp/plans" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
snapshot >"$tmp/before"

serve_start "$tmp/plans" --max-request 64k || exit 1
ok "listening on port $port"

# record METHOD PATH: with SERVE_RESPONSES=DIR (run.sh), the last /v1/ response
# is kept there for tests/serve/openapi-test.js to validate against its schema.
nrec=0
record() {
    saved=""
    [ -n "${SERVE_RESPONSES:-}" ] || return 0
    case $2 in /v1/*|/v1) ;; *) return 0 ;; esac
    nrec=$((nrec + 1))
    cp "$tmp/body" "$SERVE_RESPONSES/$nrec.body"
    saved=$SERVE_RESPONSES/$nrec.body
    printf '%s %s %s %s\n' "$nrec" "$1" "$2" "$status" >>"$SERVE_RESPONSES/index"
}
# req METHOD PATH [BODY]: the status in $status, the body in $tmp/body.
req() {
    if [ $# -ge 3 ]; then
        status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' \
                 --data-binary "$3" "$base$2")
    else
        status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$1" "$base$2")
    fi
    record "$1" "$2"
}
# expect NAME STATUS [JQ-TEST]: the last request's status, and a jq test on its body.
# ==== perfA: the jq tests are not run one jq each (a jq start is ~25 ms of
# CPU, more than most requests) but gathered, with a copy of the body, and
# run in one jq by expect_flush (before each server stops); their ok/bad
# lines come then, in order.  Each is judged as `jq -e TEST BODY` would be:
# true unless its last result is false or null, or it gives none, or the body
# is not JSON, or the test fails.
nexp=0
mkdir "$tmp/exp"
printf '[\n' >"$tmp/exp/prog"
expect() {
    if [ "$status" != "$2" ]; then bad "$1: status $status, not $2: $(head -c 300 "$tmp/body")"; return; fi
    [ $# -ge 3 ] || { ok "$1"; return; }
    nexp=$((nexp + 1))
    f=$saved
    [ -n "$f" ] || { f=$tmp/exp/$nexp.body; cp "$tmp/body" "$f"; }
    printf '%s\n' "$1" >>"$tmp/exp/names"
    printf '%s\n' "$3" >>"$tmp/exp/tests"
    printf '%s\n' "$f" >>"$tmp/exp/bodies"
    printf '($b%d | try ([fromjson | (%s)] | length > 0 and (last | . != false and . != null)) catch false),\n' "$nexp" "$3" >>"$tmp/exp/prog"
}
expect_flush() {
    [ "$nexp" -gt 0 ] || return 0
    printf 'empty] | .[]\n' >>"$tmp/exp/prog"
    set --; i=0
    while IFS= read -r f; do i=$((i + 1)); set -- "$@" --rawfile "b$i" "$f"; done <"$tmp/exp/bodies"
    jq -n -r "$@" -f "$tmp/exp/prog" >"$tmp/exp/results" 2>"$tmp/exp/err" ||
        bad "the jq tests did not run: $(head -c 300 "$tmp/exp/err")"
    exec 3<"$tmp/exp/names" 4<"$tmp/exp/tests" 5<"$tmp/exp/bodies"
    while IFS= read -r name <&3 && IFS= read -r test <&4 && IFS= read -r f <&5; do
        IFS= read -r r || r=missing
        if [ "$r" = true ]; then ok "$name"; else bad "$name: $test fails on $(head -c 300 "$f")"; fi
    done <"$tmp/exp/results"
    exec 3<&- 4<&- 5<&-
    nexp=0
    rm -f "$tmp"/exp/*
    printf '[\n' >"$tmp/exp/prog"
}
# ==== end of perfA part
err() { echo ".error.code == \"$1\""; }

plan_text=$(jq -Rs . "$tmp/plans/minimal.bcp")

# --- plans
req GET /v1/plans
expect "GET /v1/plans lists the plans" 200 '.files | index("huadong/plan.bcp") and index("minimal.bcp")'
req POST /v1/plans '{}'
expect "POST /v1/plans: 405" 405 "$(err E321)"

# --- check
req POST /v1/check '{"path":"huadong/plan.bcp"}'
expect "check a plan by path" 200 '(.findings | type) == "array" and (.errors | type) == "number"'
req POST /v1/check "{\"text\":$plan_text,\"name\":\"plan.bcp\"}"
expect "check inline text" 200 '(.findings | type) == "array" and .syntax_errors != true'
req POST /v1/check '{"text":"plan x {\n  title = \n}\n"}'
expect "check a broken text: findings with a location" 200 '.errors > 0 and (.findings[0].line | type) == "number"'
req POST /v1/check '{"path": '
expect "check bad JSON: 400 E300" 400 "$(err E300)"
req POST /v1/check '[1,2]'
expect "check a JSON array: 400" 400 "$(err E300)"
req POST /v1/check '{"path":"minimal.bcp","colour":"red"}'
expect "check an unknown argument: 400" 400 "$(err E300)"
req POST /v1/check '{"path":"../../etc/passwd"}'
expect "check a path outside the folder: 403 E302" 403 "$(err E302)"
req POST /v1/check '{"path":"/etc/passwd"}'
expect "check an absolute path: 403 E302" 403 "$(err E302)"
req POST /v1/check '{"path":"nowhere.bcp"}'
expect "check a missing file: 404 E305" 404 "$(err E305)"
req GET /v1/check
expect "GET /v1/check: 405 E321" 405 "$(err E321)"
head -c 70000 /dev/zero | tr '\0' 'a' >"$tmp/big"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST --data-binary @"$tmp/big" "$base/v1/check")
record POST /v1/check
expect "a body over --max-request: 413 E322" 413 "$(err E322)"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/big" "$base/v1/check")
record POST /v1/check
expect "a chunked body over --max-request: 413 E322" 413 "$(err E322)"

# --- build
req POST /v1/build '{"path":"minimal.bcp"}'
expect "build Markdown" 200 '.format == "markdown" and (.document | length) > 100'
req POST /v1/build '{"path":"minimal.bcp","format":"json"}'
expect "build JSON" 200 '.format == "json" and (.document | fromjson | type) == "object"'
req POST /v1/build '{"path":"minimal.bcp","format":"html"}'
expect "build HTML in the body" 200 '.format == "html" and (.document | test("^<!(doctype|DOCTYPE) html"))'
req POST /v1/build "{\"text\":$plan_text,\"format\":\"markdown\"}"
expect "build inline text" 200 '(.document | length) > 100'
req POST /v1/build "{\"text\":$plan_text,\"format\":\"html\"}"
expect "build HTML of inline text" 200 '.format == "html" and (.document | test("^<!(doctype|DOCTYPE) html"))'
req POST /v1/build '{"path":"minimal.bcp","format":"html","output":"out.html"}'
expect "build with output: 403 E304 (nothing is written)" 403 "$(err E304)"
req POST /v1/build '{"path":"minimal.bcp","format":"pdf"}'
expect "build an unknown format: 400" 400 "$(err E300)"
req POST /v1/build '{"path":"minimal.bcp","lang":"fr"}'
case $status in 4*) ok "build an unknown language: $status" ;; *) bad "build lang fr: $status" ;; esac

# --- format
req POST /v1/format '{"text":"plan   x {\ntitle=\"X\"\n}\n"}'
expect "format inline text" 200 '.changed == true and (.text | test("title = \"X\""))'
req POST /v1/format '{"path":"minimal.bcp"}'
expect "format a file (returned, not written)" 200 '(.text | type) == "string"'
req POST /v1/format '{"path":"minimal.bcp","write":true}'
expect "format write: 403 E304" 403 "$(err E304)"
req GET /v1/format
expect "GET /v1/format: 405" 405 "$(err E321)"

# --- diff
req POST /v1/diff '{"old":"minimal.bcp","new":"minimal.bcp"}'
expect "diff a plan with itself" 200 '.differ == false'
req POST /v1/diff "{\"old_text\":$plan_text,\"new_text\":$(jq -Rs 'sub("rto *= *[0-9]+h"; "rto = 900h")' "$tmp/plans/minimal.bcp")}"
expect "diff two texts" 200 '(.differ | type) == "boolean" and (.weakening | type) == "array"'
req POST /v1/diff '{"path":"minimal.bcp","revision":"HEAD"}'
expect "diff against a revision (no git reader in serve): 400 E306" 400 "$(err E306)"
req POST /v1/diff 'not json'
expect "diff bad JSON: 400" 400 "$(err E300)"

# --- simulate (expected figures: tests/cli/test_simulate.sh checks the engine; here the route)
req POST /v1/simulate '{"path":"huadong/plan.bcp","lose":["site.shanghai"]}'
expect "simulate losing a site" 200 '.simulations[0].lost == ["site.shanghai"] and (.simulations[0].functions | length) > 0 and ([.simulations[0].functions[].verdict] | all(. == "within-rto" or . == "rto-missed" or . == "time-unknown" or . == "mtpd-breached" or . == "no-recovery-path"))'
cli=$("$BCP" simulate "$tmp/plans/huadong/plan.bcp" --lose site.shanghai --format json 2>/dev/null | jq -c '[.simulations[0].functions[] | [.function, .verdict, .recovery_seconds]]')
got=$(jq -c '[.simulations[0].functions[] | [.function, .verdict, .recovery_seconds]]' "$tmp/body")
[ -n "$cli" ] && [ "$cli" = "$got" ] && ok "simulate: the same functions, verdicts and times as bcp simulate" || bad "simulate differs from the CLI: $got vs $cli"
req POST /v1/simulate "{\"text\":$plan_text,\"each\":true}"
expect "simulate each single loss of inline text" 200 '(.simulations | type) == "array"'
req POST /v1/simulate '{"path":"huadong/plan.bcp","lose":["system.erp"],"at":"2026-01-05","for":"12h"}'
expect "simulate with at and for" 200 '.simulations[0].start != null and .simulations[0].for == "12h"'
req POST /v1/simulate '{"path":"huadong/plan.bcp","lose":["site.nowhere"]}'
expect "simulate an entity the plan does not have: 400 E300" 400 "$(err E300) and (.error.message | test(\"nowhere\"))"
req POST /v1/simulate '{"path":"huadong/plan.bcp","lose":5}'
expect "simulate lose not a list or string: 400 E300" 400 "$(err E300)"
req POST /v1/simulate '{"path":"../x.bcp","lose":["site.a"]}'
expect "simulate outside the folder: 403 E302" 403 "$(err E302)"
req GET /v1/simulate
expect "GET /v1/simulate: 405" 405 "$(err E321)"

# --- graph
req POST /v1/graph '{"path":"huadong/plan.bcp"}'
expect "graph: DOT by default" 200 '.format == "dot" and (.text | test("^digraph"))'
cli=$("$BCP" graph "$tmp/plans/huadong/plan.bcp" --format mermaid 2>/dev/null)
req POST /v1/graph '{"path":"huadong/plan.bcp","format":"mermaid"}'
[ "$status" = 200 ] && [ -n "$cli" ] && [ "$(jq -r .text "$tmp/body")" = "$cli" ] && ok "graph mermaid: the text of bcp graph" || bad "graph mermaid differs: $status"
req POST /v1/graph "{\"text\":$plan_text,\"format\":\"svg\"}"
expect "graph SVG of inline text" 200 '.format == "svg" and (.text | test("<svg"))'
req POST /v1/graph '{"path":"huadong/plan.bcp","format":"png"}'
expect "graph an unknown format: 400 E300" 400 "$(err E300)"
req POST /v1/graph '{"path":"huadong/plan.bcp","focus":"system.nope"}'
expect "graph focus on nothing: 400 E300" 400 "$(err E300)"
req GET /v1/graph
expect "GET /v1/graph: 405" 405 "$(err E321)"

# --- readiness
req POST /v1/readiness '{"path":"huadong/plan.bcp"}'
expect "readiness of a plan" 200 '.scored == true and (.readiness.areas | length) == 6 and (.readiness.score | . >= 0 and . <= 100)'
cli=$("$BCP" check "$tmp/plans/huadong/plan.bcp" --summary --format json 2>/dev/null | jq -c '[.. | objects | select(has("readiness")) | .readiness.score][0]')
[ -n "$cli" ] && [ "$cli" = "$(jq -c .readiness.score "$tmp/body")" ] && ok "readiness: the score of bcp check --summary ($cli)" || bad "readiness score $(jq -c .readiness.score "$tmp/body") vs $cli"
req POST /v1/readiness "{\"text\":$plan_text,\"name\":\"plan.bcp\"}"
expect "readiness of inline text" 200 '.readiness.areas | length == 6'
req POST /v1/readiness '{"path":"nowhere.bcp"}'
expect "readiness of a missing file: 404 E305" 404 "$(err E305)"
req POST /v1/readiness '{"path":"minimal.bcp","extra":1}'
expect "readiness an unknown argument: 400 E300" 400 "$(err E300)"

# --- explain
req GET /v1/explain/E103
expect "explain E103" 200 '.code == "E103" and (.markdown | length) > 0'
req GET /v1/explain/E322
expect "explain serve's own code E322" 200 '.code == "E322"'
req GET /v1/explain/Z999
case $status in 4*) jq -e '.error.code' "$tmp/body" >/dev/null && ok "explain an unknown code: $status" || bad "explain Z999 body" ;; *) bad "explain Z999: $status" ;; esac
req POST /v1/explain/E103 '{}'
expect "POST /v1/explain: 405" 405 "$(err E321)"

# --- schema
req GET /v1/schema
expect "schema: the kinds" 200 '(.kinds | length) > 5'
req GET /v1/schema/plan
expect "schema/plan" 200 '.kind | type == "object"'
req GET /v1/schema/no_such_kind
case $status in 4*) ok "schema of an unknown kind: $status" ;; *) bad "schema/no_such_kind: $status" ;; esac
req GET /v1/schema/plan/extra
expect "schema/plan/extra: 404 E320" 404 "$(err E320)"

# --- unknown
req GET /v1/nothing
expect "an unknown endpoint: 404 E320" 404 "$(err E320)"
req GET /nothing
expect "an unknown page: 404 E320" 404 "$(err E320)"
req DELETE /v1/check
expect "DELETE: 405" 405 "$(err E321)"
req PUT /
expect "PUT /: 405" 405 "$(err E321)"

# --- preview pages
req GET /
[ "$status" = 200 ] && grep -q 'href="/preview/huadong/plan.bcp"' "$tmp/body" && ok "the index links each plan" || bad "index: $status"
req GET /preview/huadong/plan.bcp
[ "$status" = 200 ] && grep -q '/assets/preview.js' "$tmp/body" && ok "the preview page" || bad "preview page: $status"
req GET /preview/nowhere.bcp
expect "the preview of a file not under the folder: 404" 404 "$(err E305)"
req GET /render/huadong/plan.bcp
expect "render: the HTML document and the findings" 200 '(.html | test("<html")) and (.findings | type) == "array"'
req GET '/render/../../../etc/passwd'
case $status in 404) ok "render outside the folder: 404" ;; *) bad "render ../: $status" ;; esac
for a in preview.js preview.css index.js; do
    req GET /assets/$a
    [ "$status" = 200 ] && ok "asset $a" || bad "asset $a: $status"
done
ctype=$(curl -s -o /dev/null -w '%{content_type}' "$base/assets/preview.js")
case $ctype in text/javascript*) ok "JS served as text/javascript" ;; *) bad "preview.js type $ctype" ;; esac

# --- events: a change to a plan under a subfolder is announced
curl -s -N --max-time 5 "$base/events" >"$tmp/events" &
cpid=$!
sleep 0.5
printf '\n# touched\n' >>"$tmp/plans/huadong/contacts.bcp"
i=0
while [ $i -lt 40 ] && ! grep -q 'huadong/contacts.bcp' "$tmp/events"; do sleep 0.1; i=$((i + 1)); done
kill $cpid 2>/dev/null; wait $cpid 2>/dev/null
grep -q '^event: change' "$tmp/events" && grep -q '"path":"huadong/contacts.bcp"' "$tmp/events" \
    && ok "/events announces a change in a subfolder" || bad "no change event: $(cat "$tmp/events")"
mkdir "$tmp/plans/newdir"
sleep 0.3
curl -s -N --max-time 5 "$base/events" >"$tmp/events2" &
cpid=$!
sleep 0.5
printf 'plan n {\n  title = "N"\n}\n' >"$tmp/plans/newdir/n.bcp"
i=0
while [ $i -lt 40 ] && ! grep -q 'newdir/n.bcp' "$tmp/events2"; do sleep 0.1; i=$((i + 1)); done
kill $cpid 2>/dev/null; wait $cpid 2>/dev/null
grep -q '"path":"newdir/n.bcp"' "$tmp/events2" && ok "/events: a folder made after the start is watched" || bad "no event from newdir: $(cat "$tmp/events2")"
rm -r "$tmp/plans/newdir"
sed -i '$d' "$tmp/plans/huadong/contacts.bcp"; sed -i '$d' "$tmp/plans/huadong/contacts.bcp"

# --- OpenAPI: every path and method in docs/openapi.yaml is served, and vice versa
python3 - "$root/docs/openapi.yaml" >"$tmp/spec" <<'PY' || bad "docs/openapi.yaml does not parse"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
assert d["openapi"].startswith("3.1"), d["openapi"]
for path, ops in d["paths"].items():
    for m in ops:
        if m in ("get", "post", "put", "delete", "patch"):
            print(m.upper(), path)
PY
sed -n 's/^ *"\(\(GET\|POST\) \/v1\/[^"]*\)",$/\1/p' "$root/compiler/serve/api.c" | LC_ALL=C sort >"$tmp/routes"
LC_ALL=C sort "$tmp/spec" >"$tmp/spec.sorted"
if [ -s "$tmp/routes" ] && cmp -s "$tmp/routes" "$tmp/spec.sorted"; then
    ok "docs/openapi.yaml lists exactly the routes api.c serves ($(wc -l <"$tmp/routes"))"
else
    bad "openapi and routes differ: $(diff "$tmp/routes" "$tmp/spec.sorted" | tr '\n' ' ')"
fi
while read -r m p; do
    url=$(printf '%s' "$p" | sed 's/{code}/E103/; s/{kind}/plan/')
    if [ "$m" = POST ]; then req POST "$url" '{"path":"minimal.bcp"}'; else req GET "$url"; fi
    case $status in 200|4[0-9][0-9]) [ "$status" != 404 ] || jq -e '.error.code != "E320"' "$tmp/body" >/dev/null ;; *) false ;; esac \
        && ok "served: $m $p ($status)" || bad "$m $p: $status $(head -c 200 "$tmp/body")"
done <"$tmp/spec.sorted"

# --- nothing written; a clean stop
snapshot >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok "no file under the folder changed" || bad "files changed: $(diff "$tmp/before" "$tmp/after")"
expect_flush
serve_stop
st=$?
[ $st = 0 ] && ok "SIGTERM: status 0" || bad "stop status $st"

# --- the time limit: a check of huadong takes more than 1 ms
serve_start "$tmp/plans" --time-limit 1 || exit 1
huadong=$(jq -Rs '{text: ., name: "plan.bcp"}' "$tmp/plans/huadong/plan.bcp")
# (On a busy machine a thread may not even pick the request up within 1 ms:
# that is 503 E325, and the request is sent again, up to 10 times.)
i=0
while [ $i -lt 10 ]; do
    req POST /v1/check '{"path":"huadong/plan.bcp"}'
    [ "$status" = 503 ] && jq -e "$(err E325)" "$tmp/body" >/dev/null || break
    i=$((i + 1))
done
expect "--time-limit 1: 504 E324" 504 "$(err E324) and (.error.message | test(\"1 ms\"))"
# Several at once: each is 504 (it ran too long) or 503 E325 (no thread was free in time).
printf '%s' "$huadong" >"$tmp/huadong.json"
cpids=""
for i in 1 2 3 4 5 6; do
    curl -s -o "$tmp/par$i" -w '%{http_code}' -X POST --data-binary @"$tmp/huadong.json" "$base/v1/check" >"$tmp/par$i.status" &
    cpids="$cpids $!"
done
wait $cpids
for i in 1 2 3 4 5 6; do
    status=$(cat "$tmp/par$i.status"); cp "$tmp/par$i" "$tmp/body"; record POST /v1/check
    case $status in
        504) jq -e "$(err E324)" "$tmp/body" >/dev/null && ok "concurrent $i: 504 E324" || bad "concurrent $i: $(cat "$tmp/body")" ;;
        503) jq -e "$(err E325)" "$tmp/body" >/dev/null && ok "concurrent $i: 503 E325" || bad "concurrent $i: $(cat "$tmp/body")" ;;
        *) bad "concurrent $i: status $status" ;;
    esac
done
# The server is still up and answers.
kill -0 "$pid" 2>/dev/null && ok "the server is up after the time limits" || bad "the server died"
req GET /v1/explain/E324
case $status in 200|503|504) jq -e 'type == "object"' "$tmp/body" >/dev/null && ok "it answers ($status)" || bad "answer: $status" ;; *) bad "after the limit: $status" ;; esac
expect_flush
serve_stop
st=$?
[ $st = 0 ] && ok "SIGTERM after abandoned work: status 0" || bad "stop status $st"

exit $fail
