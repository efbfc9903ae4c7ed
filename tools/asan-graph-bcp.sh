#!/bin/sh
# perf8: bcp under ASan for the scripts that lay out graphs (the Makefile's
# GRAPH_LAYOUT_TESTS), installed as a link $(OUT)/bcp-graph beside the bcp it
# runs.  LeakSanitizer needs ASan's slow unwinder to see the Graphviz frame
# that tests/lsan.supp names (flat_rev), and that unwinder makes every
# malloc dearer (~75 % more CPU for a `bcp check`).  So only the runs of a
# command that can lay out a graph get $BCP_ASAN_GRAPH_OPTIONS; the others
# (check, parse, fmt, diff, graph without svg...) keep the fast unwinder.
# Nothing is hidden by this: the fast unwinder can only match fewer
# suppressions, so a Graphviz leak in a run misjudged here is reported
# (the run fails), never dropped.  A command that is not listed gets the
# slow unwinder.
# No dirname: some tests run bcp with an empty PATH.
case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
slow=1
for a in "$@"; do
    case $a in
    check | parse | schema | fmt | diff | rules | explain | --version | --help | help)
        slow=""; break ;;
    # ==== perfB part: simulate lays out no Graphviz graph (its HTML timeline
    # is bcp's own SVG), so it keeps the fast unwinder
    simulate)
        slow=""; break ;;
    # ==== end
    graph)
        slow=""
        for b in "$@"; do
            case $b in svg | --format=svg) slow=1 ;; esac
        done
        break ;;
    build | init | lsp | mcp | serve) break ;;
    esac
done
if [ -n "$slow" ] && [ -n "${BCP_ASAN_GRAPH_OPTIONS:-}" ]; then
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}$BCP_ASAN_GRAPH_OPTIONS
    export ASAN_OPTIONS
fi
exec "$here/bcp" "$@"
