#!/bin/sh
# make lsp-emacs-test, and part of make lsp-test: bcp lsp driven by headless
# Emacs and eglot.  eglot is built into Emacs 29+; for Debian bookworm's
# Emacs 28 it is the package elpa-eglot (sh tools/deps.sh installs it).  Without
# eglot the script says so and exits 0 (skipped), unless LSP_EMACS_REQUIRED=1.
# usage: sh tests/lsp/emacs-eglot.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: emacs-eglot.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# With LSP_EMACS_REQUIRED=1 (make lsp-test) a missing Emacs or eglot fails.
required=${LSP_EMACS_REQUIRED:-0}
if ! command -v emacs >/dev/null 2>&1; then
    echo "lsp-emacs-test: emacs is missing (sh tools/deps.sh installs emacs-nox)"
    [ "$required" = 1 ] && exit 1
    echo "lsp-emacs-test: skipped"; exit 0
fi
# Emacs gets a temporary folder of its own (the test's copy of the plan and
# whatever Emacs and eglot create), removed afterwards whatever happened.
work=$(mktemp -d "${TMPDIR:-/tmp}/bcp-eglot-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# In make lsp-test only the verdict is shown, and Emacs's log on failure.
log=$work/emacs.log
TMPDIR=$work BCP="$bcp" REPO="$root" timeout 120 emacs --batch -Q -l "$here/emacs-eglot-test.el" </dev/null >"$log" 2>&1
status=$?
if [ "$required" = 1 ] && [ $status = 0 ]; then grep '^emacs-eglot-test:' "$log"; else cat "$log"; fi
if [ $status = 77 ]; then
    [ "$required" = 1 ] && { echo "lsp-emacs-test: elpa-eglot is missing (sh tools/deps.sh installs it)"; exit 1; }
    exit 0
fi
exit $status
