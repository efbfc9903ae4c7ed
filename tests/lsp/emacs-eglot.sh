#!/bin/sh
# make lsp-emacs-test (not part of make test): bcp lsp driven by headless
# Emacs and eglot.  eglot is built into Emacs 29+; for Debian bookworm's
# Emacs 28 it is the package elpa-eglot (sh tools/deps.sh --editors installs it).  Without
# eglot the script says so and exits 0 (skipped).
# usage: sh tests/lsp/emacs-eglot.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: emacs-eglot.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v emacs >/dev/null 2>&1 || { echo "lsp-emacs-test: emacs is missing: skipped"; exit 0; }
BCP="$bcp" REPO="$root" timeout 120 emacs --batch -Q -l "$here/emacs-eglot-test.el" </dev/null
status=$?
[ $status = 77 ] && exit 0
exit $status
