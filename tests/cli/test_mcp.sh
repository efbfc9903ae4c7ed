#!/bin/sh
# bcp mcp on raw stdio, without Node: malformed lines get the JSON-RPC errors
# (-32700 not JSON, -32600 not a request, -32601 no such method, -32602 bad
# params or an unknown tool), each on its own line, and the server goes on
# answering; a path outside the root is a tool error; protocol revisions are
# negotiated; end of input ends the server with status 0.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
root=$(cd "$(dirname "$0")/../.." && pwd)
ok() { echo "ok: mcp: $1"; }
bad() { echo "FAIL: mcp: $1"; fail=1; }
mkdir "$tmp/root"
cp "$root/examples/minimal.bcp" "$tmp/root/"
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}'
# ==== mcp13c part (issue 13): tool calls run on a worker thread and the end
# of input cancels those not yet answered, so the input stays open (a named
# pipe) until the 16 answers before the last line are in, and the tool calls'
# answers (ids 8 and 9) are looked up by id: requests read after them may be
# answered first.
: >"$tmp/out"   # there before the server opens it, for the count below
mkfifo "$tmp/in"
"$BCP" mcp --root "$tmp/root" <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
mcp_pid=$!
exec 3>"$tmp/in"
# ==== end of mcp13c part
{
    printf '%s\n' "$init"
    printf '%s\n' '{"jsonrpc":"2.0","method":"notifications/initialized"}'
    printf '%s\n' '{"jsonrpc":"2.0","id":2,"method":"tools/list"'          # cut short
    printf '%s\n' 'not json at all'
    printf '\377\376{}\n'                                                   # not UTF-8
    printf '%s\n' '[1,2,3]'                                                 # a batch (not in 2025-06-18)
    printf '%s\n' '42'
    printf '%s\n' '{"jsonrpc":"1.0","id":3,"method":"ping"}'
    printf '%s\n' '{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}'
    printf '%s\n' '{"jsonrpc":"2.0","id":4,"method":"no/such/method"}'
    printf '%s\n' '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":"check"}'
    printf '%s\n' '{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"rm"}}'
    printf '%s\n' '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"check","arguments":[1]}}'
    printf '%s\n' '{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"check","arguments":{"path":"../../etc/passwd"}}}'
    printf '%s\n' '{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"check","arguments":{"path":"minimal.bcp"}}}'
    printf '%s\n' '{"jsonrpc":"2.0","id":10,"method":"resources/read","params":{"uri":"bcp://plans/../x"}}'
    printf '%s\n' '{"jsonrpc":"2.0","id":11,"method":"ping"}'
    printf '%s' '{"jsonrpc":"2.0","id":12,"method":"ping"}'               # no final newline
} >&3
# ==== mcp13c part: end the input once the answers are in (at most 120 s)
i=0
while [ "$(wc -l <"$tmp/out")" -lt 16 ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i + 1)); done
exec 3>&-
wait $mcp_pid
rc=$?
# ==== end of mcp13c part
[ $rc = 0 ] && ok "end of input ends the server (status 0)" || bad "exit status $rc"
[ -s "$tmp/err" ] && { bad "wrote to stderr"; cat "$tmp/err"; }
line() { sed -n "${1}p" "$tmp/out"; }
expect() { # LINE PATTERN WHAT
    if line "$1" | grep -q -- "$2"; then ok "$3"; else bad "$3: $(line "$1" | cut -c1-300)"; fi
}
# ==== mcp13c part: the answer to request ID, wherever it is
expect_id() { # ID PATTERN WHAT
    if grep "^{\"jsonrpc\":\"2.0\",\"id\":$1," "$tmp/out" | grep -q -- "$2"; then ok "$3"
    else bad "$3: $(grep "\"id\":$1," "$tmp/out" | cut -c1-300)"; fi
}
# ==== end of mcp13c part
n=$(wc -l <"$tmp/out")
[ "$n" = 17 ] && ok "one line per answer (17)" || { bad "$n lines of output, not 17"; cat "$tmp/out"; }
expect 1 '"protocolVersion":"2025-06-18"' "initialize"
expect 2 '"id":null,"error":{"code":-32700' "a message cut short is -32700"
expect 3 '"id":null,"error":{"code":-32700' "not JSON is -32700"
expect 4 '"id":null,"error":{"code":-32700' "not UTF-8 is -32700"
expect 5 '"id":null,"error":{"code":-32600' "a batch is -32600 in 2025-06-18"
expect 6 '"id":null,"error":{"code":-32600' "a number is -32600"
expect 7 '"id":3,"error":{"code":-32600' "jsonrpc 1.0 is -32600"
expect 8 '"id":null,"error":{"code":-32600' "an object id is -32600"
expect 9 '"id":4,"error":{"code":-32601' "an unknown method is -32601"
expect 10 '"id":5,"error":{"code":-32602' "params that are not an object are -32602"
expect 11 '"id":6,"error":{"code":-32602,"message":"Unknown tool' "an unknown tool is -32602"
expect 12 '"id":7,"error":{"code":-32602' "arguments that are not an object are -32602"
expect_id 8 '"id":8,"result":{"content":\[{"type":"text","text":"[^"]*outside the root.*E302.*"isError":true' \
    "a path outside the root is a tool error (E302)"
expect_id 9 '"id":9,"result":{.*"structuredContent":{.*"findings":\[' "check answers after all that"
expect_id 10 '"id":10,"error":{"code":-32002' "a resource outside the root is -32002"
expect_id 11 '"id":11,"result":{}' "ping"
expect_id 12 '"id":12,"result":{}' "a last line without a newline is answered"

# Revisions: an unknown one gets the current; 2025-03-26 has batches.
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}' |
    "$BCP" mcp --root "$tmp/root" | grep -q '"protocolVersion":"2025-06-18"' &&
    ok "an unknown revision is answered with 2025-06-18" || bad "unknown revision"
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}' \
    '[{"jsonrpc":"2.0","id":2,"method":"ping"},{"jsonrpc":"2.0","id":3,"method":"ping"}]' |
    "$BCP" mcp --root "$tmp/root" >"$tmp/batch"
grep -q '"protocolVersion":"2025-03-26"' "$tmp/batch" && grep -q '"id":3,"result":{}' "$tmp/batch" &&
    ok "2025-03-26 is accepted, with batches" || { bad "2025-03-26"; cat "$tmp/batch"; }
# Before initialize only ping is answered.
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' | "$BCP" mcp --root "$tmp/root" |
    grep -q '"id":1,"error":{"code":-32600' && ok "tools/list before initialize is refused" || bad "tools/list before initialize"
# The command line.
"$BCP" mcp --root "$tmp/nope" </dev/null 2>"$tmp/err"
[ $? != 0 ] && grep -q 'not a folder' "$tmp/err" && ok "a missing root is refused" || bad "a missing root"
"$BCP" mcp --frobnicate </dev/null >/dev/null 2>&1
[ $? = 2 ] && ok "an unknown option is a usage error" || bad "an unknown option"
"$BCP" help mcp | grep -q -- '--allow-write' && ok "bcp help mcp" || bad "bcp help mcp"
exit $fail
