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
# The good fixtures in one check: it prints nothing and exits 0 exactly when
# each of them would alone (each file is checked on its own).
goods=""
for r in $regimes; do
    [ -f tests/regimes/$r.good.bcp ] && goods="$goods tests/regimes/$r.good.bcp"
done
# shellcheck disable=SC2086
"$BCP" check --select G101 $today $goods >"$tmp/good.out" 2>&1
good_status=$?
for r in $regimes; do
    data=stdlib/regimes/$r.bcp
    elements=$(sed -n 's/^ *element \([A-Za-z0-9_-]*\) *{.*/\1/p' "$data")
    count=$(echo "$elements" | wc -l)
    [ -f tests/regimes/$r.good.bcp ] && [ -f tests/regimes/$r.bad.bcp ] || { not_ok "$r: fixtures"; continue; }
    out=$(grep "^tests/regimes/$r.good.bcp:" "$tmp/good.out")
    [ $good_status -eq 0 ] && [ ! -s "$tmp/good.out" ] && ok "$r: good fixture meets every element" ||
        not_ok "$r: good" "$out (the check of every good fixture: exit $good_status)"
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

# Every element names where its clause was seen (a `# source:` comment just
# above it, saying NOT where it was not), and every regime says what was
# checked (`verified`).  NYDFS training is 500.16(c): (b) is the distribution
# of the plans (checked against the amended text, 2026-12).
for r in $regimes; do
    data=stdlib/regimes/$r.bcp
    missing=$(awk '/^ *element [A-Za-z0-9_-]* *\{/ { if (prev !~ /^ *# source: ./) print $2 } { if ($0 !~ /^ *$/) prev = $0 }' "$data")
    [ -z "$missing" ] && ok "$r: every element has a source line" || not_ok "$r: elements without a source line" "$missing"
    grep -q '^  verified *= "..*"$' "$data" && ok "$r: says what was verified" || not_ok "$r: no verified"
done
grep -q 'clause  = "23 NYCRR 500.16(c)"' stdlib/regimes/nydfs-500-16.bcp &&
    ! grep -q 'clause  = "23 NYCRR 500.16(b)"' stdlib/regimes/nydfs-500-16.bcp &&
    ok "nydfs: training cites 500.16(c)" || not_ok "nydfs training clause"
# UK: the PRA Rulebook's own rule next to the FCA's where it was read
# (Operational Resilience 2.1, 2.2, 5.1; chapter 4 for mapping).
"$BCP" check --no-config tests/regimes/uk-opres.bad.bcp >"$tmp/uk.out" 2>&1
grep -Fq 'uk-opres: element `impact_tolerance` (FCA SYSC 15A.2.5R; PRA Operational Resilience 2.2) is not met' "$tmp/uk.out" &&
    grep -Fq 'uk-opres: element `important_services` (FCA SYSC 15A.2.1R; PRA Operational Resilience 2.1) is not met' "$tmp/uk.out" &&
    ok "uk-opres: findings cite the PRA rules with the FCA's" || not_ok "uk-opres PRA clauses" "$(grep G101 "$tmp/uk.out" | head -3)"

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
assert len(r["elements"]) == 14
e = {x["id"]: x for x in r["elements"]}
assert e["customer_disclosure"]["clause"] == "FINRA Rule 4370(e)", e["customer_disclosure"]
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

# The Beijing and New York examples declare every regime their sites'
# regions propose for their industry (what `bcp init` writes as a comment).
for ex in beijing-finance global-services; do
    f="examples/$ex.bcp"
    industry=$(awk '$1 == "industry" && $2 == "=" { print $3; exit }' "$f")
    sites=$(awk '$1 == "region" && $2 == "=" { print $3 }' "$f" | sort -u | paste -sd, -)
    proposed=$("$BCP" init --industry "$industry" --sites "$sites" -o - 2>/dev/null |
        sed -n "s/^# Regimes the sites' regions propose for this industry: \(.*\)\. Declare.*/\1/p" | tr -d ' ' | tr , ' ')
    declared=$(awk '$1 == "regimes" && $2 == "=" { sub(/^[^[]*\[/, ""); sub(/\].*/, ""); gsub(/[ ,]+/, " "); print; exit }' "$f")
    missing=""
    for r in $proposed; do
        case " $declared " in *" $r "*) ;; *) missing="$missing $r" ;; esac
    done
    [ -n "$proposed" ] && [ -z "$missing" ] &&
        ok "$ex ($industry; $sites) declares the proposed regimes: $proposed" ||
        not_ok "$ex: proposed [$proposed] declared [$declared] missing [$missing]"
    "$BCP" check "$f" >/dev/null 2>&1 && ok "$ex passes bcp check" || not_ok "$ex: bcp check fails"
done

# The crosswalk in the built documents of the examples, in both languages.
for ex in beijing-finance global-services; do
    for lang in en zh-CN; do
        rm -rf "$tmp/doc"
        "$BCP" build --lang $lang "examples/$ex.bcp" -o "$tmp/doc" >/dev/null 2>&1 || { not_ok "$ex $lang: build"; continue; }
        title="Compliance crosswalk"
        [ $lang = zh-CN ] && title="合规对照表"
        grep -q "^## .*$title" "$tmp/doc/$ex.md" && grep -q "$title" "$tmp/doc/$ex.html" &&
            ok "$ex $lang: crosswalk in md and html" || not_ok "$ex $lang: crosswalk section"
        python3 - "$tmp/doc/$ex.json" $lang <<'PY' && ok "$ex $lang: json crosswalk, every element met with its place, the regime described in the language" || not_ok "$ex $lang: json crosswalk"
import json, sys
doc = json.load(open(sys.argv[1]))
cw = doc["crosswalk"]
han = lambda t: any("\u4e00" <= c <= "\u9fff" for c in t)
assert all(r["description"] and han(r["description"]) == (sys.argv[2] == "zh-CN") for r in cw), [r["description"] for r in cw]
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

# A deviation that names the element accepts that element's finding only; one
# that names the regime accepts that regime's findings only.
count=$(grep -c '^ *element ' stdlib/regimes/finra-4370.bcp)
cp tests/regimes/finra-4370.bad.bcp "$tmp/one.bcp"
cat >>"$tmp/one.bcp" <<'PLAN'
deviation no_website {
  rule    = "G101"
  entity  = plan.bare
  regime  = finra-4370
  element = "customer_disclosure"
  reason  = "No retail customers: the disclosure goes out with the institutional account agreement"
}
PLAN
"$BCP" check --select G101,H104,H105,H199 $today "$tmp/one.bcp" >"$tmp/out" 2>&1; st=$?
got=$(grep -c "\[G101 regime-element-unmet\]" "$tmp/out")
[ $st -eq 1 ] && [ "$got" -eq $((count - 1)) ] && ! grep -q "customer_disclosure" "$tmp/out" &&
    ok "a deviation naming an element accepts that finding only ($got of $count left)" ||
    not_ok "deviation on one element" "status $st, $got findings: $(grep -E 'H10|H199|customer_disclosure' "$tmp/out")"
"$BCP" check --format json --select G101 $today "$tmp/one.bcp" >"$tmp/one.json" 2>&1
python3 - "$tmp/one.json" <<'PY' && ok "json: only the named element is an accepted deviation" || not_ok "json element deviation"
import json, sys
doc = json.load(open(sys.argv[1]))
st = {x["id"]: x["status"] for x in doc["regimes"][0]["elements"]}
assert st.pop("customer_disclosure") == "accepted deviation", st
assert set(st.values()) == {"not met"}, st
PY
# two regimes, a deviation naming one of them
sed 's/regimes      = \[finra-4370\]/regimes      = [finra-4370, nydfs-500-16]/' tests/regimes/finra-4370.bad.bcp >"$tmp/two.bcp"
cat >>"$tmp/two.bcp" <<'PLAN'
deviation nydfs_later {
  rule   = "G101"
  entity = plan.bare
  regime = nydfs-500-16
  reason = "Licensed by DFS from 2027; the BCDR plan is being written"
}
PLAN
"$BCP" check --select G101 $today "$tmp/two.bcp" >"$tmp/out" 2>&1
got=$(grep -c "\[G101 regime-element-unmet\]" "$tmp/out")
[ "$got" -eq "$count" ] && ! grep -q "nydfs-500-16: element" "$tmp/out" &&
    ok "a deviation naming a regime accepts that regime's findings only" ||
    not_ok "deviation on one regime" "$got findings for $count: $(grep -c nydfs "$tmp/out") of nydfs"
# what cannot pick a finding is H105 at the attribute; an unused one is H199
for bad in 'element = "customer_disclosure"|names element `customer_disclosure` without its regime' \
           'regime = finra-4370\n  element = "website"|regime `finra-4370` has no element `website`'; do
    attrs=${bad%%|*}; want=${bad#*|}
    cp tests/regimes/finra-4370.bad.bcp "$tmp/h105.bcp"
    printf 'deviation d {\n  rule   = "G101"\n  entity = plan.bare\n  %b\n  reason = "r"\n}\n' "$attrs" >>"$tmp/h105.bcp"
    "$BCP" check --select G101,H105 $today "$tmp/h105.bcp" >"$tmp/out" 2>&1
    grep -q "h105.bcp:[0-9]*:[0-9]*: warning: .*$want \[H105" "$tmp/out" ||
        grep -q "h105.bcp:[0-9]*:[0-9]*: error: .*$want \[H105" "$tmp/out" &&
        ok "H105: $want" || not_ok "H105 $want" "$(grep H105 "$tmp/out")"
done
cp tests/regimes/finra-4370.good.bcp "$tmp/unused.bcp"
printf 'deviation d {\n  rule    = "G101"\n  entity  = plan.harbour\n  regime  = finra-4370\n  element = "approval"\n  reason  = "r"\n}\n' >>"$tmp/unused.bcp"
"$BCP" check --select G101,H199 $today "$tmp/unused.bcp" >"$tmp/out" 2>&1
grep -q "unused deviation: no \`G101\` finding of finra-4370 element \`approval\` in plan \`harbour\`" "$tmp/out" &&
    ok "H199 names the element of an unused deviation" || not_ok "H199 element" "$(grep H199 "$tmp/out")"

echo "regimes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
