#!/bin/sh
# bcp build: golden Markdown and JSON of every example (UPDATE=1 rewrites
# them), byte-identical output across runs and locales/time zones, hostile
# plan text stays inert, a plan with errors builds nothing.
set -u
# The documents state open and overdue items as of the build's day: the
# goldens are built on a fixed one (2026-12-04).
export SOURCE_DATE_EPOCH=1796342400
root=$(cd "$(dirname "$0")/../.." && pwd)
golden=$root/tests/golden/build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: build: $1"; }
bad() { echo "FAIL: build: $1"; fail=1; }

compare() { # compare NAME GOT
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$2" "$golden/$1"
        echo "updated: tests/golden/build/$1"
    elif cmp -s "$2" "$golden/$1"; then
        ok "$1 matches golden"
    else
        bad "$1 differs from golden"
        diff -u "$golden/$1" "$2" | head -20
    fi
}

cd "$root"
# one build a language for every example (tests/cli/examples_build.sh)
. tests/cli/examples_build.sh
for lang in default en zh-CN; do
    if [ $lang = default ]; then suffix=""; else suffix=".$lang"; fi
    examples_build "$tmp" $lang
    if grep -q "has no text" "$tmp/$lang.err"; then
        bad "the examples ($lang): stdlib texts missing"; grep "has no text" "$tmp/$lang.err" | head -5
    fi
    for f in $(examples_list); do
        # golden files are named after the example; the documents after the file
        case $f in */plan.bcp) name=$(basename "$(dirname "$f")") ;; *) name=$(basename "$f" .bcp) ;; esac
        stem=$(basename "$f" .bcp)
        out=$(examples_out "$tmp" $lang "$f") || { bad "$f ($lang) does not build"; cat "$tmp/$lang.err"; continue; }
        for ext in md json html; do
            [ -s "$out/$stem.$ext" ] || bad "$f ($lang): no $stem.$ext"
        done
        # a --lang that is the plan's own language adds nothing to compare
        if [ $lang = default ] || ! cmp -s "$out/$stem.md" "$(examples_out "$tmp" default "$f")/$stem.md"; then
            compare "$name$suffix.md" "$out/$stem.md"
            compare "$name$suffix.json" "$out/$stem.json"
        fi
    done
done

# Same bytes on a second run, under another time zone and locale.
f=examples/huadong/plan.bcp
[ -e $f ] || f=examples/minimal.bcp
"$BCP" build -o "$tmp/r1" "$f" 2>/dev/null
TZ=Pacific/Kiritimati LANG=zh_CN.UTF-8 LC_ALL=C.UTF-8 "$BCP" build -o "$tmp/r2" "$f" 2>/dev/null
TZ=America/Los_Angeles LANG=C LC_ALL=C "$BCP" build -o "$tmp/r3" "$f" 2>/dev/null
if diff -r "$tmp/r1" "$tmp/r2" >/dev/null && diff -r "$tmp/r1" "$tmp/r3" >/dev/null; then
    ok "byte-identical across runs, TZ and LANG"
else
    bad "output depends on the run, TZ or LANG"
fi

# Hostile strings.
h=$golden/hostile/plan.bcp
if "$BCP" build -o "$tmp/h" "$h" 2>"$tmp/err"; then
    md=$tmp/h/plan.md html=$tmp/h/plan.html json=$tmp/h/plan.json
    compare hostile/hostile.md "$md"
    # No raw HTML in Markdown: every < is escaped.
    if grep -n '[^\\]<[a-zA-Z/]' "$md" | grep -v '^[0-9]*:<' >/dev/null; then bad "raw HTML in Markdown"; grep -n '[^\\]<[a-zA-Z/]' "$md" | head -3; else ok "Markdown has no raw HTML"; fi
    if grep -q '^# Not a heading' "$md" || grep -q '^- not a list' "$md"; then bad "plan text became Markdown blocks"; else ok "plan text cannot open Markdown blocks"; fi
    # Each risk-matrix row keeps its column count despite | in the text.
    cols=$(grep '^| xss ' "$md" | sed 's/\\|//g' | tr -cd '|' | wc -c)
    [ "$cols" -eq 10 ] && ok "| in cells stays in its cell" || bad "| broke the table ($cols bars)"
    if grep -qi '<script\|<iframe\|<img' "$html"; then bad "active HTML reached the page"; grep -oi '<script[^>]*>\|<iframe[^>]*>\|<img[^>]*>' "$html" | head; else ok "HTML has no script, iframe or img"; fi
    if grep -qi 'href="javascript\|src="http' "$html"; then bad "dangerous URL in HTML"; else ok "no javascript: links or external sources in HTML"; fi
    grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$html" && ok "hostile text readable in HTML" || bad "hostile text not shown in HTML"
    if command -v python3 >/dev/null; then
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["risks"][0]["title"]=="<script>alert(1)</script>"' "$json" \
            && ok "JSON keeps the text verbatim" || bad "JSON does not round-trip the text"
    fi
else
    bad "hostile plan does not build"; cat "$tmp/err"
fi

# Document content: every contact in the directory (external ones of any
# tier, marked), one RPO verdict per system judged like lint rule D102,
# suppliers' SLA in the dependency table, zh-CN punctuation from the locale.
cat > "$tmp/doc.bcp" <<'PLAN'
plan p {
  title        = "P"
  organization = "P Ltd"
  owner        = contact.owner
  language     = "zh-CN"
}
function clearing {
  title = "Clearing"
  rto   = 4h
  rpo   = 15m
  needs = [system.ledger, system.archive, supplier.bank]
  owner = contact.owner
}
system ledger {
  title = "Ledger"
  backup { every = 1d kind = full }
  backup { every = 5m kind = replication }
}
system archive {
  title = "Archive"
  rpo   = 1d
  backup { every = 1d kind = full }
}
supplier bank {
  name = "Custodian bank"
  sla  = 2h
}
phase response {
  title   = "Response"
  starts  = 0h
  ends    = 4h
  owner   = contact.owner
  actions = ["Call the team"]
}
contact owner {
  name  = "Owner Person"
  role  = "Director"
  tier  = 1
  phone = "+86 21 5555 0000"
}
contact regulator_desk {
  name         = "Supervisor Desk"
  organization = "Finance Regulator"
  tier         = 3
  external     = true
  phone        = "+86 10 5555 0000"
}
contact carrier {
  name     = "Carrier Hotline"
  tier     = 2
  external = true
  phone    = "+86 10 5555 0001"
}
PLAN
# The fixture has lint errors on purpose (D102 for the archive, no crisis
# team): it builds as a draft.
if "$BCP" build --draft -o "$tmp/doc" "$tmp/doc.bcp" 2>"$tmp/err" && "$BCP" build --draft --lang en -o "$tmp/doc-en" "$tmp/doc.bcp" 2>>"$tmp/err"; then
    zh=$tmp/doc/doc.md en=$tmp/doc-en/doc.md
    if grep -q '^| Supervisor Desk | Finance Regulator | 外部 |' "$zh" && grep -q '^| Carrier Hotline | — | External |' "$en"; then
        ok "external contacts of every tier are in the directory, marked"
    else
        bad "external contacts missing from the directory"; grep -n 'Supervisor\|Carrier' "$zh" "$en"
    fi
    # ledger: daily full + 5-minute replication meets the 15m RPO as a system;
    # archive: its own 1d RPO is looser than the function's 15m, and a daily backup misses it
    if grep -q '^| Ledger | 24 hours | Full | .* | 15 minutes | ✔ Met |$' "$en" &&
       grep -q '^|  | 5 minutes | Replication | .* |  |  |$' "$en" &&
       grep -q '^| Archive | 24 hours | Full | .* | 15 minutes | ✘ Not met |$' "$en"; then
        ok "backup table: one RPO verdict per system"
    else
        bad "backup table verdicts"; grep -n 'Ledger\|Archive\|^|  |' "$en"
    fi
    "$BCP" check "$tmp/doc.bcp" >"$tmp/check.txt" 2>&1
    if grep 'D102' "$tmp/check.txt" | grep -q 'archive' && ! grep 'D102' "$tmp/check.txt" | grep -q 'ledger'; then
        ok "backup verdicts agree with D102 backup-rpo-gap"
    else
        bad "backup verdicts disagree with D102"; grep D102 "$tmp/check.txt"
    fi
    if command -v python3 >/dev/null; then
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s={x["id"]:x["rpo_met"] for x in d["systems"]}; assert s=={"ledger":True,"archive":False}, s' "$tmp/doc/doc.json" \
            && ok "JSON: each system carries the rpo_met verdict" || bad "JSON rpo_met per system"
    fi
    if grep -q '^| Clearing | Custodian bank | 供应商 | 2 小时（SLA） |' "$zh" && grep -q '| Custodian bank | Supplier | 2 hours (SLA) |' "$en"; then
        ok "dependency table shows a supplier's SLA"
    else
        bad "supplier SLA not shown"; grep -n 'Custodian' "$zh" "$en"
    fi
    if grep -q '^#### Response$' "$zh" && grep -q '^\*\*时间窗口\*\*：0–4 小时  $' "$zh" &&
       grep -q '^\*\*负责人\*\*：Owner Person$' "$zh" &&
       grep -q '^#### Response$' "$en" && grep -q '^\*\*Time window\*\*: 0–4 hours  $' "$en" &&
       grep -q '^\*\*Owner\*\*: Owner Person$' "$en"; then
        ok "punctuation comes from the locale (full-width in zh-CN)"
    else
        bad "locale punctuation"; grep -n '^#### \|负责人\*\*\|Owner\*\*\|时间窗口\|Time window' "$zh" "$en"
    fi
    # HTML: short cells (durations, phone numbers) are kept on one line
    "$BCP" build --draft --format html --lang en -o "$tmp/doc-html" "$tmp/doc.bcp" 2>/dev/null
    if grep -q '<td class="nw">+86 10 5555 0000</td>' "$tmp/doc-html/doc.html" &&
       grep -q '<td class="nw">4 hours</td>' "$tmp/doc-html/doc.html" &&
       grep -q '<div class="table-wrap"><table>' "$tmp/doc-html/doc.html"; then
        ok "HTML keeps short cells and phone numbers on one line"
    else
        bad "HTML table cells not marked"
    fi
    # outside tables, no ASCII "(" after Chinese text and no "**: " label in zh-CN
    if grep -v '^|' "$zh" | grep -q '[^ -~] (\|\*\*: '; then
        bad "ASCII punctuation in zh-CN text"; grep -v '^|' "$zh" | grep '[^ -~] (\|\*\*: ' | head -3
    else
        ok "no ASCII parentheses or label colons in zh-CN"
    fi
else
    bad "content fixture does not build"; cat "$tmp/err"
fi

# Document details an auditor reads: a numbered line in a message template
# stays a line of the quote (no list inside it), items holding a comma are
# kept apart by the stronger separator, frequencies read as phrases, a range
# shares its unit, and the risk register follows the risks' own cadence.
g=$golden
if grep -q '^> 1\\\. 采购部' "$g/huadong.md" && ! grep -q '^> 1\. ' "$g/huadong.md"; then
    ok "numbered lines of a message template stay inside the quote"
else
    bad "message template line starts"; grep -n '^> [0-9]' "$g/huadong.md" | head -3
fi
if grep -q '^| Tier 2 .*Regional team, Americas; Regional team, EMEA; ' "$g/global-services.md" &&
    grep -q '^| Top risks | .*: score [0-9]*, [A-Za-z]*; ' "$g/global-services.md"; then
    ok "list items that contain a comma are joined with '; '"
else
    bad "list separator"; grep -n '^| Tier 2\|^| Top risks' "$g/global-services.md"
fi
if grep -q '| 每 6 个月 |' "$g/beijing-finance.md" && grep -q '| Every 3 months |' "$g/global-services.md" &&
   grep -q '^\*\*时间窗口\*\*：48–72 小时  $' "$g/huadong.md" && grep -q '风险清单至少每 6 个月复核一次' "$g/huadong.md"; then
    ok "frequencies, time windows and the risk review cadence read naturally"
else
    bad "frequency / window phrasing"; grep -n '每 6\|时间窗口\|风险清单至少' "$g/huadong.md" | head -5
fi
# Section 5.8 is the plan's own notification_flow in each language, the
# stdlib's default flow for a plan without one.
flow_section() { # flow_section FILE: the items of section 5.8, one a line
    awk '/^### 5\.8 /{on=1; next} on && /^#/{exit} on && NF' "$1"
}
zh_flow=$(flow_section "$g/beijing-finance.md")
en_flow=$(flow_section "$g/beijing-finance.en.md")
want_zh='1. 风险事件
2. 核实关键影响
3. 通知关键人员
4. 执行应急决策
5. 客户及员工公告
6. 持续沟通'
want_en='1. Risk event
2. Verify the critical impact
3. Notify key people
4. Take the emergency decision
5. Announce to clients and staff
6. Keep communicating'
if [ "$zh_flow" = "$want_zh" ] && [ "$en_flow" = "$want_en" ]; then
    ok "notification flow: the plan's own steps in both languages"
else
    bad "notification flow of the Beijing plan"; printf '%s\n--\n%s\n' "$zh_flow" "$en_flow"
fi
if flow_section "$g/global-services.md" | grep -q '^1\. Whoever discovers the incident reports it'; then
    ok "notification flow: stdlib default without notification_flow"
else
    bad "default notification flow missing"; flow_section "$g/global-services.md"
fi
if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); e=json.load(open(sys.argv[2])); assert d["plan"]["notification_flow"][0]=="风险事件" and e["plan"]["notification_flow"][5]=="Keep communicating"' \
        "$g/beijing-finance.json" "$g/beijing-finance.en.json" && ok "JSON: plan.notification_flow in the build language" || bad "JSON notification_flow"
fi

# A plan with syntax or model errors builds nothing and exits 2, even as a draft.
printf 'plan p { title = "t" organization = "o" owner = contact.nobody }\n' > "$tmp/broken.bcp"
"$BCP" build --draft -o "$tmp/broken" "$tmp/broken.bcp" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -e "$tmp/broken" ] && grep -q "E106\|undefined" "$tmp/err"; then
    ok "plan with errors: exit 2, diagnostics, nothing built"
else
    bad "plan with errors: exit $rc"; cat "$tmp/err"
fi
"$BCP" build --lang xx -o "$tmp/x" examples/minimal.bcp 2>/dev/null
[ $? -eq 2 ] && ok "unknown --lang is an error" || bad "unknown --lang accepted"
"$BCP" build --format md -o "$tmp/fmt" examples/minimal.bcp 2>/dev/null
[ -e "$tmp/fmt/minimal.md" ] && [ ! -e "$tmp/fmt/minimal.html" ] && ok "--format md writes only Markdown" || bad "--format md"
ls -a "$tmp/fmt" | grep -q tmp && bad "temporary file left behind" || ok "no temporary files left"
# Two plans whose documents would have the same name in one folder: the
# first is built, the second is refused (exit 2), not written over it.
mkdir -p "$tmp/same/a" "$tmp/same/b"
cp examples/minimal.bcp "$tmp/same/a/plan.bcp"
sed 's/"Acme Ltd business continuity plan"/"Second plan of the same name"/' examples/minimal.bcp > "$tmp/same/b/plan.bcp"
"$BCP" build --format md,json -o "$tmp/same/out" "$tmp/same/a/plan.bcp" "$tmp/same/b/plan.bcp" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "Acme Ltd business continuity plan" "$tmp/same/out/plan.md" &&
   ! grep -q "Second plan" "$tmp/same/out/plan.md" "$tmp/same/out/plan.json" &&
   grep -q "b/plan.bcp: nothing built: .*replace those just built from .*a/plan.bcp" "$tmp/err"; then
    ok "two plans of one name into one folder: the second refused, the first kept"
else
    bad "two plans of one name: exit $rc"; cat "$tmp/err"
fi
exit $fail
