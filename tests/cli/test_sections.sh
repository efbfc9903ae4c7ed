#!/bin/sh
# The sections of the compiled plan (issue 10): every example, built in each
# language, has the headings of a full ISO 22301 / NIST SP 800-34 plan, in
# this order, and none of them is empty (text, a table or a list before the
# next heading).  The expected lists are tests/golden/sections.<lang>.txt
# (numbers stripped: the renderer numbers headings); the compliance crosswalk
# is expected exactly when the plan declares a regime.
set -u
: "${BCP:=build/bcp}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   sections: $1"; }
not_ok() { fail=$((fail + 1)); echo "FAIL sections: $1${2:+: $2}"; }

# "## 3. Critical functions" -> "## Critical functions"; "### 4.10 X" -> "### X";
# "## 一、概要" -> "## 概要"; "## Appendix A. X" / "## 附录A X" -> "## Appendix X"
strip_numbers() {
    sed -n 's/^\(###*\) /\1 /p' "$1" | grep -E '^#{2,3} ' |
        sed -E 's/^(#+) [0-9]+\.([0-9]+)? /\1 /; s/^(#+) [A-Z]\.[0-9]+ /\1 /; s/^(#+) [一二三四五六七八九十]+、/\1 /;
                s/^## Appendix [A-Z]\. /## Appendix /; s/^## 附录[A-Z] /## Appendix /'
}

# Every heading has something under it before the next heading of the same or
# a higher level (a sub-heading alone does not count for a level-3 section).
empty_sections() {
    awk '
        function flush() { if (title != "" && !body) print title }
        /^#{2,3} / { flush(); title = $0; body = 0; next }
        /^#### / { if (title ~ /^## /) body = 1; next }
        /[^[:space:]]/ { body = 1 }
        END { flush() }
    ' "$1"
}

for plan in "$root"/examples/*.bcp "$root"/examples/huadong/plan.bcp; do
    [ -f "$plan" ] || continue
    name=$(basename "$plan" .bcp)
    [ "$name" = plan ] && name=$(basename "$(dirname "$plan")")
    regimes=no
    grep -q '^ *regimes *=' "$plan" && regimes=yes
    for lang in en zh-CN; do
        out="$tmp/$name-$lang"
        if ! "$BCP" build --lang $lang --format md "$plan" -o "$out" >"$tmp/log" 2>&1; then
            not_ok "$name $lang builds" "$(head -3 "$tmp/log")"
            continue
        fi
        md=$(ls "$out"/*.md | head -1)
        strip_numbers "$md" >"$tmp/got"
        want="$here/../golden/sections.$lang.txt"
        if [ $regimes = no ]; then
            grep -v -e '^## Compliance crosswalk$' -e '^## 合规对照表$' "$want" >"$tmp/want"
        else
            cp "$want" "$tmp/want"
        fi
        # simulate (issue 14): the scenario impact section comes with scenarios that `loses` something.
        if ! grep -q '^ *loses *=' "$plan"; then
            grep -v -e '^### Scenario impact$' -e '^### 情景影响分析$' "$tmp/want" >"$tmp/want.sim"
            mv "$tmp/want.sim" "$tmp/want"
        fi
        if [ -n "${UPDATE:-}" ] && [ "$name" = beijing-finance ]; then cp "$tmp/got" "$want"; fi
        if diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
            ok "$name $lang: $(wc -l <"$tmp/got") headings as listed"
        else
            not_ok "$name $lang: headings" "$(sed -n '3,12p' "$tmp/diff" | tr '\n' ' ')"
        fi
        e=$(empty_sections "$md")
        if [ -z "$e" ]; then ok "$name $lang: no empty section"
        else not_ok "$name $lang: empty sections" "$(echo "$e" | tr '\n' ' ')"; fi
    done
done
echo "sections: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
