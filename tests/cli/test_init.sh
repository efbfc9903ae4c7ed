#!/bin/sh
# bcp init: every industry preset x {zh-CN, en} writes a starter plan that
# builds at once, marks what the user must supply as TODO placeholders that
# `bcp check` lists, and never overwrites a file without --force.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
root=$(cd "$(dirname "$0")/../.." && pwd)
ok() { echo "ok: init: $1"; }
bad() { echo "FAIL: init: $1"; fail=1; }
cd "$tmp"
# One init a preset and language; then one build, one fmt --check and one
# check over all the starters (each takes many files and treats each on its
# own: the same documents and findings as one run a file, which under ASan
# cost ~0.1 s of start-up and leak scan each).
plans=""
for industry in manufacturing finance professional_services retail healthcare logistics technology education public_sector; do
    for lang in zh-CN en; do
        p=$industry-$lang.bcp
        if ! "$BCP" init --industry $industry --size small --sites "上海,Hangzhou" --lang $lang -o "$p" 2>err; then
            bad "$industry/$lang: init failed"; cat err; continue
        fi
        grep -q 'TODO' "$p" || bad "$industry/$lang has no TODO placeholders"
        plans="$plans $p"
    done
done
# shellcheck disable=SC2086
"$BCP" build -o out $plans 2>err
rc=$?
if [ $rc -ne 0 ] || grep -q "has no text" err; then
    bad "the starters do not build cleanly (exit $rc)"; cat err
fi
for p in $plans; do
    n=${p%.bcp}
    if [ -s "out/$n.md" ] && [ -s "out/$n.html" ] && [ -s "out/$n.json" ] && grep -qx "built out/$n ([a-zA-Z-]*)" err; then
        ok "$n builds"
    else
        bad "$n does not build cleanly"
    fi
done
# shellcheck disable=SC2086
"$BCP" fmt --check $plans >fmt.txt 2>&1 || bad "not bcp fmt-clean: $(tr '\n' ' ' <fmt.txt)"
# a fresh starter only lacks facts and history: no structural findings
# shellcheck disable=SC2086
"$BCP" check $plans >check.txt 2>&1
grep '^bcp: ' check.txt && bad "the check of the starters stopped"
for p in $plans; do
    if grep "^$p:" check.txt | grep -q '\[R103 \|\[R104 \|\[R110 \|\[B106 \|\[B107 '; then
        bad "${p%.bcp} raises structural findings"; grep "^$p:" check.txt | grep '\[R103 \|\[R104 \|\[R110 \|\[B106 \|\[B107 ' | head -3
    fi
done
"$BCP" init --industry manufacturing --lang zh-CN --sites 上海,杭州 -o a.bcp 2>/dev/null
"$BCP" init --industry manufacturing --lang zh-CN --sites 上海,杭州 -o - > b.bcp 2>/dev/null
cmp -s a.bcp b.bcp && ok "same output every time (file and stdout)" || bad "init output differs between runs"
"$BCP" check a.bcp > check.txt 2>&1
grep -q 'H101' check.txt && ok "bcp check lists the placeholders (H101)" || bad "bcp check does not list placeholders"
cp a.bcp before.bcp
"$BCP" init --industry retail --lang en -o a.bcp 2>err
rc=$?
if [ $rc -eq 2 ] && cmp -s a.bcp before.bcp && grep -q -- '--force' err; then ok "refuses to overwrite without --force"; else bad "overwrote without --force (exit $rc)"; fi
"$BCP" init --industry retail --lang en -o a.bcp --force 2>/dev/null && ! cmp -s a.bcp before.bcp && ok "--force overwrites" || bad "--force did not overwrite"
"$BCP" init --industry nosuch -o c.bcp 2>err; rc=$?
[ $rc -eq 2 ] && [ ! -e c.bcp ] && grep -q manufacturing err && ok "unknown industry: error listing the choices" || bad "unknown industry (exit $rc)"
ls -a | grep -q 'tmp' && bad "temporary file left behind" || ok "no temporary files left"

# The threat catalogue completes a preset: a baseline risk without a strategy
# gets threat.strategy, a baseline threat without a risk gets a proposed risk.
if ! command -v python3 >/dev/null; then echo "skip: init: threat catalogue test needs python3"; exit $fail; fi
cp -r "$root/stdlib" std
python3 - std/locale/en/industry_manufacturing.bcp <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r'(      risk fire \{\n(?:        [^\n]*\n)*?)        strategy[^\n]*\n', r'\1', s)
s = re.sub(r'      risk staff_health \{\n(?:        [^\n]*\n)*?      \}\n', '', s)
open(p, 'w').write(s)
PY
if "$BCP" init --stdlib std --industry manufacturing --lang en --sites Shanghai -o catalogue.bcp 2>err; then
    fire=$(grep -A0 'strategy *= "Fire risk assessment' catalogue.bcp | wc -l)
    health=$(sed -n '/^risk staff_health {/,/^}/p' catalogue.bcp)
    if [ "$fire" -eq 1 ] && echo "$health" | grep -q 'threat *= staff_health' && echo "$health" | grep -q 'strategy *= "First-aiders'; then
        ok "threat.strategy fills a baseline risk's strategy; a missing baseline risk is proposed"
    else
        bad "threat catalogue does not complete the preset"; grep -n 'risk fire\|staff_health' catalogue.bcp
    fi
    "$BCP" fmt --check catalogue.bcp >/dev/null 2>&1 && ok "completed starter is fmt-clean" || bad "completed starter not fmt-clean"
else
    bad "init with a trimmed preset failed"; cat err
fi
exit $fail
