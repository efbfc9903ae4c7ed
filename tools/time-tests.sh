#!/bin/sh
# Where the time of `make test-one` goes: runs each piece of one flavour's
# suite on its own (each unit binary, the corpus, each tests/cli/test_*.sh,
# check-docs, check-layers, fuzz-replay, hostile, lsp-test, mcp-test,
# serve-test) and prints one
# line per piece: wall seconds, CPU seconds (user+system, children included:
# the work, which a loaded machine does not change much), the number of bcp
# invocations (counted by a wrapper that execs the real binary) and the status.
#   usage: sh tools/time-tests.sh OUTDIR [PIECE...]     (OUTDIR: build or build/asan)
# The binaries must exist (make BUILD=... all unit corpus fuzz-replay first).
# The sanitizer options are those `make test` uses for the asan flavour.
set -u
out=${1:?usage: time-tests.sh OUTDIR [PIECE...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-time.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# The wrapper lives beside links to everything in OUTDIR (some scripts find
# libbcp.so or the test binaries next to $BCP).
shim=$tmp/bin
mkdir -p "$shim"
for f in "$out"/*; do ln -s "$f" "$shim/$(basename "$f")"; done
rm -f "$shim/bcp"
printf '#!/bin/sh\necho >>"%s/count"\nexec "%s/bcp" "$@"\n' "$tmp" "$out" >"$shim/bcp"
chmod +x "$shim/bcp"
case $out in
    */asan) export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
                UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
                LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp} \
                HOSTILE_TIME_SCALE=${HOSTILE_TIME_SCALE:-6} ;;
esac
export BCP="$shim/bcp"

pieces=$*
if [ -z "$pieces" ]; then
    for t in "$out"/tests/test_*; do pieces="$pieces unit:$(basename "$t")"; done
    pieces="$pieces corpus"
    for t in tests/cli/test_*.sh; do pieces="$pieces cli:$(basename "$t" .sh)"; done
    pieces="$pieces check-docs check-layers fuzz-replay hostile lsp-test mcp-test serve-test"
fi
# The suites that lay out graphs run under ASan with slow unwinding (the
# Makefile's GRAPH_LAYOUT_TESTS, tests/lsan.supp): the same here.
graph_tests=$(make -s --no-print-directory -f Makefile -f - print-graph-tests <<'MK' 2>/dev/null
print-graph-tests: ; @echo $(GRAPH_LAYOUT_TESTS) $(ASAN_GRAPH_OPTIONS)
MK
)
graph_options=${graph_tests##* }
asan_options() { # PIECE: the ASAN_OPTIONS of that piece
    case $out in */asan) ;; *) echo "${ASAN_OPTIONS:-}"; return ;; esac
    target=$(echo "$1" | sed 's/^unit:/unit-/; s/^cli:/cli-/')
    case " $graph_tests " in
        *" $target "*) echo "$ASAN_OPTIONS:$graph_options" ;;
        *) echo "$ASAN_OPTIONS" ;;
    esac
}

run_piece() {
    case $1 in
        unit:*) "$out/tests/${1#unit:}" ;;
        corpus) "$out/tests/corpus_runner" grammar/test/corpus ;;
        # test_install runs make install in $BCP's folder: the real one.
        cli:test_install) BCP="$out/bcp" sh tests/cli/test_install.sh ;;
        cli:*) sh "tests/cli/${1#cli:}.sh" ;;
        check-docs) sh tools/check-docs.sh "$BCP" && sh tools/check-docs.sh "$BCP" docs/regimes.md --regimes &&
                    sh tools/check-docs.sh "$BCP" docs/regions.md --regions ;;
        check-layers) sh tools/check-layers.sh ;;
        fuzz-replay) sh tools/fuzz-replay.sh "$out/tests/fuzz" ;;
        hostile) sh tests/hostile/run.sh "$BCP" ;;
        lsp-test) LSP_RANDOM_EDITS=${LSP_RANDOM_EDITS:-300} LSP_RANDOM_SECONDS=${LSP_RANDOM_SECONDS:-60} \
                  sh tests/lsp/run.sh "$BCP" ;;
        mcp-test) sh tests/mcp/run.sh "$BCP" ;;
        serve-test) sh tests/serve/run.sh "$BCP" ;;
        *) echo "unknown piece $1" >&2; return 2 ;;
    esac
}

# CPU seconds of this shell's waited-for children (cutime + cstime of
# /proc/PID/stat), for the deltas around each piece.
tck=$(getconf CLK_TCK)
child_cpu() { awk -v t="$tck" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$$/stat"; }

printf '%-28s %8s %8s %8s %s\n' piece wall_s cpu_s bcp_runs status
for p in $pieces; do
    : >"$tmp/count"
    cpu0=$(child_cpu)
    start=$(date +%s.%N)
    ( ASAN_OPTIONS=$(asan_options "$p"); export ASAN_OPTIONS; run_piece "$p" ) >"$tmp/log" 2>&1 </dev/null
    status=$?
    end=$(date +%s.%N)
    cpu1=$(child_cpu)
    runs=$(wc -l <"$tmp/count")
    awk -v p="$p" -v w0="$start" -v w1="$end" -v c0="$cpu0" -v c1="$cpu1" -v r="$runs" \
        -v s="$([ $status = 0 ] && echo ok || echo "FAIL($status)")" \
        'BEGIN { printf "%-28s %8.1f %8.1f %8d %s\n", p, w1 - w0, c1 - c0, r, s }'
    [ $status = 0 ] || tail -20 "$tmp/log" | sed 's/^/    /'
done
