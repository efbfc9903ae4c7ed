#!/bin/sh
# bcp lsp on raw stdin/stdout (no client needed): the help, a bad option,
# initialize / shutdown / exit, an unknown method, and a client that leaves.
# The protocol tests with real clients are tests/lsp/ (make lsp-test).
set -u
fail=0
ok() { echo "ok: lsp: $1"; }
bad() { echo "FAIL: lsp: $1"; fail=1; }
frame() { printf 'Content-Length: %s\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BCP" help lsp | grep -q 'Language Server Protocol 3.17' && ok "help" || bad "bcp help lsp"
"$BCP" lsp --debounce soon </dev/null >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q 'debounce' "$tmp/err" && ok "a bad --debounce is a usage error" || bad "--debounce soon"

{ frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"bcp/none"}'
  frame '{"jsonrpc":"2.0","id":3,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'; } | "$BCP" lsp >"$tmp/out"
st=$?
[ $st = 0 ] && ok "shutdown then exit: status 0" || bad "shutdown/exit status $st"
grep -q '"id":1,"result":{"capabilities"' "$tmp/out" && ok "initialize answered" || bad "no initialize result: $(head -c 300 "$tmp/out")"
grep -q '"id":2,"error":{"code":-32601' "$tmp/out" && ok "unknown method: -32601" || bad "unknown method"
grep -q '"id":3,"result":null' "$tmp/out" && ok "shutdown answered" || bad "shutdown"

frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}' | "$BCP" lsp >/dev/null
st=$?
[ $st = 1 ] && ok "a client gone without exit: status 1" || bad "EOF status $st"
exit $fail
