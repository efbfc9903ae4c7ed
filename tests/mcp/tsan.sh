#!/bin/sh
# make mcp-tsan (make tsan, test-tsan): bcp mcp's threads (the reader, the
# tool calls' worker, the writer; issue 13) under ThreadSanitizer: the SDK
# tests (tests/mcp/mcp-test.js: every tool, resource and prompt) and the
# cancellation tests (cancel-test.js: calls cancelled running and waiting,
# requests answered on the reading thread while the worker checks, end of
# input), the latter on a plan of 20,000 functions so that TSan's memory
# stays under 1 GB.  Both fail on a sanitizer report on a server's standard
# error.
# usage: sh tests/mcp/tsan.sh BCP (a -fsanitize=thread build)
set -u
bcp=$(cd "$(dirname "${1:?usage: tsan.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v node >/dev/null 2>&1 || { echo "mcp-tsan: node is missing (sh tools/deps.sh installs it)"; exit 1; }
sh "$root/tools/npm-ci.sh" "$here" mcp-test || exit 1
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} suppressions=$here/tsan.supp"
st=0
timeout 900 node "$here/mcp-test.js" "$bcp" "$root" || st=1
MCP_CANCEL_FUNCTIONS=20000 timeout 900 node "$here/cancel-test.js" "$bcp" || st=1
exit $st
