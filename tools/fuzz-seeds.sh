#!/bin/sh
# Regenerates the committed seeds tests/fuzz/seeds/: every test of the
# grammar corpus (grammar/test/corpus/*.txt, the input part of each) as
# grammar-FILE-N.bcp, and inputs at and past the nesting limits
# (nest-*.bcp) that random mutation would take long to grow.  tools/fuzz.sh
# adds the examples, the stdlib and the rule fixtures from where they live.
# usage: sh tools/fuzz-seeds.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=$root/tests/fuzz/seeds
rm -f "$seeds"/grammar-*.bcp "$seeds"/nest-*.bcp
mkdir -p "$seeds"
for corpus in "$root"/grammar/test/corpus/*.txt; do
    name=$(basename "$corpus" .txt)
    # A test: a ===== line, its title, a ===== line, the input, a --- line, the tree.
    LC_ALL=C awk -v out="$seeds/grammar-$name" '
        /^====*$/ { bars++; if (bars % 2 == 0) { n++; state = "input"; file = sprintf("%s-%02d.bcp", out, n); printf "" > file; blank = 0; lines = 0 } else state = "title"; next }
        state == "input" && /^----*$/ { close(file); state = "tree"; next }
        state == "input" && $0 == "" { blank++; next }
        state == "input" { if (lines++) while (blank > 0) { print "" > file; blank-- } blank = 0; print > file }
    ' "$corpus"
done
# Nesting: lists of lists and blocks in blocks, at 200 levels (under the
# limit), 1,000 (over it) and an unclosed run of 5,000 `[`.
nest() { # FILE DEPTH OPEN CLOSE HEAD TAIL
    LC_ALL=C awk -v d="$2" -v o="$3" -v c="$4" -v h="$5" -v t="$6" 'BEGIN {
        printf "%s", h; for (i = 0; i < d; i++) printf "%s", o; for (i = 0; i < d; i++) printf "%s", c; printf "%s", t }' >"$seeds/$1"
}
for depth in 200 1000; do
    nest "nest-list-$depth.bcp" $depth "[" "]" "plan p {\n  title = \"Nested\"\n  objectives = " "\n}\n"
    nest "nest-block-$depth.bcp" $depth "step s {\n" "}\n" "plan p {\n  title = \"Nested\"\n}\nphase p {\n" "}\n"
done
nest "nest-unclosed-5000.bcp" 5000 "[" "" "plan p {\n  objectives = " "\n"
ls "$seeds" | wc -l
