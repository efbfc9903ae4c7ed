#!/bin/sh
# make fuzz: every libFuzzer target of tests/fuzz/ (built by the Makefile's
# fuzz flavour: clang, ASan + UBSan) for SECONDS each, JOBS at a time.
# usage: sh tools/fuzz.sh FUZZDIR [SECONDS] [JOBS]      (not part of make test)
# FUZZ_TARGETS="service mcp" in the environment runs only those.
#
# Seeds: the files of tests/fuzz/seeds/ (the grammar corpus and nesting at
# and past the limits: tools/fuzz-seeds.sh), the examples, the stdlib, the
# rule fixtures (for `diff`, each rule's bad and good fixture as one old/new
# pair) and the target's earlier crashes.  The faces' targets (service, mcp,
# lsp, serve: messages, not plans) take tests/fuzz/seeds/TARGET/ instead of
# the plans.  The dictionary is tests/fuzz/bcp.dict
# (tools/fuzz-dict.sh).  Inputs may grow to 1 MiB, above the input limits,
# so that their refusals are fuzzed too.  libFuzzer runs in fork mode and
# goes on after a crash; every crash, timeout or out-of-memory input is
# written to tests/fuzz/crashes/TARGET/, which make test replays (see
# tools/fuzz-replay.sh).  Prints per target the executions, exec/s, CPU seconds,
# coverage (cov: edges, ft: features), corpus size and the findings, each
# new one with its first line of explanation.
set -eu
fuzzdir=${1:?usage: fuzz.sh FUZZDIR [SECONDS] [JOBS]}
seconds=${2:-60}
jobs=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
fuzzdir=$(cd "$fuzzdir" && pwd)
# What third-party libraries keep for the life of the process (fontconfig
# and Graphviz, under the HTML's dependency figure) is not a finding: the
# suppressions make test uses.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}
# Graphviz's own leaks are suppressed by their frames (flat_rev,
# dot_mincross), which only the slow unwinder sees; with the fast one every
# HTML document with a dependency figure was a "leak" (six false findings
# of render_html in session 7).  The targets that lay out graphs get the
# Makefile's GRAPH_LAYOUT_TESTS options.
graph_asan="fast_unwind_on_malloc=0:malloc_context_size=8"
targets=${FUZZ_TARGETS:-"parse lint render_md render_html render_json fmt diff service mcp lsp serve"}
for t in $targets; do
    [ -x "$fuzzdir/fuzz/$t" ] || { echo "fuzz: $fuzzdir/fuzz/$t missing (make BUILD=fuzz fuzz-bins)" >&2; exit 2; }
done

# The seeds that live elsewhere in the tree, flattened into one folder.
extra=$fuzzdir/seeds/extra
pairs=$fuzzdir/seeds/diff-pairs
rm -rf "$extra" "$pairs"
mkdir -p "$extra" "$pairs"
n=0
for f in "$root"/tests/fuzz/seeds/*.bcp "$root"/examples/*.bcp "$root"/examples/*/*.bcp "$root"/stdlib/*/*.bcp "$root"/tests/rules/*.bcp; do
    n=$((n + 1))
    cp "$f" "$extra/$n-$(basename "$f")"
done
for bad in "$root"/tests/rules/*.bad.bcp; do
    good=${bad%.bad.bcp}.good.bcp
    [ -f "$good" ] || continue
    { cat "$bad"; printf '\n%%%%\n'; cat "$good"; } >"$pairs/$(basename "$bad" .bad.bcp).bcp"
done

# The first line that says why an input failed: an invariant of the target
# ("report: ...") or a sanitizer's summary.
signature() { # TARGET FILE
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}$graph_asan "$fuzzdir/fuzz/$1" -runs=1 "$2" 2>&1 | grep -m 1 -E '^[a-z_]+: |^SUMMARY: |^==[0-9]+== ERROR: libFuzzer: (timeout|out-of-memory)' |
        sed 's/^==[0-9]*== //' | cut -c 1-160
}

run() { # TARGET
    t=$1
    corpus=$fuzzdir/corpus/$t
    crashes=$root/tests/fuzz/crashes/$t
    mkdir -p "$corpus" "$crashes" "$fuzzdir/run/$t"
    ls "$crashes" >"$fuzzdir/run/$t.before"
    case $t in
    service | mcp | lsp | serve) set -- "$corpus" "$root/tests/fuzz/seeds/$t" ;;
    *) set -- "$corpus" "$extra" ;;
    esac
    [ "$t" = diff ] && set -- "$@" "$pairs"
    [ -n "$(ls "$crashes")" ] && set -- "$@" "$crashes"
    # Fork mode writes its jobs' logs and temporary corpora to the cwd.
    case $t in
    render_html | service | mcp | serve) opts=${ASAN_OPTIONS:+$ASAN_OPTIONS:}$graph_asan ;;
    *) opts=${ASAN_OPTIONS:-} ;;
    esac
    # The CPU seconds of the target and its fork-mode jobs (GNU time, when
    # installed): with more targets than cores, wall time overstates a run.
    timer=
    [ -x /usr/bin/time ] && timer="/usr/bin/time -f %U+%S -o $fuzzdir/$t.cpu"
    rm -f "$fuzzdir/$t.cpu"
    (cd "$fuzzdir/run/$t" && ASAN_OPTIONS=$opts $timer "$fuzzdir/fuzz/$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -max_len=1048576 -timeout=20 -rss_limit_mb=2048 \
        -dict="$root/tests/fuzz/bcp.dict" -artifact_prefix="$crashes/" "$@" >"$fuzzdir/$t.log" 2>&1) || true
}

i=0
for t in $targets; do
    echo "fuzz: $t for ${seconds}s ($(date -u +%H:%M:%S))"
    run "$t" &
    i=$((i + 1))
    [ $((i % jobs)) -eq 0 ] && wait
done
wait

printf '\n%-12s %10s %8s %7s %7s %7s %7s %s\n' target execs "exec/s" "cpu s" cov ft corpus findings
status=0
for t in $targets; do
    # The fork mode's last status line: "#RUNS: cov: C ft: F corp: N exec/s E oom/timeout/crash: a/b/c time: Ts ..."
    # (RUNS counts every job's executions, the initial pass over the seeds included).
    line=$(grep -E '^#[0-9]+: cov:' "$fuzzdir/$t.log" | tail -n 1)
    new=$(ls "$root/tests/fuzz/crashes/$t" | grep -vxF -f "$fuzzdir/run/$t.before" || true)
    count=$(printf '%s' "$new" | grep -c . || true)
    cpu=$(tail -n 1 "$fuzzdir/$t.cpu" 2>/dev/null | awk -F+ 'NF == 2 { printf "%d", $1 + $2 }')
    echo "$t ${cpu:--} ${line:-#0: cov: 0 ft: 0 corp: 0 exec/s 0} $count" | awk '{
        cpu = $2; runs = $3; sub(/^#/, "", runs); sub(/:$/, "", runs)
        for (i = 4; i <= NF; i++) { if ($i == "cov:") c = $(i+1); if ($i == "ft:") f = $(i+1);
            if ($i == "corp:") k = $(i+1); if ($i == "time:") { t = $(i+1); sub(/s$/, "", t) } }
        # The status line'"'"'s own exec/s is the last job'"'"'s; this is the whole run'"'"'s.
        printf "%-12s %10s %8.1f %7s %7s %7s %7s %s\n", $1, runs, (t > 0 ? runs / t : 0), cpu, c, f, k, $NF }'
    for f in $new; do
        echo "    $t/$f: $(signature "$t" "$root/tests/fuzz/crashes/$t/$f")"
        status=1
    done
done
echo "logs: $fuzzdir/TARGET.log; corpora: $fuzzdir/corpus/; findings: tests/fuzz/crashes/TARGET/"
exit $status
