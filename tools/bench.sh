#!/bin/sh
# make bench: `bcp check` against a bare tree-sitter parse of the same bytes.
# usage: sh tools/bench.sh BCP [WORKDIR]
# Generates (once, into WORKDIR, default $TMPDIR/bcp-bench) plans of 1 MB, 10 MB
# and 100 MB in one file and a 1,000-file tree (10 MB) used by one plan, then
# prints wall time (s) and peak RSS (MB) of both, side by side.  Not a test:
# the targets are in docs/performance.md.
set -eu
bcp=${1:?usage: bench.sh BCP [WORKDIR]}
work=${2:-${TMPDIR:-/tmp}/bcp-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$(dirname "$bcp")" && pwd)
mkdir -p "$work"
cc=${CC:-cc}
# The tools are built next to the binary (the build directory).
$cc -std=c11 -O2 -Wall -Wextra -o "$bindir/genplan" "$root/tools/genplan.c"
$cc -std=c11 -O2 -w -I"$root/grammar/src" -o "$bindir/bare_parse" "$root/tools/bare_parse.c" \
    "$root/grammar/src/parser.c" $(pkg-config --cflags --libs tree-sitter)
[ -f "$work/plan-1mb.bcp" ] || "$bindir/genplan" "$work/plan-1mb.bcp" 1000000
[ -f "$work/plan-10mb.bcp" ] || "$bindir/genplan" "$work/plan-10mb.bcp" 10000000
[ -f "$work/plan-100mb.bcp" ] || "$bindir/genplan" "$work/plan-100mb.bcp" 100000000
[ -f "$work/tree/plan.bcp" ] || "$bindir/genplan" --tree "$work/tree" 1000 10000000

sh "$root/tools/bench-startup.sh" "$bcp"

. "$(dirname "$0")/bench-measure.sh"

printf '%-22s %10s %10s %10s %10s %7s %7s\n' input "check s" "parse s" "check MB" "parse MB" "time x" "rss x"
row() { # LABEL BYTES-FILES... ; bcp args come from $check_args
    label=$1
    shift
    c=$(measure "$bcp" check --no-config --today 2026-11-27 --format gcc --output /dev/null $check_args)
    p=$(measure "$bindir/bare_parse" "$@")
    echo "$label $c $p" | awk '{ printf "%-22s %10.2f %10.2f %10.1f %10.1f %7.2f %7.2f\n",
        $1, $2, $4, $3 / 1024, $5 / 1024, ($4 > 0 ? $2 / $4 : 0), ($5 > 0 ? $3 / $5 : 0) }'
}
for size in 1mb 10mb 100mb; do
    check_args="$work/plan-$size.bcp"
    row "one_file_$size" "$work/plan-$size.bcp"
done
check_args="$work/tree"
row "tree_1000_files_dir" "$work/tree/plan.bcp" "$work"/tree/mods/*.bcp
check_args="$work/tree/plan.bcp"
row "tree_via_plan.bcp" "$work/tree/plan.bcp" "$work"/tree/mods/*.bcp
echo "cores: $(nproc 2>/dev/null || echo ?)  ($(date -u +%Y-%m-%d), $(uname -m))"
sh "$root/tools/bench-build.sh" "$bcp" "$work"
sh "$root/tools/bench-hostile.sh" "$bcp" "$work"
# simulate (issue 14): simulate --each on 2,500 / 5,000 / 10,000 entities
sh "$root/tools/bench-simulate.sh" "$bcp" "$work"
# bcp graph (issue 14): plans of about 10,000 entities as DOT (the
# baseline) and as SVG (laid out by Graphviz), in the same run.
sh "$root/tools/bench-graph.sh" "$bcp" "$work"
# simulate --lose on a chain of 100 / 1,000 / 3,000 functions (issue 15):
# the report's bytes and time, linear in the chain.
sh "$root/tools/bench-simulate-chain.sh" "$bcp" "$work"
