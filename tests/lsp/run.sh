#!/bin/sh
# make lsp-test (part of make test-one): `bcp lsp` driven by real clients.
#   1. protocol-test.js: vscode-jsonrpc / vscode-languageserver-protocol (npm,
#      locked in package-lock.json, installed with npm ci);
#   2. random-edits.js: LSP_RANDOM_EDITS (default 2000) random incremental
#      edits, each checked against a full-sync server;
#   3. nvim-lsp-test.lua: headless Neovim's built-in client.
# Node, npm and Neovim come from Debian (tools/deps.sh).
# usage: sh tests/lsp/run.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: run.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
status=0
for tool in node npm nvim; do
    command -v $tool >/dev/null 2>&1 || { echo "lsp-test: $tool is missing (sh tools/deps.sh installs it)"; exit 1; }
done
sh "$root/tools/npm-ci.sh" "$here" lsp-test || exit 1
timeout 300 node "$here/protocol-test.js" "$bcp" "$root" || status=1
node "$here/vscode-extension-test.js" "$root" || status=1
timeout 600 node "$here/random-edits.js" "$bcp" "$root" "${LSP_RANDOM_EDITS:-2000}" || status=1
(cd "$root" && BCP="$bcp" REPO="$root" timeout 300 nvim --headless --clean \
    -c "luafile $here/nvim-lsp-test.lua") </dev/null || { echo "lsp-test: the Neovim client test failed"; status=1; }
[ $status = 0 ] && echo "lsp-test: ok"
exit $status
