#!/bin/sh
# Wording of the compiled document (issue 10): a hospital is called a
# hospital and its people patients, in both languages; the default recovery
# phases name no span their window contradicts; industry and size stay in the
# document when the plan writes its own scope; parentheses never nest; one
# list separator per language; and examples/global-services.bcp, written in
# English, builds an entirely Chinese document with --lang zh-CN.
set -u
KEEP=${KEEP:-}
tmp=$(mktemp -d)
[ -n "$KEEP" ] || trap 'rm -rf "$tmp"' EXIT; [ -z "$KEEP" ] || echo "kept $tmp"
fail=0
root=$(cd "$(dirname "$0")/../.." && pwd)
ok() { echo "ok: wording: $1"; }
bad() { echo "FAIL: wording: $1"; fail=1; }

# A small plan of the given industry; its own data uses none of the nouns.
plan() { # FILE INDUSTRY
    cat >"$1" <<EOF
plan p {
  title        = "Riverside plan"
  organization = "Riverside"
  industry     = $2
  size         = large
  owner        = contact.owner
  reviewed     = 2026-09-01
}
site main {
  name = "Main building"
  city = "Leeds"
}
function care {
  title    = "Core service"
  rto      = 4h
  fallback = "Paper forms"
  owner    = contact.owner
}
contact owner {
  name  = "Sam Lee"
  role  = "Director (business continuity coordinator)"
  tier  = 1
  phone = "+44 20 7946 0000"
}
EOF
}

build() { # FILE LANG OUTDIR
    "$BCP" build --draft --lang "$2" -o "$3" "$1" >/dev/null 2>"$tmp/err" || { bad "build $1 --lang $2"; cat "$tmp/err"; }
    if grep -q "has no text\|E150" "$tmp/err"; then bad "build $1 --lang $2 warns"; cat "$tmp/err"; fi
}

# 1. Healthcare: 医院/患者 (hospital/patients), never 公司/企业/客户 in stdlib prose.
plan "$tmp/hc.bcp" healthcare
build "$tmp/hc.bcp" zh-CN "$tmp/hz"
build "$tmp/hc.bcp" en "$tmp/he"
if grep -q '公司\|企业\|客户' "$tmp/hz/hc.md"; then
    bad "healthcare zh-CN still says 公司/企业/客户:"; grep -n '公司\|企业\|客户' "$tmp/hz/hc.md" | head -5
else
    ok "healthcare zh-CN: no 公司/企业/客户"
fi
grep -q '医院' "$tmp/hz/hc.md" && grep -q '患者' "$tmp/hz/hc.md" && ok "healthcare zh-CN: 医院 and 患者" ||
    bad "healthcare zh-CN lacks 医院/患者"
if grep -qi 'customer\|compan' "$tmp/he/hc.md"; then
    bad "healthcare en still says customer/company:"; grep -ni 'customer\|compan' "$tmp/he/hc.md" | head -5
else
    ok "healthcare en: no customer/company"
fi
grep -q 'the functions the hospital depends on' "$tmp/he/hc.md" && grep -q 'patients' "$tmp/he/hc.md" && ok "healthcare en: hospital and patients" ||
    bad "healthcare en lacks hospital/patients"

# 2. Education and public sector presets exist and bring their nouns.
plan "$tmp/ed.bcp" education
build "$tmp/ed.bcp" zh-CN "$tmp/ez"
grep -q '学校' "$tmp/ez/ed.md" && grep -q '教职工' "$tmp/ez/ed.md" && ! grep -q '公司' "$tmp/ez/ed.md" &&
    ok "education zh-CN: 学校, 教职工" || bad "education zh-CN nouns"
plan "$tmp/ps.bcp" public_sector
build "$tmp/ps.bcp" en "$tmp/pe"
grep -q 'the public body' "$tmp/pe/ps.md" && grep -q 'members of the public' "$tmp/pe/ps.md" &&
    ok "public sector en: public body, members of the public" || bad "public sector en nouns"
build "$tmp/ps.bcp" zh-CN "$tmp/pz"
grep -q '单位' "$tmp/pz/ps.md" && grep -q '工作人员' "$tmp/pz/ps.md" && ok "public sector zh-CN: 单位, 工作人员" ||
    bad "public sector zh-CN nouns"

# 3. A plan names itself: its own `text noun_org` wins over the preset, without E150.
cp "$tmp/hc.bcp" "$tmp/clinic.bcp"
printf '\nlocale zh-CN {\n  text noun_org { title = "诊所" }\n}\n' >>"$tmp/clinic.bcp"
build "$tmp/clinic.bcp" zh-CN "$tmp/cz"
grep -q '确定诊所赖以' "$tmp/cz/clinic.md" && ! grep -q '确定医院赖以' "$tmp/cz/clinic.md" && ok "plan's noun_org override shown" ||
    bad "plan's noun_org override not shown"

# 4. Default phases: the heading names the phase, the window line is computed
#    from the industry (healthcare: 0–24 h, 24–72 h, from 72 h).
grep -q '^\*\*时间窗口\*\*：0–24 小时' "$tmp/hz/hc.md" && grep -q '^\*\*时间窗口\*\*：72 小时起' "$tmp/hz/hc.md" &&
    ok "default phase windows from the healthcare preset" || bad "default phase windows"
if grep -q '^#### .*[（(].*[0-9]' "$tmp/hz/hc.md" "$tmp/he/hc.md"; then
    bad "a default phase heading still carries a span"; grep -n '^#### .*[（(]' "$tmp/hz/hc.md" | head -3
else
    ok "default phase headings carry no span"
fi
if grep -rq '1 周及以上' "$root/examples"; then bad "an example phase title says 1 周及以上"; else ok "no phase title with a contradicting span in the examples"; fi

# ... and a preset module that redefines its industry keeps the windows (finance: 0–4 h).
{ echo 'use "std/industry/finance"'; sed 's/^  industry     = healthcare$/  industry     = finance/' "$tmp/hc.bcp"; } >"$tmp/fin.bcp"
build "$tmp/fin.bcp" en "$tmp/fe"
grep -q '^\*\*Time window\*\*: 0–4 hours' "$tmp/fe/fin.md" && grep -q '^\*\*Time window\*\*: 4–72 hours' "$tmp/fe/fin.md" &&
    ok "default phase windows from the finance preset module" || bad "finance preset windows"

# 5. Industry and size shown whatever the scope (global-services writes its own).
"$BCP" build --lang en -o "$tmp/ge" "$root/examples/global-services.bcp" >/dev/null 2>&1
"$BCP" build --lang zh-CN -o "$tmp/gz" "$root/examples/global-services.bcp" >/dev/null 2>&1
grep -q '^\*\*Organisation profile\*\*: professional services, large (250 or more staff)' "$tmp/ge/global-services.md" &&
    grep -q '^\*\*组织概况\*\*：专业服务业，大型（250 名及以上员工）' "$tmp/gz/global-services.md" &&
    ok "organisation profile shown next to a plan's own scope" || bad "organisation profile missing"

# 6. No parentheses inside parentheses (the cover's owner with a role in brackets).
grep -qF 'Sam Lee (Director \[business continuity coordinator\])' "$tmp/he/hc.md" &&
    grep -qF 'Sam Lee（Director〔business continuity coordinator〕）' "$tmp/hz/hc.md" &&
    ok "nested parentheses become brackets" || bad "nested parentheses"
for f in "$tmp"/ge/*.md "$tmp"/gz/*.md "$tmp"/he/*.md "$tmp"/hz/*.md; do
    if grep -q '([^()]*([^()]*))\|（[^（）]*（[^（）]*））' "$f"; then bad "nested parentheses in $f"; grep -n '([^()]*([^()]*))' "$f" | head -2; fi
done

# 7. One list separator in English: "; " in every table cell list.
grep -q '^| Executive planning and command group | Margaret Ellis; Tom Whitfield; Robert Chen;' "$tmp/ge/global-services.md" &&
    ok "English lists use '; '" || bad "English list separator"

# 8. global-services: languages = [en, zh-CN], check clean, the Chinese build entirely Chinese.
"$BCP" check "$root/examples/global-services.bcp" >"$tmp/check.txt" 2>&1 && [ ! -s "$tmp/check.txt" ] &&
    ok "global-services: bcp check clean (no H120)" || { bad "global-services: bcp check not clean"; head -20 "$tmp/check.txt"; }
# English prose = a run of three or more words of Latin letters.  Not prose:
# addresses in URLs and e-mail, phone numbers, ids (snake_case), placeholders.
python3 - "$tmp/gz/global-services.md" "$tmp/gz/global-services.json" >"$tmp/latin.txt" <<'PY'
import json, re, sys
# Citations name their publication in its own language: the crosswalk's
# "**依据**" line and, in the JSON, every *source / verified note.
# The appendix rows of places (they carry a time zone) end in their source.
# A fenced block (the dependency graph's Mermaid source) is code, not prose.
md = re.sub(r"(?ms)^```.*?^```", "", open(sys.argv[1], encoding="utf-8").read())
md = "\n".join(l for l in md.split("\n")
               if not l.startswith("**依据**") and not re.search(r"\| [A-Z][a-z]+/[A-Za-z_\\]+ \|", l))
def runs(text):
    text = re.sub(r"https?://\S+|[\w.+-]+@[\w.-]+\.\w+|\+\d[\d ]*\d|\b\w*(?:\\?_\w+)+\b", " ", text)
    return [m.group(0) for m in re.finditer(r"(?<![\w\\])[A-Za-z][A-Za-z'.&/-]*(?:[ ]+[A-Za-z][A-Za-z'.&/-]*){2,}", text)]
found = runs(md)
# The JSON carries the localised texts too.
def strings(v, within=()):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in ("id", "ref", "kind", "email", "phone", "alt_phone", "url", "timezone", "source", "path", "verified"):
                continue
            if k.endswith("_source") or k == "sources":
                continue
            # the stdlib's catalogues of regimes and regions: titles are
            # translated; a regulator's own description and authority, and a
            # place's names in other languages, are quoted as they are
            if ("regime" in within and k in ("description", "authority")) or ("region" in within and k == "names"):
                continue
            yield from strings(x, within + (k,))
    elif isinstance(v, list):
        for x in v:
            yield from strings(x, within)
    elif isinstance(v, str):
        yield v
doc = json.load(open(sys.argv[2], encoding="utf-8"))
for s in strings(doc):
    found += runs(s)
for f in sorted(set(found)):
    print(f)
PY
if [ -s "$tmp/latin.txt" ]; then
    bad "global-services zh-CN has English prose:"; head -10 "$tmp/latin.txt"
else
    ok "global-services zh-CN: no English prose (no run of 3+ Latin words)"
fi
# The same check catches English: the English build has plenty.
python3 - "$tmp/ge/global-services.md" <<'PY' || bad "the English-prose check finds nothing in the English build"
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if len(re.findall(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", t)) > 100 else 1)
PY

exit $fail
