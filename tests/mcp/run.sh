#!/bin/sh
# make mcp-test (part of make test-one): `bcp mcp` driven by the official MCP
# TypeScript SDK client (@modelcontextprotocol/sdk from npm, locked in
# package-lock.json, installed with npm ci).  Node and npm come from Debian
# (tools/deps.sh).
# usage: sh tests/mcp/run.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: run.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for tool in node npm; do
    command -v $tool >/dev/null 2>&1 || { echo "mcp-test: $tool is missing (sh tools/deps.sh installs it)"; exit 1; }
done
# npm ci only when the lock file changed since the last install; flock keeps
# two runs in this work tree from installing at the same time.
install='cmp -s package-lock.json node_modules/.bcp-lock ||
    { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.bcp-lock; }'
log=${TMPDIR:-/tmp}/bcp-mcp-npm.$$
if command -v flock >/dev/null 2>&1; then
    (cd "$here" && flock /tmp/bcp-mcp-test-npm.lock sh -c "$install") >"$log" 2>&1
else
    (cd "$here" && sh -c "$install") >"$log" 2>&1
fi
if [ ! -f "$here/node_modules/.bcp-lock" ]; then
    echo "mcp-test: npm ci in tests/mcp failed:"; cat "$log"; rm -f "$log"; exit 1
fi
rm -f "$log"
timeout 600 node "$here/mcp-test.js" "$bcp" "$root"
