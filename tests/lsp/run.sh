#!/bin/sh
# make lsp-test (part of make test-one): `bcp lsp` driven by real clients.
#   1. protocol-test.js: vscode-jsonrpc / vscode-languageserver-protocol (npm,
#      locked in package-lock.json, installed with npm ci);
#   2. vscode-extension-test.js: the VS Code extension against a mock vscode;
#   3. debounce-test.js: the default debounce, a longer one, and none;
#   4. random-edits.js: a recorded sequence (error-recovery-edits.json), then
#      LSP_RANDOM_EDITS (default 2000) random incremental edits, each
#      compared with a fresh full check of the same text;
#   5. nvim-lsp-test.lua: headless Neovim's built-in client;
#   6. emacs-eglot-test.el: headless Emacs with eglot (LSP_EMACS=0 skips it);
#   7. editor-configs.py: Helix's, Zed's and VS Code's settings parsed (TOML,
#      JSON) and the server each names started as it says.
# Node, npm, Neovim, Emacs and elpa-eglot come from Debian (tools/deps.sh).
# usage: sh tests/lsp/run.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: run.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
status=0
for tool in node npm nvim python3; do
    command -v $tool >/dev/null 2>&1 || { echo "lsp-test: $tool is missing (sh tools/deps.sh installs it)"; exit 1; }
done
sh "$root/tools/npm-ci.sh" "$here" lsp-test || exit 1
timeout 300 node "$here/protocol-test.js" "$bcp" "$root" || status=1
node "$here/vscode-extension-test.js" "$root" || status=1
timeout 120 node "$here/debounce-test.js" "$bcp" "$root" || status=1
# 66 recorded edits whose incremental error recovery once differed from a
# fresh parse (seed 7, edit 65), then new random ones.
LSP_RANDOM_REPLAY="$here/error-recovery-edits.json" LSP_RANDOM_MIN=66 LSP_RANDOM_SECONDS=240 timeout 300 node "$here/random-edits.js" "$bcp" "$root" || status=1
timeout $((${LSP_RANDOM_SECONDS:-600} + 120)) node "$here/random-edits.js" "$bcp" "$root" "${LSP_RANDOM_EDITS:-2000}" || status=1
(cd "$root" && BCP="$bcp" REPO="$root" timeout 300 nvim --headless --clean \
    -c "luafile $here/nvim-lsp-test.lua") </dev/null || { echo "lsp-test: the Neovim client test failed"; status=1; }
python3 "$here/editor-configs.py" "$bcp" "$root" || status=1
if [ "${LSP_EMACS:-1}" != 0 ]; then
    LSP_EMACS_REQUIRED=1 sh "$here/emacs-eglot.sh" "$bcp" || { echo "lsp-test: the Emacs eglot test failed"; status=1; }
fi
[ $status = 0 ] && echo "lsp-test: ok"
exit $status
