#!/bin/sh
# make bench, part 2: `bcp build --format html` on the 10 MB plan against its
# baseline in the same run — a bare tree-sitter parse of the plan plus
# `cmark-gfm -e table` rendering the Markdown bcp emits for it (the two
# libraries bcp itself is built on).  Target (issue 4): at most 1.3 x.
# usage: sh tools/bench-build.sh BCP [WORKDIR]
# Shares WORKDIR (default $TMPDIR/bcp-bench) and the generated plan with
# tools/bench.sh.  Prints wall time (s) and peak RSS (MB), best of 3 runs.
set -eu
bcp=${1:?usage: bench-build.sh BCP [WORKDIR]}
work=${2:-${TMPDIR:-/tmp}/bcp-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$(dirname "$bcp")" && pwd)
if ! command -v cmark-gfm >/dev/null 2>&1; then
    echo "bench-build: the cmark-gfm command is missing (sh tools/deps.sh installs it)" >&2
    exit 1
fi
mkdir -p "$work/build"
cc=${CC:-cc}
[ -x "$bindir/genplan" ] || $cc -std=c11 -O2 -Wall -Wextra -o "$bindir/genplan" "$root/tools/genplan.c"
[ -x "$bindir/bare_parse" ] || $cc -std=c11 -O2 -w -I"$root/grammar/src" -o "$bindir/bare_parse" \
    "$root/tools/bare_parse.c" "$root/grammar/src/parser.c" $(pkg-config --cflags --libs tree-sitter)
plan=$work/plan-10mb.bcp
[ -f "$plan" ] || "$bindir/genplan" "$plan" 10000000

# The Markdown the baseline renders: what bcp build emits for the same plan.
if ! "$bcp" build --format md -o "$work/build" "$plan" 2>"$work/build.err"; then
    echo "bench-build: bcp build failed on $plan:" >&2
    head -5 "$work/build.err" >&2
    exit 1
fi
md=$work/build/plan-10mb.md

. "$(dirname "$0")/bench-measure.sh"

b=$(measure "$bcp" build --format html -o "$work/build" "$plan")
p=$(measure "$bindir/bare_parse" "$plan")
c=$(measure cmark-gfm -e table "$md")
printf '%-24s %9s %9s %9s %9s %7s\n' input "build s" "base s" "build MB" "base MB" "time x"
# the baseline runs parse and render one after the other: times add, peak RSS is the larger
echo "$b $p $c" | awk '{
    base = $3 + $5; rss = ($4 > $6 ? $4 : $6);
    printf "%-24s %9.2f %9.2f %9.1f %9.1f %7.2f\n", "build_html_10mb", $1, base, $2 / 1024, rss / 1024,
        (base > 0 ? $1 / base : 0) }'
printf '  baseline parts: parse %.2f s, cmark-gfm %.2f s on %s MB of Markdown\n' \
    "$(echo "$p" | cut -d' ' -f1)" "$(echo "$c" | cut -d' ' -f1)" \
    "$(wc -c < "$md" | awk '{ printf "%.1f", $1 / 1e6 }')"
