#!/bin/sh
# bcp simulate (docs/simulate.md): for each example plan, losses whose
# affected functions, times and verdicts were worked out by hand from the
# plan (the reasoning is in the comment above each); --all-scenarios, --each
# against rule B111, --for, --at, JSON, and the errors.
set -u
: "${BCP:?BCP must point at the bcp binary}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-sim.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8 NO_COLOR=1
failed=0
ok() { echo "ok   simulate: $1"; }
fail() { echo "FAIL simulate: $1"; failed=1; }

# sim PLAN ARGS...: runs bcp simulate into $tmp/out ($tmp/rc).
sim() {
    plan=$1
    shift
    case " $* " in *" --lang "*) ;; *) set -- "$@" --lang en ;; esac   # the words the checks below expect
    "$BCP" simulate "$plan" "$@" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"
}
# expect FUNCTION "VERDICT[, back after T]": the function's line in $tmp/out.
expect() {
    line=$(grep "^  $1 (" "$tmp/out" | head -1)
    case $line in
        *"): $2"*) ok "$label: $1 $2" ;;
        *) fail "$label: $1: want '$2', got '${line:-nothing}'"; sed 's/^/    /' "$tmp/out" ;;
    esac
}
# affected N: exactly N functions listed.
affected() {
    n=$(grep -c '^  function\.' "$tmp/out")
    [ "$n" -eq "$1" ] && ok "$label: $1 functions affected" || fail "$label: $n functions affected, want $1"
}
has() {
    grep -qF -- "$1" "$tmp/out" && ok "$label: says '$1'" || { fail "$label: no '$1'"; sed 's/^/    /' "$tmp/out"; }
}
status() {
    [ "$(cat "$tmp/rc")" -eq "$1" ] && ok "$label: exit $1" || fail "$label: exit $(cat "$tmp/rc"), want $1"
}

# ------------------------------------------------------------ minimal.bcp
m=examples/minimal.bcp
# service needs system.email: no DR site, no restore time: its RTO, 4h <= 24h.
label="minimal email"; sim $m --lose system.email
affected 1; expect function.service "Within RTO, back after 4h"; has "recovery path: System recovery within its RTO"; status 0
# the e-mail host is email's vendor: email's own way back, its 4h RTO.
label="minimal mail_host"; sim $m --lose supplier.mail_host
expect function.service "Within RTO, back after 4h"; has "because function.service -> system.email -> supplier.mail_host"
# the owner has a substitute (the deputy): at once.
label="minimal owner"; sim $m --lose contact.owner
expect function.service "Within RTO, back after 0h"; has "recovery path: Substitute (contact.deputy)"
# owner and deputy both: nobody stands in; the function's fallback states no time.
label="minimal both"; sim $m --lose contact.owner --lose contact.deputy
expect function.service "Time not stated"; has "recovery path: Workaround"; status 0
# the same loss for 12h: back when it ends, within the 24h RTO.
label="minimal both 12h"; sim $m --lose contact.owner,contact.deputy --for 12h
expect function.service "Within RTO, back after 12h when the loss ends"
# the deputy alone is nobody's dependency.
label="minimal deputy"; sim $m --lose contact.deputy
affected 0; has "no function is affected"

# ------------------------------------------------------------ huadong
h=examples/huadong/plan.bcp
# Shanghai: production also runs in Hangzhou, but machine_a is in Shanghai and
# its alternate, the lessor, needs its 48h lead time: RTO 24h missed, MTPD 72h
# kept.  purchasing runs only in Shanghai: Hangzhou after activation_time 36h
# (erp restores in 8h).  it_support: Shanghai 36h, but file_server (Shanghai
# only, no DR) needs its RTO, 48h = its RTO.  shipping and hr go on in Hangzhou.
label="huadong shanghai"; sim $h --lose site.shanghai
affected 5
expect function.production "RTO missed, back after 48h"
expect function.purchasing "Within RTO, back after 36h"
expect function.it_support "Within RTO, back after 48h"
expect function.shipping "Within RTO, back after 0h"
expect function.hr "Within RTO, back after 0h"
has "because function.production -> asset.machine_a -> site.shanghai"
# erp: the nightly backup restores in 8h (faster than the DR site's 48h RTO).
label="huadong erp"; sim $h --lose system.erp
affected 2
expect function.it_support "Within RTO, back after 8h"
expect function.purchasing "Within RTO, back after 8h"
has "recovery path: Restore from backup (backup.nightly)"
# steel_a: switch to steel_b takes 1w, the 2w of stock outlasts it.
label="huadong steel_a"; sim $h --lose supplier.steel_a
expect function.production "Within RTO, back after 0h"; has "recovery path: Stock on hand"
# both steel suppliers: steel_a's stock still covers its own 1w lead time,
# steel_b has no time at all: purchasing (needs both) has only its workaround.
label="huadong both steel"; sim $h --lose supplier.steel_a --lose supplier.steel_b
expect function.production "Within RTO, back after 0h"
expect function.purchasing "Time not stated"
# logistics_a: its alternate has no switch time, but its SLA is 12h.
label="huadong logistics_a"; sim $h --lose supplier.logistics_a
expect function.shipping "Within RTO, back after 12h"; has "recovery path: Supplier's service level"
# --at: erp lost at 08:00 is back at 16:00.
label="huadong erp at"; sim $h --lose system.erp --at 2026-12-04T08:00
expect function.it_support "Within RTO, back after 8h (2026-12-04 16:00 UTC)"
has "losing system.erp from 2026-12-04 08:00 UTC"

# ------------------------------------------------------------ beijing-finance
b=examples/beijing-finance.bcp
# dc_primary: clearing runs at hq too, payment at dc_backup too: 0h.  trading
# runs at dc_backup too, but system.trading is only at dc_primary: its RTO
# 30m = the function's RTO.  crm runs only at dc_primary: the alternate
# dc_backup has no activation_time: time unknown.  compliance needs
# compliance_reporting (dc_primary only): its RTO 24h = the function's RTO.
label="beijing dc_primary"; sim $b --lose site.dc_primary
affected 4
expect function.clearing "Within RTO, back after 0h"
expect function.trading "Within RTO, back after 30m"
expect function.crm "Time not stated"
expect function.compliance "Within RTO, back after 24h"
# colo: its alternate has no switch time; its SLA is 15m.
label="beijing colo"; sim $b --lose supplier.colo
affected 2
expect function.clearing "Within RTO, back after 15m"
expect function.trading "Within RTO, back after 15m"
# ops_head has a substitute (cro): at once.
label="beijing ops_head"; sim $b --lose contact.ops_head
expect function.clearing "Within RTO, back after 0h"
# ops_head and cro (substitute and deputy): nobody; the fallback has no time.
label="beijing ops_head cro"; sim $b --lose contact.ops_head --lose contact.cro
expect function.clearing "Time not stated"
# crm for 2h: its RTO 4h is not reached; back when the loss ends.
label="beijing crm 2h"; sim $b --lose system.crm --for 2h
expect function.crm "Within RTO, back after 2h when the loss ends"

# ------------------------------------------------------------ global-services
g=examples/global-services.bcp
# dc_london: remote_access and delivery_platform run in Manchester too;
# finance_erp only in London, no DR: its RTO 48h.
label="global dc_london"; sim $g --lose site.dc_london
affected 5
expect function.customer_service "Within RTO, back after 0h"
expect function.it_services "Within RTO, back after 0h"
expect function.contract_delivery "Within RTO, back after 0h"
expect function.finance_clearing "Within RTO, back after 48h"
expect function.accounting "Within RTO, back after 48h"
has "recovery path: When the function it needs is back (function.it_services)"
# london: staff work remotely; clearing runs in New York too.
label="global london"; sim $g --lose site.london
expect function.it_services "Within RTO, back after 0h"
expect function.finance_clearing "Within RTO, back after 0h"
# contact_centre: the service desk's vendor; the desk's RTO 4h.
label="global contact_centre"; sim $g --lose supplier.contact_centre
affected 1; expect function.customer_service "Within RTO, back after 4h"
# wan: the backup line has no switch time; the SLA is 4h.
label="global wan"; sim $g --lose supplier.wan
expect function.customer_service "Within RTO, back after 4h"; has "recovery path: Supplier's service level"
# finance_erp for 12h: back when the loss ends, before its 48h RTO.
label="global finance_erp 12h"; sim $g --lose system.finance_erp --for 12h
expect function.finance_clearing "Within RTO, back after 12h when the loss ends"
expect function.accounting "Within RTO, back after 12h when the loss ends"

# ------------------------------------------------------------ scenarios
label="huadong all-scenarios"; sim $h --all-scenarios
n=$(grep -c '^scenario\.' "$tmp/out")
[ "$n" -eq 3 ] && ok "$label: 3 scenarios with loses" || fail "$label: $n scenarios"
has "scenario.typhoon (Typhoon or rainstorm: plant inaccessible): losing site.shanghai"
label="global scenario"; sim $g --scenario london_flood
has "scenario.london_flood (London office flooded): losing site.london"
label="minimal all-scenarios"; sim $m --all-scenarios
status 0; grep -q "no scenario" "$tmp/err" && ok "$label: says there is none" || fail "$label: silent"

# ------------------------------------------------------------ JSON
label="json"; sim $h --lose site.shanghai --format json --at 2026-12-04
if python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["simulations"][0]
assert s["lost"] == ["site.shanghai"], s["lost"]
f = {x["function"]: x for x in s["functions"]}
p = f["function.production"]
assert p["verdict"] == "rto-missed" and p["recovery"] == "48h" and p["recovery_seconds"] == 172800, p
assert p["back_at"] == "2026-12-06 00:00", p["back_at"]
assert p["chain"] == ["function.production", "asset.machine_a", "site.shanghai"], p["chain"]
assert p["rto"] == "24h" and p["mtpd"] == "3d", p
assert s["breaches_mtpd"] is False
EOF
then ok "json: fields and values"; else fail "json: fields and values"; fi

# ------------------------------------------------------------ Markdown, HTML
label="md"; sim $h --lose site.shanghai --format md
has "| Function | Why affected | Recovery path | Back after | RTO | MTPD | Verdict |"
has "| Production | function.production → asset.machine\_a → site.shanghai | Alternate equipment (resource.lessor\_sh) | 48 hours | 24 hours | 72 hours | RTO missed |"
label="md zh-CN"; sim $h --lose site.shanghai --format md --lang zh-CN
has "# 损失模拟"
has "| 职能 | 受影响原因 | 恢复途径 | 恢复所需时间 | RTO | MTPD | 结论 |"
has "| 生产环节 | function.production → asset.machine\_a → site.shanghai | 替代设备（resource.lessor\_sh） | 48 小时 | 24 小时 | 72 小时 | 超出 RTO |"
label="html"; sim $h --all-scenarios --format html
n=$(grep -o '<svg' "$tmp/out" | wc -l)
[ "$n" -eq 3 ] && ok "$label: a timeline figure per scenario" || fail "$label: $n figures, want 3"
grep -q '<line class="mtpd"' "$tmp/out" && grep -q '<rect class="bar rto-missed"' "$tmp/out" &&
    grep -q '<text class="verdict" [^>]*>RTO missed</text>' "$tmp/out" &&
    ok "$label: bars by verdict, RTO and MTPD marks" || fail "$label: marks missing"
if python3 - "$tmp/out" <<'EOF2'
import sys, xml.dom.minidom, re
html = open(sys.argv[1], encoding="utf-8").read()
for svg in re.findall(r"<svg.*?</svg>", html, re.S):
    xml.dom.minidom.parseString(svg)
EOF2
then ok "$label: every figure is well-formed SVG"; else fail "$label: malformed SVG"; fi

# ------------------------------------------------------------ the document
for lang in en zh-CN; do
    "$BCP" build $h -o "$tmp/doc-$lang" --lang "$lang" >/dev/null 2>&1
    case $lang in en) title="Scenario impact" verdict="RTO missed" ;; *) title="情景影响分析" verdict="超出 RTO" ;; esac
    label="document $lang"
    grep -q "^### [0-9.]* $title\|^### .*$title" "$tmp/doc-$lang/plan.md" && ok "$label: md section" || fail "$label: no md section"
    # typhoon: production back after 48h via the lessor, RTO missed
    grep -q "$verdict" "$tmp/doc-$lang/plan.md" && ok "$label: verdict in $lang" || fail "$label: no '$verdict'"
    grep -q "$title" "$tmp/doc-$lang/plan.html" && ok "$label: html section" || fail "$label: no html section"
    if python3 - "$tmp/doc-$lang/plan.json" <<'EOF2'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = {x["scenario"]: x for x in d["scenario_impact"]}
assert set(s) == {"scenario.supply_chain", "scenario.it_outage", "scenario.typhoon"}, set(s)
f = {x["function"]: x for x in s["scenario.typhoon"]["functions"]}
assert f["function.production"]["verdict"] == "rto-missed" and f["function.production"]["recovery_seconds"] == 172800
EOF2
    then ok "$label: JSON scenario_impact"; else fail "$label: JSON scenario_impact"; fi
done
"$BCP" build $m -o "$tmp/doc-min" >/dev/null 2>&1
grep -q "Scenario impact" "$tmp/doc-min/minimal.md" && fail "minimal: section without loses" || ok "minimal: no section without loses"

# ------------------------------------------------------------ --each and B111
fixture=tests/rules/B111.bad.bcp
label="each"; sim $fixture --each
status 1
sed -n 's/^losing \([a-z_]*\)\.\([a-z_0-9]*\)$/\1 \2/p' "$tmp/out" >"$tmp/each"
"$BCP" check --select B111 --format gcc "$fixture" 2>/dev/null |
    sed -n 's/.*losing \([a-z_]*\) `\([a-z_0-9]*\)`.*/\1 \2/p' >"$tmp/b111"
if [ -s "$tmp/each" ] && cmp -s "$tmp/each" "$tmp/b111"; then
    ok "each: names what B111 names ($(tr '\n' ' ' <"$tmp/each"))"
else
    fail "each and B111 differ:"; diff "$tmp/each" "$tmp/b111" | sed 's/^/    /'
fi
for plan in $m $h $b $g tests/rules/B111.good.bcp; do
    "$BCP" simulate "$plan" --each --lang en >"$tmp/out" 2>&1
    each=$(grep -c '^losing' "$tmp/out")
    b111=$("$BCP" check --select B111 --format gcc "$plan" 2>/dev/null | grep -c 'B111')
    [ "$each" -eq "$b111" ] && ok "each = B111 on $plan ($each)" || fail "$plan: --each $each, B111 $b111"
done

# ------------------------------------------------------------ the timeline figure
# billing (RTO 4h, MTPD 8h) and reports (RTO 12h) need the ledger (RTO 6h):
# both back after 6h.  The plot (x 230..710, 480 wide) spans the longest time,
# 12h, plus a tenth: 13.2h = 47520 s.  Billing's bar: 21600*480/47520 = 218
# wide; its RTO mark at 230+145 = 375, its MTPD mark at 230+290 = 520.
mkdir -p "$tmp/tl"
cat >"$tmp/tl/tl.bcp" <<'PLAN'
plan tl {
  title        = "Timeline fixture"
  organization = "Acme Ltd"
  owner        = contact.owner
  reviewed     = 2026-09-01
}
function billing {
  title = "Billing"
  rto   = 4h
  mtpd  = 8h
  owner = contact.owner
  needs = [system.ledger]
}
function reports {
  title = "Reports"
  rto   = 12h
  owner = contact.owner
  needs = [system.ledger]
}
system ledger {
  title = "Ledger"
  rto   = 6h
}
contact owner {
  name  = "Alex Chen"
  role  = "Director"
  tier  = 1
  phone = "+44 20 7946 0000"
}
PLAN
label="timeline"; sim "$tmp/tl/tl.bcp" --lose system.ledger --format html
sed -n 's/.*\(<svg.*<\/svg>\).*/\1/p' "$tmp/out" >"$tmp/tl.svg"
xmllint --noout "$tmp/tl.svg" 2>"$tmp/xerr" && ok "$label: well-formed SVG (xmllint)" || { fail "$label: xmllint"; cat "$tmp/xerr"; }
# xp XPATH: its string value in the timeline's SVG, spaces dropped
xp() { xmllint --xpath "string($1)" "$tmp/tl.svg" 2>/dev/null | tr -d ' \n'; }
row='//*[local-name()="g"][@data-function="function.billing"]'
bar="$row/*[local-name()=\"rect\"]"
[ "$(xp "$bar/@x")" = 230 ] && [ "$(xp "$bar/@width")" = 218 ] &&
    ok "$label: billing's bar from 230, 218 wide (6h)" || fail "$label: billing's bar at $(xp "$bar/@x"), $(xp "$bar/@width") wide"
mark="$row/*[local-name()=\"line\"]"
[ "$(xp "$mark[@class=\"rto\"]/@x1")" = 375 ] && ok "$label: RTO mark at 375 (4h)" || fail "$label: RTO mark at $(xp "$mark[@class=\"rto\"]/@x1")"
[ "$(xp "$mark[@class=\"mtpd\"]/@x1")" = 520 ] && ok "$label: MTPD mark at 520 (8h)" || fail "$label: MTPD mark at $(xp "$mark[@class=\"mtpd\"]/@x1")"
[ "$(xp "$bar/@fill")" = "url(#timeline-1-hatch)" ] && [ "$(xp "$row/*[local-name()=\"text\"][@class=\"verdict\"]")" = "RTOmissed" ] &&
    ok "$label: RTO missed by colour, pattern and in words" || fail "$label: billing's verdict not shown by pattern and text"
[ "$(xp '//*[local-name()="title"][@id="timeline-1-title"]')" = "Recoverytimeline:losingsystem.ledger" ] &&
    grep -q 'aria-labelledby="timeline-1-title"' "$tmp/tl.svg" && ok "$label: a <title> names it" || fail "$label: no <title>"
row='//*[local-name()="g"][@data-function="function.reports"]'
[ "$(xp "$row/*[local-name()=\"rect\"]/@fill")" = "#2f9e44" ] && [ -z "$(xp "$row/*[local-name()=\"line\"][@class=\"mtpd\"]/@x1")" ] &&
    [ "$(xp "$row/*[local-name()=\"line\"][@class=\"rto\"]/@x1")" = 666 ] &&
    ok "$label: reports within RTO, solid green, RTO mark at 666 (12h), no MTPD mark" || fail "$label: reports' bar"
cp "$tmp/out" "$tmp/tl1.html"
sim "$tmp/tl/tl.bcp" --lose system.ledger --format html
cmp -s "$tmp/out" "$tmp/tl1.html" && ok "$label: deterministic" || fail "$label: two runs differ"
label="timeline zh-CN"; sim "$tmp/tl/tl.bcp" --lose system.ledger --format html --lang zh-CN
grep -q '<html lang="zh-CN">' "$tmp/out" && grep -q '>超出 RTO</text>' "$tmp/out" &&
    grep -q '<title id="timeline-1-title">恢复时间线：失去 system.ledger</title>' "$tmp/out" &&
    ok "$label: page, verdicts and title in Chinese" || fail "$label: not in Chinese"
label="document timeline"; "$BCP" build $h -o "$tmp/doc-tl" >/dev/null 2>&1
n=$(grep -o '<svg[^>]*aria-labelledby="scenario-timeline-[0-9]*-title"' "$tmp/doc-tl/plan.html" | wc -l)
[ "$n" -eq 3 ] && ok "$label: one timeline per scenario in the HTML document" || fail "$label: $n timelines, want 3"
grep -q '<strong>图 [0-9.]*</strong>：各情景的恢复时间线' "$tmp/doc-tl/plan.html" && ok "$label: numbered caption" || fail "$label: no caption"
sed -n 's/.*\(<figure class="figure scenario-timeline".*<\/figure>\).*/\1/p' "$tmp/doc-tl/plan.html" >"$tmp/doc-tl.xml"
xmllint --noout "$tmp/doc-tl.xml" 2>"$tmp/xerr" && ok "$label: the figure is well-formed" || { fail "$label: xmllint"; head -5 "$tmp/xerr"; }

# ------------------------------------------------------------ languages
label="zh-CN text"; sim "$tmp/tl/tl.bcp" --lose system.ledger --lang zh-CN
has "失去 system.ledger"
has "  function.billing（Billing）：超出 RTO，6h 后恢复；RTO 4h，MTPD 8h"
has "    原因：function.billing -> system.ledger"
has "    恢复途径：系统在其 RTO 内恢复"
# the only Latin letters left: refs, durations, RTO/MTPD and the plan's own names
if sed 's/[a-z_]*\.[a-z_]*//g; s/Billing\|Reports//g; s/RTO\|MTPD//g; s/[0-9][0-9]*[a-z]*//g' "$tmp/out" | grep -q '[A-Za-z]'; then
    fail "$label: English words left"; cat "$tmp/out"
else
    ok "$label: no English words"
fi
label="default language"; "$BCP" simulate $h --lose site.shanghai >"$tmp/out" 2>&1
has "失去 site.shanghai"
label="unknown language"; sim $h --lose site.shanghai --lang fr
status 2; grep -q 'fr' "$tmp/err" && ok "$label: says so" || { fail "$label"; cat "$tmp/err"; }

# ------------------------------------------------------------ --each says what it did
label="each none"; sim $m --each
status 0
has "3 single losses simulated (0 sites, 1 systems, 1 suppliers, 1 people): none breaches an MTPD"
label="each none md"; sim $m --each --format md
has "3 single losses simulated (0 sites, 1 systems, 1 suppliers, 1 people): none breaches an MTPD"
label="each none json"; sim $m --each --format json
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
e = d["each"]
assert (e["simulated"], e["sites"], e["systems"], e["suppliers"], e["people"], e["breaching"]) == (3, 0, 1, 1, 1, 0), e
assert d["simulations"] == []' "$tmp/out" && ok "$label: the summary object" || fail "$label: summary object"
label="each zh-CN"; sim $m --each --lang zh-CN
has "已模拟 3 个单项损失（场所 0 个、系统 1 个、供应商 1 家、人员 1 名）：均未超出 MTPD"
label="each breaches"; sim tests/rules/B111.bad.bcp --each
n=$(grep -c '^losing' "$tmp/out")
if [ "$n" -eq 1 ]; then want="1 breaches an MTPD"; else want="$n breach an MTPD"; fi
head -1 "$tmp/out" | grep -q "single losses simulated (.*): $want" && ok "$label: the summary counts the $n breaches" ||
    { fail "$label: summary"; head -3 "$tmp/out"; }

# ------------------------------------------------------------ bcpconfig.bcp limits
mkdir -p "$tmp/lim"
cp "$tmp/tl/tl.bcp" "$tmp/lim/plan.bcp"
printf 'config {\n  limits { nesting = 1 }\n}\n' >"$tmp/lim/bcpconfig.bcp"
for cmd in "simulate --lose system.ledger" "graph"; do
    # shellcheck disable=SC2086
    "$BCP" $cmd "$tmp/lim/plan.bcp" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] && grep -q 'limit' "$tmp/err" && ok "limits: $cmd refuses a plan over the configured limit" ||
        { fail "limits: $cmd (exit $rc)"; cat "$tmp/err"; }
done
rm "$tmp/lim/bcpconfig.bcp"
"$BCP" simulate --lose system.ledger "$tmp/lim/plan.bcp" >/dev/null 2>&1 && "$BCP" graph "$tmp/lim/plan.bcp" >/dev/null 2>&1 &&
    ok "limits: without the configuration both run" || fail "limits: the plan fails without a limit"

# ------------------------------------------------------------ errors
label="unknown id"; sim $h --lose site.shangai
status 2; grep -q 'E210' "$tmp/err" && grep -q 'did you mean `site.shanghai`' "$tmp/err" &&
    ok "$label: E210 with did-you-mean" || { fail "$label"; cat "$tmp/err"; }
label="unknown kind"; sim $h --lose sytem.erp
status 2; grep -q 'did you mean `system.erp`' "$tmp/err" && ok "$label: did-you-mean" || { fail "$label"; cat "$tmp/err"; }
label="not losable"; sim $h --lose risk.typhoon_flood
status 2; grep -q 'E211' "$tmp/err" && ok "$label: E211" || { fail "$label"; cat "$tmp/err"; }
label="nothing"; sim $h
status 2; grep -q 'E212' "$tmp/err" && ok "$label: E212" || { fail "$label"; cat "$tmp/err"; }
label="unknown scenario"; sim $h --scenario typhon
status 2; grep -q 'did you mean `scenario.typhoon`' "$tmp/err" && ok "$label" || { fail "$label"; cat "$tmp/err"; }
label="bad --for"; sim $h --lose site.shanghai --for soon
status 2
label="bad --at"; sim $h --lose site.shanghai --at 2026-13-01
status 2
label="two modes"; sim $h --each --all-scenarios
status 2
label="bad format"; sim $h --lose site.shanghai --format xml
status 2
label="no plan"; "$BCP" simulate "$tmp/none.bcp" --lose site.x >/dev/null 2>&1; echo $? >"$tmp/rc"
status 2

# Output linear in what the loss reaches (issue 15): on a chain of functions,
# each needing the one before, each function's chain stops at the function it
# needs (which has its own line), so twice the chain is about twice the
# report, in text and JSON; printing every whole chain made it four times.
sh tools/gen-chain.sh 1000 "$tmp/chain1000.bcp"
sh tools/gen-chain.sh 2000 "$tmp/chain2000.bcp"
for fmt in text json md; do
    label="chain of 1,000 and 2,000 functions ($fmt)"
    a=$("$BCP" simulate "$tmp/chain1000.bcp" --lose system.s0 --format $fmt 2>/dev/null | wc -c)
    b=$("$BCP" simulate "$tmp/chain2000.bcp" --lose system.s0 --format $fmt 2>/dev/null | wc -c)
    if [ "$a" -gt 0 ] && [ $((b * 10)) -le $((a * 25)) ]; then ok "$label: $a and $b bytes, linear"
    else fail "$label: $a and $b bytes, ratio above 2.5 (quadratic)"; fi
done
label="chain"; sim "$tmp/chain1000.bcp" --lose system.s0
has "because function.f999 -> function.f998"
has "because function.f0 -> system.s0"
grep -q 'function.f999 -> function.f998 ->' "$tmp/out" && fail "$label: a whole chain printed" || ok "$label: each link once"

# A chain deeper than the old recursion's fixed 2,000 functions (issue 15):
# f0 needs f1 needs ... f4999, each also on system s0, so the loss reaches
# f0 first and its time waits on the whole chain.  Every function is back
# with s0 (its RTO, 4h); the recursive walk gave up at depth 2,000 and
# reported 4,000 of them "time not stated".
awk 'BEGIN { printf "plan p {\n  title = \"Deep\"\n  organization = \"D\"\n}\nsystem s0 { title = \"S\"  rto = 4h }\n"
    for (i = 0; i < 5000; i++) printf "function f%d { title = \"F\"  needs = [%ssystem.s0] }\n", i, (i < 4999 ? "function.f" (i + 1) ", " : "") }' >"$tmp/deep.bcp"
label="chain of 5,000 functions"; sim "$tmp/deep.bcp" --lose system.s0
status 0
n=$(grep -c '^  function\.f[0-9]* (F): Within RTO, back after 4h$' "$tmp/out")
[ "$n" -eq 5000 ] && ok "$label: all 5000 back after 4h" || fail "$label: $n of 5000 back after 4h"
has "because function.f4998 -> function.f4999"

label="unknown --lang"; "$BCP" simulate "$tmp/chain1000.bcp" --lose system.s0 --lang xx >/dev/null 2>"$tmp/err"
grep -q "no locale .xx." "$tmp/err" && ! grep -qF '[ ]' "$tmp/err" && ok "$label: said without an empty code" \
    || { fail "$label"; cat "$tmp/err"; }

exit $failed
