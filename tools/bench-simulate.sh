#!/bin/sh
# make bench, issue 14: `bcp simulate --each` on generated plans of 2,500,
# 5,000 and 10,000 entities (genplan --graph).  Prints, per size, the time of
# one loss (load included), of --each, the losses --each tried and the
# seconds per loss after the load; then the ratios between sizes.  Each loss
# walks only what it reaches, so the time per loss should stay flat while the
# plan grows (no worse than linear in the edges a loss reaches), and --each
# should grow about linearly with the number of entities.  Not a test.
# usage: sh tools/bench-simulate.sh BCP [WORKDIR]
set -eu
bcp=${1:?usage: bench-simulate.sh BCP [WORKDIR]}
work=${2:-${TMPDIR:-/tmp}/bcp-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$(dirname "$bcp")" && pwd)
mkdir -p "$work"
[ -x "$bindir/genplan" ] || ${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$bindir/genplan" "$root/tools/genplan.c"
. "$(dirname "$0")/bench-measure.sh"
printf '%-10s %8s %10s %10s %8s %12s\n' entities edges "1 loss s" "each s" losses "ms per loss"
for n in 2500 5000 10000; do
    plan="$work/simulate-$n.bcp"
    "$bindir/genplan" --graph "$plan" "$n"
    edges=$(grep -o '[a-z]*\.[a-z][0-9]*' "$plan" | grep -c '^\(site\|supplier\|system\|contact\|function\)\.')
    one=$(measure "$bcp" simulate "$plan" --lose site.s0 | cut -d' ' -f1)
    each=$(measure "$bcp" simulate "$plan" --each | cut -d' ' -f1)
    losses=$(( $(grep -c '^site \|^supplier \|^system ' "$plan") + $(grep -c '^contact c' "$plan") ))
    echo "$n $edges $one $each $losses" | awk '{ printf "%-10s %8s %10.2f %10.2f %8s %12.4f\n",
        $1, $2, $3, $4, $5, ($4 - $3) * 1000 / $5 }'
done | tee "$work/simulate.txt"
awk 'NR > 1 { printf "x%d entities: --each time x%.2f, time per loss x%.2f\n", $1 / p1, $4 / p4, ($6 > 0 && p6 > 0 ? $6 / p6 : 0) }
     { p1 = $1; p4 = $4; p6 = $6 }' "$work/simulate.txt"
