#!/bin/sh
# Issue 15: `bcp simulate --lose system.s0` on a chain of N functions, each
# needing the one before (f0 needs system s0).  Prints, per N, the report's
# bytes (text and JSON) and the best of 3 times; then the ratios between
# sizes.  Output linear in the affected graph grows about as N does (x10 in
# N, about x10 in bytes); a report that prints each function's whole chain
# grows as N squared.  Not a test (tests/cli/test_simulate.sh checks the
# growth of the bytes).
# usage: sh tools/bench-simulate-chain.sh BCP [WORKDIR] [N...]
set -eu
bcp=${1:?usage: bench-simulate-chain.sh BCP [WORKDIR] [N...]}
work=${2:-${TMPDIR:-/tmp}/bcp-bench}
[ $# -ge 2 ] && shift 2 || shift $#
sizes=${*:-100 1000 3000}
mkdir -p "$work"
. "$(dirname "$0")/bench-measure.sh"
printf '%-8s %12s %12s %9s %9s\n' functions "text bytes" "json bytes" "text s" "json s"
for n in $sizes; do
    plan="$work/chain-$n.bcp"
    sh "$(dirname "$0")/gen-chain.sh" "$n" "$plan"
    tb=$("$bcp" simulate "$plan" --lose system.s0 2>/dev/null | wc -c)
    jb=$("$bcp" simulate "$plan" --lose system.s0 --format json 2>/dev/null | wc -c)
    ts=$(measure "$bcp" simulate "$plan" --lose system.s0 | cut -d' ' -f1)
    js=$(measure "$bcp" simulate "$plan" --lose system.s0 --format json | cut -d' ' -f1)
    printf '%-8s %12s %12s %9s %9s\n' "$n" "$tb" "$jb" "$ts" "$js"
done | tee "$work/simulate-chain.txt"
awk 'NR > 1 { printf "x%.0f functions: text bytes x%.1f, json bytes x%.1f, text time x%.1f\n",
              $1 / p1, $2 / p2, $3 / p3, ($4 > 0 && p4 > 0 ? $4 / p4 : 0) }
     { p1 = $1; p2 = $2; p3 = $3; p4 = $4 }' "$work/simulate-chain.txt"
