#!/bin/sh
# make bench, issue 14: `bcp graph` of generated plans of about 10,000
# entities, as DOT (written by bcp alone: the baseline) and as SVG (laid out
# by Graphviz: dot up to BCP_GRAPH_DOT_MAX_NODES nodes, sfdp above), each the
# best of 3 in the same run, with the SVG's time over the DOT's.  Two plans:
# genplan's size-based one and its --graph one (every function needing
# systems, suppliers, sites and people).  Not a test.
# usage: sh tools/bench-graph.sh BCP [WORKDIR]
set -eu
bcp=${1:?usage: bench-graph.sh BCP [WORKDIR]}
work=${2:-${TMPDIR:-/tmp}/bcp-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$(dirname "$bcp")" && pwd)
mkdir -p "$work"
[ -x "$bindir/genplan" ] || ${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$bindir/genplan" "$root/tools/genplan.c"
. "$(dirname "$0")/bench-measure.sh"
[ -f "$work/plan-10k-entities.bcp" ] || "$bindir/genplan" "$work/plan-10k-entities.bcp" 2800000
[ -f "$work/graph-10k.bcp" ] || "$bindir/genplan" --graph "$work/graph-10k.bcp" 10000
printf '%-22s %8s %8s %10s %10s %8s\n' plan entities nodes "dot s" "svg s" "svg/dot"
for plan in "$work/plan-10k-entities.bcp" "$work/graph-10k.bcp"; do
    entities=$(grep -cE '^[a-z_]+ [A-Za-z0-9_]+ \{' "$plan")
    "$bcp" graph --format dot -o "$work/graph.dot" "$plan" >/dev/null 2>&1 || true
    nodes=$(grep -c '^  "[^"]*" \[id="dg-n' "$work/graph.dot" || true)
    dot=$(measure "$bcp" graph --format dot -o /dev/null "$plan" | cut -d' ' -f1)
    svg=$(measure "$bcp" graph --format svg -o /dev/null "$plan" | cut -d' ' -f1)
    echo "$(basename "$plan" .bcp) $entities $nodes $dot $svg" |
        awk '{ printf "%-22s %8s %8s %10.2f %10.2f %8.1f\n", $1, $2, $3, $4, $5, ($4 > 0 ? $5 / $4 : 0) }'
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
