#!/bin/sh
# The readiness score (docs/readiness.md) where it shows: `bcp check
# --summary` (text and JSON), the document's section and figure (Markdown,
# HTML, JSON; en and zh-CN), and `bcp diff` moving it down and back up.
set -u
: "${BCP:?BCP must point at the bcp binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1796342400   # 2026-12-04
fail=0
ok() { echo "ok   readiness: $1"; }
bad() { echo "FAIL readiness: $1"; fail=1; }
cd "$root" || exit 1

# A weaker minimal plan: its only exercise held two years ago (recovery and
# cadence drop), a tier-1 contact left with one channel (contacts drop).
python3 - examples/minimal.bcp "$tmp/weak.bcp" <<'PY'
import sys
s = open(sys.argv[1]).read()
s = s.replace("  last   = 2026-09-01\n  covers", "  last   = 2025-01-01\n  covers")
s = s.replace('  email      = "sam@acme.example"\n', "")
open(sys.argv[2], "w").write(s)
PY

# 1. check --summary, text: the exact table.
"$BCP" check --summary --exit-zero "$tmp/weak.bcp" >"$tmp/out" 2>"$tmp/err"
sed "s|$tmp/||" "$tmp/out" >"$tmp/got"
cat >"$tmp/want" <<'TXT'
readiness weak.bcp: 44/100
  area      score weight  checks  what lowers it
  recovery      0     25     0/1  function.service (not-exercised)
  backups       -     20     0/0  not scored: nothing to check
  contacts     75     15     3/4  contact.deputy (no-alternate)
  cadence      50     15     1/2  exercise.walkthrough (exercise-overdue)
  risks         -     15     0/0  not scored: nothing to check
  findings    100     10     0/0

TXT
# the last line counts the findings (other rules may add some): compared apart
if sed '$d' "$tmp/got" | cmp -s "$tmp/want" -; then
    ok "check --summary text: weak plan 44/100 with its reasons"
else
    bad "check --summary text"; sed '$d' "$tmp/got" | diff -u "$tmp/want" -
fi
grep -q '^findings: [0-9]* errors\?, [0-9]* warnings\?, [0-9]* notes\?$' "$tmp/out" &&
    ok "check --summary counts the findings" || bad "no findings line: $(tail -1 "$tmp/out")"

# 2. --summary exit status follows the findings, as without it.
"$BCP" check "$tmp/weak.bcp" >/dev/null 2>&1; a=$?
"$BCP" check --summary "$tmp/weak.bcp" >/dev/null 2>&1; b=$?
[ "$a" = "$b" ] && ok "--summary keeps the exit status ($a)" || bad "exit $b with --summary, $a without"
"$BCP" check --summary --format sarif examples/minimal.bcp >/dev/null 2>&1
[ $? = 2 ] && ok "--summary refuses --format sarif" || bad "--summary --format sarif not refused"

# 3. check --summary --format json: valid, the same numbers.
"$BCP" check --summary --format json --exit-zero "$tmp/weak.bcp" examples/minimal.bcp examples/huadong >"$tmp/json"
python3 - "$tmp/json" <<'PY' && ok "check --summary json: scores, areas, reasons; modules left out" || bad "check --summary json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "bcp-check-summary" and d["version"] == 1, d
files = [p["file"].rsplit("/", 1)[-1] for p in d["plans"]]
assert files == ["weak.bcp", "minimal.bcp", "plan.bcp"], files
weak = d["plans"][0]["readiness"]
assert weak["score"] == 44, weak["score"]
areas = {a["area"]: a for a in weak["areas"]}
assert [a["area"] for a in weak["areas"]] == ["recovery", "backups", "contacts", "cadence", "risks", "findings"]
assert areas["recovery"]["score"] == 0 and areas["recovery"]["weight"] == 25
assert areas["backups"]["applies"] is False
assert areas["contacts"]["reasons"] == [{"entity": "contact.deputy", "why": "no-alternate"}], areas["contacts"]
assert d["plans"][1]["readiness"]["score"] == 100
assert set(d["findings"]) == {"errors", "warnings", "notes"}
PY

# 4. The document: section, table and figure in both languages; JSON key.
for lang in en zh-CN; do
    out=$tmp/doc.$lang
    if ! "$BCP" build --lang "$lang" -o "$out" "$tmp/weak.bcp" >/dev/null 2>"$tmp/err"; then
        bad "weak.bcp ($lang) does not build"; cat "$tmp/err"; continue
    fi
    if [ "$lang" = en ]; then head="Readiness score" total="Overall readiness: \*\*44\*\* of 100"
    else head="准备度评分" total="总体准备度：\*\*44\*\* 分"; fi
    grep -q "^### 1\.[0-9]* $head\$" "$out/weak.md" && grep -q "^$total" "$out/weak.md" &&
        ok "$lang Markdown: section and total" || bad "$lang Markdown: no readiness section or total"
    rows=$(awk '/^### 1\.[0-9]* '"$head"'$/ { on = 1; next } /^##/ { on = 0 } on && /^\| /' "$out/weak.md" | wc -l)
    [ "$rows" = 7 ] && ok "$lang Markdown: header and a row per area" || bad "$lang Markdown: $rows table lines"
    grep -q '| function.service' "$out/weak.md" && ok "$lang Markdown: what lowers it, with the entity id" ||
        bad "$lang Markdown: function.service not named"
    fig=$(grep -o '<figure class="figure readiness">.*' "$out/weak.html" | sed 's:</figure>.*:</figure>:' | head -1)
    bars=$(printf '%s' "$fig" | grep -o 'class="readiness-bar"' | wc -l)
    if [ "$bars" = 4 ] && printf '%s' "$fig" | grep -q 'data-area="recovery" data-score="0"' &&
        printf '%s' "$fig" | grep -q '44 / 100' && printf '%s' "$fig" | grep -q 'stroke-dasharray'; then
        ok "$lang HTML: SVG figure with 4 bars, 2 areas not scored, total 44"
    else
        bad "$lang HTML: figure has $bars bars: $(printf '%s' "$fig" | head -c 300)"
    fi
    if [ "$lang" = zh-CN ]; then
        printf '%s' "$fig" | grep -q '关键业务职能已演练' && ok "zh-CN HTML: figure labels in Chinese" ||
            bad "zh-CN HTML: figure labels not Chinese"
    fi
    python3 - "$out/weak.json" "$lang" <<'PY' && ok "$lang JSON: readiness key" || bad "$lang JSON: readiness"
import json, sys
r = json.load(open(sys.argv[1]))["readiness"]
assert r["score"] == 44
rec = r["areas"][0]
assert rec["area"] == "recovery" and rec["reasons"][0]["entity"] == "function.service"
assert rec["title"] == ("Critical functions exercised" if sys.argv[2] == "en" else "关键业务职能已演练"), rec["title"]
PY
done

# 5. bcp diff: the change lowers the score, and undoing it raises it again.
"$BCP" diff examples/minimal.bcp "$tmp/weak.bcp" >"$tmp/down"
rc=$?
if [ $rc = 1 ] && grep -q '^Readiness: 100 → 44 (-56)$' "$tmp/down" && grep -q '^  recovery  100 → 0$' "$tmp/down" &&
    grep -q '^  contacts  100 → 75$' "$tmp/down" && ! grep -q '^  findings' "$tmp/down"; then
    ok "diff: a weakening change moves readiness down (100 → 44), by area"
else
    bad "diff down (exit $rc)"; cat "$tmp/down"
fi
"$BCP" diff --format markdown "$tmp/weak.bcp" examples/minimal.bcp >"$tmp/up"
if grep -q '^### Readiness: 44 → 100 (+56)$' "$tmp/up" && grep -q '^| recovery | 0 | 100 |$' "$tmp/up"; then
    ok "diff --format markdown: the reverse change moves it up (44 → 100)"
else
    bad "diff up"; cat "$tmp/up"
fi
# a change that moves no score adds no readiness lines
sed 's/title  = "Annual plan walkthrough"/title  = "Yearly plan walkthrough"/' examples/minimal.bcp >"$tmp/retitled.bcp"
"$BCP" diff examples/minimal.bcp "$tmp/retitled.bcp" >"$tmp/same"
grep -q Readiness "$tmp/same" && bad "diff: readiness lines for a change that moves nothing" ||
    ok "diff: no readiness lines when no score moves"

# 6. The profile the check lints with sets the score's windows: a backup
#    restore-tested on 2026-10-01 is within the default profile's year but
#    past nist-800-34's month.  --profile, a bcpconfig.bcp beside the plan
#    and --config all count; each plan is scored from the model checked.
mkdir -p "$tmp/prof" "$tmp/conf"
cat "$tmp/weak.bcp" >"$tmp/prof/plan.bcp"
cat >>"$tmp/prof/plan.bcp" <<'BCP'

system ledger {
  title = "Ledger"
  rto   = 24h
  rpo   = 24h
  owner = contact.owner
  backup nightly {
    every  = 1d
    kind   = full
    where  = "Offsite store"
    tested = 2026-10-01
  }
}
BCP
backups() { grep '^  backups' "$tmp/out" | tr -s ' '; }
"$BCP" check --summary --exit-zero --today 2026-12-04 "$tmp/prof/plan.bcp" >"$tmp/out" 2>"$tmp/err"
[ "$(backups)" = " backups 100 20 2/2" ] && ok "profile: default, the restore test is recent" || bad "profile: default: $(backups)"
"$BCP" check --summary --exit-zero --today 2026-12-04 --profile nist-800-34 "$tmp/prof/plan.bcp" >"$tmp/out" 2>"$tmp/err"
[ "$(backups)" = " backups 50 20 1/2 system.ledger (restore-test-stale)" ] &&
    ok "profile: --profile nist-800-34 makes it stale" || bad "profile: --profile: $(backups)"
printf 'config {\n  profile = "nist-800-34"\n}\n' >"$tmp/conf/bcpconfig.bcp"
"$BCP" check --summary --exit-zero --today 2026-12-04 --config "$tmp/conf/bcpconfig.bcp" "$tmp/prof/plan.bcp" >"$tmp/out" 2>"$tmp/err"
[ "$(backups)" = " backups 50 20 1/2 system.ledger (restore-test-stale)" ] &&
    ok "profile: --config's profile counts" || { bad "profile: --config: $(backups)"; cat "$tmp/err"; }
cp "$tmp/conf/bcpconfig.bcp" "$tmp/prof/bcpconfig.bcp"
"$BCP" check --summary --exit-zero --today 2026-12-04 --format json "$tmp/prof/plan.bcp" >"$tmp/out" 2>"$tmp/err"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
b = [a for a in d["plans"][0]["readiness"]["areas"] if a["area"] == "backups"][0] if isinstance(d["plans"][0]["readiness"]["areas"], list) else d["plans"][0]["readiness"]["areas"]["backups"]
assert b["score"] == 50, b' "$tmp/out" && ok "profile: the bcpconfig.bcp beside the plan counts (JSON)" || { bad "profile: bcpconfig.bcp beside the plan"; head -40 "$tmp/out"; }
# The document's score is the one check --summary gives: the same profile.
SOURCE_DATE_EPOCH=1796342400 "$BCP" build --draft --format json -o "$tmp/prof/out" "$tmp/prof/plan.bcp" >/dev/null 2>"$tmp/err"
python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))["readiness"]
summary = json.load(open(sys.argv[2]))["plans"][0]["readiness"]
areas = doc["areas"] if isinstance(doc["areas"], list) else [dict(v, area=k) for k, v in doc["areas"].items()]
b = [a for a in areas if a["area"] == "backups"][0]
assert b["score"] == 50, b
assert doc["score"] == summary["score"], (doc["score"], summary["score"])' "$tmp/prof/out/plan.json" "$tmp/out" &&
    ok "profile: the document scores by the bcpconfig.bcp's profile, as check --summary does" ||
    { bad "profile: the document's score"; cat "$tmp/err"; }
"$BCP" check --summary --exit-zero --today 2026-12-04 --no-config "$tmp/prof/plan.bcp" >"$tmp/out" 2>"$tmp/err"
[ "$(backups)" = " backups 100 20 2/2" ] && ok "profile: --no-config: the default's windows" || bad "profile: --no-config: $(backups)"

exit $fail
