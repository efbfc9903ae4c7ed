#!/bin/sh
# make bench, part 3 (issue 15, item 2): `bcp check` on pathological inputs,
# each next to a normal plan of the same size generated in the same run
# (tools/genplan.c), and their ratio: a one-line plan of 25,000 entities, a
# 300 KB string, lists nested 200 deep (at the nesting limit) filling
# 400 KB, and one line of 20,000 findings.  Then the nesting depth that is
# refused: the smallest depth at which check reports an input-limit code
# (E010-E019), or crashes.
# usage: sh tools/bench-hostile.sh BCP [WORKDIR]
# Each time is the best of 3 runs (one run when it takes over 5 s), each
# run stopped after 120 s.  Not a test: the goal is a ratio near 1.
set -eu
bcp=${1:?usage: bench-hostile.sh BCP [WORKDIR]}
work=${2:-${TMPDIR:-/tmp}/bcp-bench}/hostile
root=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(cd "$(dirname "$bcp")" && pwd)
mkdir -p "$work"
[ -x "$bindir/genplan" ] || ${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$bindir/genplan" "$root/tools/genplan.c"
# seconds FILE: the best of up to 3 runs of check.
seconds() {
    best=""
    for _ in 1 2 3; do
        /usr/bin/time -f '%e' -o "$work/time" sh -c 'timeout -s KILL 120 "$0" check --no-config --today 2026-11-27 \
            --format gcc --output /dev/null "$1" >/dev/null 2>&1' "$bcp" "$1" || true
        t=$(tail -n 1 "$work/time")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
        awk -v a="$t" 'BEGIN { exit !(a > 5) }' && break
    done
    echo "$best"
}

printf '%-26s %9s %9s %11s %8s\n' "pathological input" bytes "check s" "baseline s" "ratio"
for spec in "one_line_25000_entities oneline 25000" "string_300kb string 300000" "nested_200_deep_400kb nested 200" \
    "one_line_20000_findings findings 20000"; do
    set -- $spec
    file=$work/$2-$3.bcp
    [ -f "$file" ] || "$bindir/genplan" --hostile "$2" "$file" "$3"
    bytes=$(wc -c <"$file")
    base=$work/normal-$bytes.bcp
    [ -f "$base" ] || "$bindir/genplan" "$base" "$bytes"
    t=$(seconds "$file")
    b=$(seconds "$base")
    # A run stopped at 120 s shows as ">120" and its ratio as a lower bound.
    echo "$1 $bytes $t $b" | awk '{ over = $3 >= 119.9; printf "%-26s %9d %9s %11.2f %8s\n", $1, $2,
        over ? ">120" : sprintf("%.2f", $3), $4, ($4 > 0 ? (over ? ">" : "") sprintf("%.1f", $3 / $4) : "-") }'
done

# The nesting depth that is refused, on a plan of one contact.
refused=""
accepted=""
for depth in 100 200 300 500 1000 2000 5000 10000 20000 50000 100000; do
    file=$work/depth-$depth.bcp
    awk -v d="$depth" 'BEGIN { printf "contact c {\n  name = \"C\"\n  channels = "
        for (i = 0; i < d; i++) printf "["; for (i = 0; i < d; i++) printf "]"; printf "\n}\n" }' >"$file"
    status=0
    timeout -s KILL 120 "$bcp" check --no-config --today 2026-11-27 --format gcc "$file" >"$work/depth.out" 2>&1 || status=$?
    if [ "$status" -ge 128 ]; then
        refused="crashes at depth $depth (exit $status)"
        break
    fi
    code=$(grep -o '\[E01[0-9]' "$work/depth.out" | head -n 1 | tr -d '[')
    if [ -n "$code" ]; then
        refused="refused at depth $depth ($code)"
        break
    fi
    accepted=$depth
done
echo "nesting: accepted up to depth ${accepted:-none}; ${refused:-nothing refused up to 100000}"
