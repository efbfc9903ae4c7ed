#!/bin/sh
# The pipeline's layering, checked on every `make test`:
#
#   base < syntax < model < rules (lint) < render, fmt, diff < report < api < cli, lsp, mcp, serve
#
# A file may include headers of its own folder and of lower layers only; peers
# (render, fmt, diff) do not include each other.  include/bcp.h, the public
# API, may be included anywhere.  The CLI (compiler/cli/) includes nothing of
# the library but bcp.h; so do the language server (compiler/lsp/), the MCP
# server (compiler/mcp/) and the HTTP server (compiler/serve/).  Library code
# never prints, exits or aborts: the one abort is the default out-of-memory handler in compiler/base/alloc.c.
cd "$(dirname "$0")/.." || exit 2
status=0
fail() { echo "check-layers: $*"; status=1; }
# One awk over every file (a shell loop with a sed and a rank per include
# line forked ~8,000 times: 19 CPU seconds of make test-one; docs/performance.md).
for f in compiler/*/*.[ch] rules/*.[ch]; do
    [ -f "$f" ] && printf '%s\n' "$f"
done | awk '
function rank(l) {
    if (l == "base") return 0; if (l == "syntax") return 1; if (l == "model") return 2
    if (l == "rules") return 3; if (l == "render" || l == "fmt" || l == "diff") return 4
    if (l == "report") return 5; if (l == "api") return 6; if (l == "cli" || l == "lsp" || l == "mcp" || l == "serve") return 7
    return 99
}
function exists(path,   line, r) { r = (getline line < path) >= 0; close(path); return r }
{
    f = $0; dir = f; sub(/\/[^\/]*$/, "", dir); layer = dir; sub(/^compiler\//, "", layer)
    own = rank(layer)
    if (own == 99) { print "check-layers: " f ": folder " layer " is not a pipeline stage"; next }
    n = 0
    while ((getline line < f) > 0) {
        n++
        if (line !~ /^[[:space:]]*#[[:space:]]*include[[:space:]]*"/) continue
        inc = line; sub(/^[^"]*"/, "", inc); sub(/".*$/, "", inc)
        if (inc == "bcp.h") continue
        if (inc !~ /\//) {
            if (!exists(dir "/" inc)) print "check-layers: " f ":" n ": \"" inc "\" is not in " dir "/"
            continue
        }
        to = inc; sub(/\/.*$/, "", to)
        if (layer == "cli" || layer == "lsp" || layer == "mcp" || layer == "serve") {
            print "check-layers: " f ":" n ": the " layer " face includes only bcp.h, not \"" inc "\""; continue
        }
        if (to == layer) continue
        r = rank(to)
        if (r >= own) print "check-layers: " f ":" n ": " layer " (layer " own ") includes \"" inc "\" (layer " r ")"
    }
    close(f)
}' >"${TMPDIR:-/tmp}/bcp-layers.$$"
if [ -s "${TMPDIR:-/tmp}/bcp-layers.$$" ]; then cat "${TMPDIR:-/tmp}/bcp-layers.$$"; status=1; fi
rm -f "${TMPDIR:-/tmp}/bcp-layers.$$"
# Library code never prints, exits or aborts.
for f in compiler/base/*.c compiler/syntax/*.c compiler/model/*.c compiler/render/*.c \
         compiler/fmt/*.c compiler/diff/*.c compiler/report/*.c compiler/api/*.c rules/*.c; do
    [ -f "$f" ] || continue
    sed 's://.*$::' "$f" | grep -nE '(^|[^_[:alnum:]])(printf|fprintf|vfprintf|puts|fputs|fputc|putchar|perror|exit|_Exit|abort)[[:space:]]*\(' |
    while IFS= read -r hit; do
        case "$f:$hit" in
            compiler/base/alloc.c:*abort*) continue ;;   # the default out-of-memory handler
        esac
        echo "check-layers: $f:${hit%%:*}: library code must not print, exit or abort: $(printf '%s' "${hit#*:}" | sed 's/^[[:space:]]*//')"
    done
done >"${TMPDIR:-/tmp}/bcp-layers.$$"
if [ -s "${TMPDIR:-/tmp}/bcp-layers.$$" ]; then cat "${TMPDIR:-/tmp}/bcp-layers.$$"; status=1; fi
rm -f "${TMPDIR:-/tmp}/bcp-layers.$$"
[ $status = 0 ] && echo "check-layers: ok (includes only downward; the CLI uses bcp.h only; the library never prints or exits)"
exit $status
