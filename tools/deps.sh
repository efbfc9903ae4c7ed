#!/bin/sh
# Installs the Debian packages bcp needs, only those that are missing.
# Idempotent: a second run installs nothing and says so.
set -eu
packages="gcc make pkg-config time libtree-sitter-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libcmocka-dev libjansson-dev g++ libphonenumber-dev chromium fonts-noto-cjk"
# bcp build --format pdf prints with chromium (CJK text needs fonts-noto-cjk);
# tests/cli/test_pdf.sh reads the PDF back with poppler-utils (pdftotext, pdfinfo, pdftoppm).
packages="$packages poppler-utils"
# The editor and pre-commit tests (tests/cli/test_editors.sh, test_precommit.sh).
packages="$packages git vim neovim emacs-nox pre-commit python3-yaml jq nodejs"
# make bench (tools/bench-build.sh): the cmark-gfm CLI as the Markdown baseline.
packages="$packages cmark-gfm"
# make serve-bench's second client (tests/serve/bench-wrk.lua).
packages="$packages wrk"
# bcp serve (compiler/serve/): libmicrohttpd.
packages="$packages libmicrohttpd-dev"
# npm comes with some nodejs builds (NodeSource's conflicts with Debian's npm).
if ! command -v npm >/dev/null 2>&1; then packages="$packages npm"; fi
# make fuzz (tools/deps.sh --fuzz): clang and its libFuzzer runtime; not for make test.
# bcp graph and the dependency figure: Graphviz's layout library (libgvc);
# tests/cli/test_graph.sh parses DOT back with `dot` and checks SVG with xmllint.
packages="$packages libgraphviz-dev graphviz libxml2-utils"
if [ "${1:-}" = --fuzz ]; then packages="$packages clang libclang-rt-14-dev"; fi
# make lsp-test's Emacs client test (tests/lsp/emacs-eglot.sh): eglot for
# Emacs 28 (about 110 kB with elpa-project, -xref, -seq).  --editors is kept
# for older scripts and adds nothing more.
packages="$packages elpa-eglot"
if [ "${BCP_DEPS_EXTRA:-}" ]; then packages="$packages $BCP_DEPS_EXTRA"; fi
missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    echo "deps: all packages present"
    exit 0
fi
echo "deps: installing$missing"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
# shellcheck disable=SC2086
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing
