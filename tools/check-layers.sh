#!/bin/sh
# The pipeline's layering, checked on every `make test`:
#
#   base < syntax < model < rules (lint) < render, fmt, diff < report < api < cli, lsp
#
# A file may include headers of its own folder and of lower layers only; peers
# (render, fmt, diff) do not include each other.  include/bcp.h, the public
# API, may be included anywhere.  The CLI (compiler/cli/) includes nothing of
# the library but bcp.h; so do the language server (compiler/lsp/) and the HTTP server (compiler/serve/).  Library code never prints, exits or aborts: the one
# abort is the default out-of-memory handler in compiler/base/alloc.c.
cd "$(dirname "$0")/.." || exit 2
rank() {
    case $1 in
        base) echo 0 ;; syntax) echo 1 ;; model) echo 2 ;; rules) echo 3 ;;
        render|fmt|diff) echo 4 ;; report) echo 5 ;; api) echo 6 ;; cli|lsp|mcp|serve) echo 7 ;;
        *) echo 99 ;;
    esac
}
status=0
fail() { echo "check-layers: $*"; status=1; }
for f in compiler/*/*.[ch] rules/*.[ch]; do
    dir=$(dirname "$f"); layer=${dir#compiler/}
    own=$(rank "$layer")
    [ "$own" = 99 ] && { fail "$f: folder $layer is not a pipeline stage"; continue; }
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r line; do
        n=${line%%:*}
        inc=$(printf '%s\n' "$line" | sed 's/.*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/')
        case $inc in
            bcp.h) continue ;;
            */*) to=${inc%%/*} ;;
            *) [ -f "$dir/$inc" ] || echo "check-layers: $f:$n: \"$inc\" is not in $dir/"; continue ;;
        esac
        if [ "$layer" = cli ] || [ "$layer" = lsp ] || [ "$layer" = mcp ] || [ "$layer" = serve ]; then
            echo "check-layers: $f:$n: the $layer face includes only bcp.h, not \"$inc\""; continue
        fi
        [ "$to" = "$layer" ] && continue
        r=$(rank "$to")
        if [ "$r" -ge "$own" ]; then
            echo "check-layers: $f:$n: $layer (layer $own) includes \"$inc\" (layer $r)"
        fi
    done
done >"${TMPDIR:-/tmp}/bcp-layers.$$"
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
