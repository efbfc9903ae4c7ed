#!/bin/sh
# make bench, first part: the fixed cost of one `bcp` run, which pre-commit
# hooks and editors pay once per file.  Median wall time of RUNS (default 31)
# runs each of `bcp version` and `bcp check` on the two bundled examples,
# taken in turn in the same run, and their ratios next to the goals in
# docs/performance.md.
# usage: sh tools/bench-startup.sh BCP [RUNS]   (BCP's path without spaces)
set -eu
bcp=${1:?usage: bench-startup.sh BCP [RUNS]}
runs=${2:-31}
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$(dirname "$bcp")" && pwd)
bcp="$bindir/$(basename "$bcp")"
${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$bindir/startup" "$root/tools/startup.c"
cd "$root"
"$bindir/startup" "$runs" "$bcp version" "$bcp check examples/minimal.bcp" \
    "$bcp check examples/huadong/plan.bcp" |
    awk -v runs="$runs" '
        NR == 1 { v = $1; printf "startup version: %.2f ms (median of %d runs each)\n", v, runs }
        NR == 2 { printf "startup minimal: %.2f ms = %.2f × version (goal ≤ 1.2×)\n", $1, $1 / v }
        NR == 3 { printf "startup huadong: %.2f ms = %.2f × version (goal ≤ 1.5×)\n", $1, $1 / v }'
