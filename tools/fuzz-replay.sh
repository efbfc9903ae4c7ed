#!/bin/sh
# make fuzz-replay (part of make test-one): every crash libFuzzer found,
# tests/fuzz/crashes/TARGET/*, fed again to TARGET's LLVMFuzzerTestOneInput
# by the gcc-built replay driver (REPLAYDIR/replay_TARGET; under ASan+UBSan
# in the asan flavour).  A crash that is not fixed yet is listed in
# tests/fuzz/crashes/OPEN ("TARGET/FILE  folder-to-fix  what"): it runs on
# its own and is reported as still open or as fixed (then take it off the
# list), without failing the suite.  Any other file that crashes fails it.
# Then the examples and the rule fixtures go through parse, lint, fmt and
# diff, so that their checks (fmt idempotent, meaning-preserving, keeping
# the findings of suppressions; diff(x, x) empty; reports valid) hold on
# every plan the project ships; the faces' targets (service, mcp, lsp,
# serve) read their seeds, tests/fuzz/seeds/TARGET/.
# usage: sh tools/fuzz-replay.sh REPLAYDIR
set -u
dir=${1:?usage: fuzz-replay.sh REPLAYDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
crashes=$root/tests/fuzz/crashes
open=$crashes/OPEN
failed=0
total=0
for driver in "$dir"/replay_*; do
    target=${driver##*/replay_}
    [ -d "$crashes/$target" ] || continue
    set --
    for f in "$crashes/$target"/*; do
        [ -f "$f" ] || continue
        total=$((total + 1))
        if [ -f "$open" ] && grep -q "^$target/${f##*/}[[:space:]]" "$open"; then
            if "$driver" "$f" >/dev/null 2>&1; then
                echo "fuzz-replay: $target/${f##*/} runs clean now: take it off tests/fuzz/crashes/OPEN"
            else
                echo "fuzz-replay: $target/${f##*/} still open ($(grep "^$target/${f##*/}[[:space:]]" "$open" | awk '{ print $2 }'))"
            fi
            continue
        fi
        set -- "$@" "$f"
    done
    [ $# -gt 0 ] || continue
    if ! "$driver" "$@" 2>"$dir/replay_$target.log"; then
        echo "fuzz-replay: FAIL $target (see $dir/replay_$target.log):"
        tail -n 30 "$dir/replay_$target.log"
        failed=1
    fi
done
# replay TARGET LOG WHAT FILE...: the files through TARGET, which must run clean.
replay() {
    target=$1 log=$dir/replay_$1.$2.log what=$3
    shift 3
    total=$((total + $#))
    if ! "$dir/replay_$target" "$@" 2>"$log"; then
        echo "fuzz-replay: FAIL $target on $what (see $log):"
        tail -n 30 "$log"
        failed=1
    fi
}
for target in parse lint fmt diff; do
    replay "$target" shipped "the examples and rule fixtures" \
        "$root"/examples/*.bcp "$root"/examples/*/*.bcp "$root"/tests/rules/*.bcp
done
# The faces' targets (messages, not plans) on their committed seeds.
for target in service mcp lsp serve; do
    replay "$target" seeds "its seeds" "$root"/tests/fuzz/seeds/$target/*
done
if [ -f "$open" ]; then
    # An OPEN line whose file is gone is stale.
    while read -r name _; do
        case $name in '' | '#'*) continue ;; esac
        [ -f "$crashes/$name" ] || { echo "fuzz-replay: OPEN names $name, which does not exist"; failed=1; }
    done <"$open"
fi
echo "fuzz-replay: $total input(s) replayed"
exit $failed
