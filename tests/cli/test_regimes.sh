#!/bin/sh
# Regimes (stdlib/regimes/): for each, tests/regimes/<id>.good.bcp meets every
# element (no G101) and tests/regimes/<id>.bad.bcp meets none (one G101 per
# element, naming the element and citing its clause); plus the query errors
# (E185 with file:line:col), `--regime`, deviations on G101 and the JSON report.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-regimes.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
failed=0
passed=0
ok() { passed=$((passed + 1)); echo "ok $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
today=--today=2026-12-01

regimes=$(ls stdlib/regimes/*.bcp | sed 's|.*/||; s|\.bcp$||')
[ "$(echo "$regimes" | wc -l)" -ge 8 ] && ok "eight regimes or more" || not_ok "regime count" "$regimes"
for r in $regimes; do
    data=stdlib/regimes/$r.bcp
    elements=$(sed -n 's/^ *element \([A-Za-z0-9_-]*\) *{.*/\1/p' "$data")
    count=$(echo "$elements" | wc -l)
    [ -f tests/regimes/$r.good.bcp ] && [ -f tests/regimes/$r.bad.bcp ] || { not_ok "$r: fixtures"; continue; }
    out=$("$BCP" check --select G101 $today tests/regimes/$r.good.bcp 2>&1); st=$?
    [ $st -eq 0 ] && [ -z "$out" ] && ok "$r: good fixture meets every element" || not_ok "$r: good" "$out"
    "$BCP" check --select G101 $today tests/regimes/$r.bad.bcp >"$tmp/bad.out" 2>&1; st=$?
    got=$(grep -c "\[G101 regime-element-unmet\]" "$tmp/bad.out")
    [ $st -eq 1 ] && [ "$got" -eq "$count" ] && ok "$r: bad fixture has $count findings" ||
        not_ok "$r: bad" "status $st, $got findings for $count elements"
    for e in $elements; do
        clause=$(awk -v e="$e" '$1 == "element" && $2 == e { inside = 1 } inside && $1 == "clause" {
                 sub(/^[^"]*"/, ""); sub(/"[^"]*$/, ""); print; exit }' "$data")
        n=$(grep -F -c "$r: element \`$e\` ($clause) is not met" "$tmp/bad.out")
        [ "$n" -eq 1 ] || not_ok "$r: element $e" "$n findings citing ($clause)"
    done
    # the ad hoc form: the bad fixture without its regimes line, checked with --regime
    grep -v "regimes *=" tests/regimes/$r.bad.bcp >"$tmp/adhoc.bcp"
    got=$("$BCP" check --select G101 $today --regime "$r" "$tmp/adhoc.bcp" 2>&1 | grep -c "G101")
    [ "$got" -eq "$count" ] && ok "$r: --regime checks it ad hoc" || not_ok "$r: --regime" "$got"
done

# An unknown regime stops the check (exit 2).
"$BCP" check --regime nonesuch tests/regimes/dora.good.bcp >"$tmp/out" 2>&1; st=$?
[ $st -eq 2 ] && grep -q "unknown regime \`nonesuch\`" "$tmp/out" && ok "unknown --regime is exit 2" ||
    not_ok "unknown --regime" "status $st"

# A query that does not parse: E185 at the word, in the plan's own regime.
cat >"$tmp/query.bcp" <<'PLAN'
plan q {
  title        = "Q"
  organization = "Q"
  regimes      = [house]
}
regime house {
  title  = "House"
  source = "internal"
  element e {
    title   = "E"
    clause  = "H-1"
    require = ["every sistem has backup"]
  }
}
PLAN
"$BCP" check "$tmp/query.bcp" >"$tmp/out" 2>&1; st=$?
grep -q "query.bcp:12:23: error: bad regime query in element \`e\`: expected a kind" "$tmp/out" && [ $st -eq 1 ] &&
    ok "bad query is E185 at file:line:col" || not_ok "E185" "$(cat "$tmp/out")"
sed 's/sistem has backup/system has rto <= soon/' "$tmp/query.bcp" >"$tmp/q2.bcp"
"$BCP" check "$tmp/q2.bcp" 2>&1 | grep -q "q2.bcp:12:41: error: .*expected a duration" &&
    ok "a value of the wrong type is E185 at the value" || not_ok "E185 value" "$("$BCP" check "$tmp/q2.bcp" 2>&1)"

# A deviation accepts a G101 finding like any other.
sed 's/^plan bare {/plan bare {/' tests/regimes/hipaa-contingency.bad.bcp >"$tmp/dev.bcp"
cat >>"$tmp/dev.bcp" <<'PLAN'
deviation hipaa_gaps {
  rule   = "G101"
  entity = plan.bare
  reason = "A start-up practice: the contingency plan is being written"
  until  = 2027-06-30
}
PLAN
"$BCP" check --select G101 $today "$tmp/dev.bcp" >"$tmp/out" 2>&1; st=$?
[ $st -eq 0 ] && ! grep -q "warning: .*G101" "$tmp/out" && ok "a deviation accepts G101 findings" ||
    not_ok "deviation" "status $st: $(head -3 "$tmp/out")"

# The JSON report carries every element's status.
"$BCP" check --format json $today tests/regimes/finra-4370.good.bcp >"$tmp/good.json" 2>&1
python3 - "$tmp/good.json" <<'PY' && ok "json: per-element status, met with entities" || not_ok "json status"
import json, sys
doc = json.load(open(sys.argv[1]))
r = doc["regimes"][0]
assert r["id"] == "finra-4370", r
assert len(r["elements"]) == 13
e = {x["id"]: x for x in r["elements"]}
assert all(x["status"] == "met" for x in r["elements"]), r
assert e["customer_access"]["clause"] == "FINRA Rule 4370(c)(10)"
assert "function.trading" in e["customer_access"]["met_by"], e["customer_access"]
PY
"$BCP" check --format json --select G101 $today "$tmp/dev.bcp" >"$tmp/dev.json" 2>&1
python3 - "$tmp/dev.json" <<'PY' && ok "json: accepted deviation status" || not_ok "json deviation status"
import json, sys
doc = json.load(open(sys.argv[1]))
st = {x["status"] for x in doc["regimes"][0]["elements"]}
assert st == {"accepted deviation"}, st
PY

# The crosswalk in the built documents of the examples, in both languages.
for ex in beijing-finance global-services; do
    for lang in en zh-CN; do
        rm -rf "$tmp/doc"
        "$BCP" build --lang $lang "examples/$ex.bcp" -o "$tmp/doc" >/dev/null 2>&1 || { not_ok "$ex $lang: build"; continue; }
        title="Compliance crosswalk"
        [ $lang = zh-CN ] && title="合规对照表"
        grep -q "^## .*$title" "$tmp/doc/$ex.md" && grep -q "$title" "$tmp/doc/$ex.html" &&
            ok "$ex $lang: crosswalk in md and html" || not_ok "$ex $lang: crosswalk section"
        python3 - "$tmp/doc/$ex.json" <<'PY' && ok "$ex $lang: json crosswalk, every element met with its place" || not_ok "$ex $lang: json crosswalk"
import json, sys
doc = json.load(open(sys.argv[1]))
cw = doc["crosswalk"]
assert cw and all(e["status"] == "met" and e["met_by"] and e["clause"] for r in cw for e in r["elements"]), cw
assert all(w["section_title"] and w["entity"] for r in cw for e in r["elements"] for w in e["met_by"])
PY
    done
done
# A plan without regimes has no crosswalk.
rm -rf "$tmp/doc"
"$BCP" build examples/minimal.bcp -o "$tmp/doc" >/dev/null 2>&1
! grep -q "Compliance crosswalk" "$tmp/doc/minimal.md" && ! grep -q '"crosswalk"' "$tmp/doc/minimal.json" &&
    ok "no regimes, no crosswalk" || not_ok "minimal has a crosswalk"
# Not met and accepted deviation in the document: the HIPAA bad fixture, one
# element accepted by a comment on its regime (the others stay not met).
rm -rf "$tmp/doc"
"$BCP" build --draft --lang en "$tmp/dev.bcp" -o "$tmp/doc" >/dev/null 2>&1
grep -c "⚠ Accepted deviation" "$tmp/doc/dev.md" | grep -qx 5 && ok "document: accepted deviations in the crosswalk" ||
    not_ok "document: accepted" "$(grep -A8 '^| Element' "$tmp/doc/dev.md")"
rm -rf "$tmp/doc"
"$BCP" build --draft --lang zh-CN tests/regimes/uk-opres.bad.bcp -o "$tmp/doc" >/dev/null 2>&1
grep -c "✘ 未满足" "$tmp/doc/uk-opres.bad.md" | grep -qx 7 && ok "document: not met, in zh-CN" ||
    not_ok "document: not met" "$(grep -A9 '^| 要素' "$tmp/doc/uk-opres.bad.md")"

echo "regimes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
