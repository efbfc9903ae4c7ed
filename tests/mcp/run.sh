#!/bin/sh
# make mcp-test (part of make test-one): `bcp mcp` driven by the official MCP
# TypeScript SDK client (@modelcontextprotocol/sdk from npm, locked in
# package-lock.json, installed with npm ci): mcp-test.js (tools, resources,
# prompts, the negative set), then cancel-test.js (cancellation, requests
# answered while a call runs, end of input).  Node and npm come from Debian
# (tools/deps.sh).
# usage: sh tests/mcp/run.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: run.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for tool in node npm; do
    command -v $tool >/dev/null 2>&1 || { echo "mcp-test: $tool is missing (sh tools/deps.sh installs it)"; exit 1; }
done
sh "$root/tools/npm-ci.sh" "$here" mcp-test || exit 1
st=0
timeout 600 node "$here/mcp-test.js" "$bcp" "$root" || st=1
timeout 900 node "$here/cancel-test.js" "$bcp" || st=1
exit $st
