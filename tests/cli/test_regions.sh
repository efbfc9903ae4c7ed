#!/bin/sh
# Regions (docs/regions.md): a site's `region`, the E106 error for an unknown
# place, `bcp init --sites` in both languages with the regional hazards and
# regimes it proposes, and the document's appendix of time zones and
# emergency numbers in Markdown, HTML and JSON, en and zh-CN.
set -u
: "${BCP:=build/bcp}"
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-regions.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
export NO_COLOR
unset SOURCE_DATE_EPOCH
fail=0
ok() { echo "ok: regions: $1"; }
bad() { echo "FAIL: regions: $1"; fail=1; }
cd "$tmp" || exit 2

# --- an unknown place: file:line:col, caret, the nearest id
cat >unknown.bcp <<'BCP'
plan p {
  title        = "t"
  organization = "o"
}
site plant {
  name   = "Plant"
  region = shanghia
}
site office {
  name   = "Office"
  region = 東京
}
BCP
"$BCP" check --no-config unknown.bcp >out.txt 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q '^unknown.bcp:7:12: error: unknown region `shanghia` \[E106' out.txt &&
   grep -q '^      |            ^^^^^^^^$' out.txt && grep -q 'did you mean `shanghai`' out.txt; then
    ok "unknown region: E106 at 7:12 with a caret and the nearest id"
else
    bad "unknown region (exit $rc)"; cat out.txt
fi
grep -q '`東京` is a name of region `tokyo`' out.txt && grep -q 'fix: write `tokyo`' out.txt &&
    ok "a place written by its name gets the id to write" || { bad "name hint"; cat out.txt; }

# --- bcp init: every city of the seed's plans, in both languages
before=$fail
for pair in "上海:shanghai" "杭州:hangzhou" "北京:beijing" "纽约:new_york" "伦敦:london" "东京:tokyo" \
            "Shanghai:shanghai" "hangzhou:hangzhou" "BEIJING:beijing" "New York:new_york" "London:london" "Tokyo:tokyo"; do
    name=${pair%%:*}
    id=${pair#*:}
    if "$BCP" init --industry technology --sites "$name" -o - >init.bcp 2>err.txt &&
       grep -q "^site $id {" init.bcp && grep -q "^  region *= $id\$" init.bcp && [ ! -s err.txt ]; then
        :
    else
        bad "init --sites $name does not resolve to $id"; cat err.txt
    fi
done
[ $fail = "$before" ] && ok "every city of the seed's plans resolves in en and zh-CN"

# --- bcp init for each seed's facts proposes the hazards its plan names
risk_of() { # FILE THREAT: the block of the risk assessing THREAT
    awk -v t="$2" '/^risk /{blk=""; inrisk=1} inrisk{blk=blk $0 "\n"} /^}/{ if (inrisk && blk ~ ("threat *= " t "\n")) printf "%s", blk; inrisk=0 }' "$1"
}
"$BCP" init --industry manufacturing --size small --sites 上海,杭州 --lang zh-CN -o seed1.bcp 2>err.txt || { bad "seed 1 init"; cat err.txt; }
before=$fail
for t in typhoon flood; do
    risk_of seed1.bcp $t | grep -q "site.shanghai\|sites *= \[site.shanghai, site.hangzhou\]" ||
        { bad "seed 1: no $t risk for Shanghai"; }
done
[ $fail = "$before" ] && ok "seed 1 (manufacturing, 上海, 杭州): typhoon and flood assessed"
"$BCP" init --industry finance --size medium --sites 北京 --lang zh-CN -o seed2.bcp 2>err.txt || { bad "seed 2 init"; cat err.txt; }
risk_of seed2.bcp earthquake | grep -q 'sites *= \[site.beijing\]' && grep -q '^# 根据地区数据提出（北京：高）；来源：GB 18306-2015' seed2.bcp &&
    ok "seed 2 (finance, 北京): earthquake proposed, citing its source" || { bad "seed 2 earthquake"; grep -n "earthquake\|根据" seed2.bcp | head; }
grep -q '^# .*cbirc-bcm-2011, iso22301' seed2.bcp && ! grep -q '^ *regimes *=' seed2.bcp &&
    ok "seed 2: the regimes the region proposes are a comment" || bad "seed 2 regimes comment"
"$BCP" init --industry professional_services --size medium --sites "New York,London,Tokyo" --lang en -o seed3.bcp 2>err.txt || { bad "seed 3 init"; cat err.txt; }
risk_of seed3.bcp hurricane | grep -q 'site.new_york' &&
    risk_of seed3.bcp earthquake | grep -q 'site.tokyo' &&
    risk_of seed3.bcp flood | grep -q 'site.london' &&
    ok "seed 3 (New York, London, Tokyo): hurricane, earthquake, flood proposed for their sites" ||
    { bad "seed 3 hazards"; grep -n "^risk\|sites" seed3.bcp | tail -20; }
# the other hazards the seed plans name: 洪水 and 大风 (flood, severe weather)
# in Beijing; 大规模疫情 (pandemic) for the three offices and terrorism where
# the country rates it (New York, London; Japan's is not verified)
risk_of seed2.bcp flood | grep -q 'sites *= \[site.beijing\]' && risk_of seed2.bcp severe_weather | grep -q 'sites *= \[site.beijing\]' &&
    ok "seed 2 (北京): flood and severe weather (洪水, 大风) proposed" || { bad "seed 2 flood, severe weather"; grep -n "threat" seed2.bcp; }
risk_of seed3.bcp pandemic | grep -q 'threat *= pandemic' && risk_of seed3.bcp terrorism | grep -q 'sites *= \[site.new_york, site.london\]' &&
    ok "seed 3: pandemic (大规模疫情) assessed; terrorism proposed for New York and London, not Tokyo" || { bad "seed 3 pandemic, terrorism"; grep -n -A4 "^risk pandemic\|^risk terrorism" seed3.bcp; }
before=$fail
# one check and one fmt --check of the three (each file on its own, its
# findings prefixed with its name; fmt --check lists the unformatted ones)
"$BCP" check seed1.bcp seed2.bcp seed3.bcp >check.txt 2>&1
"$BCP" fmt --check seed1.bcp seed2.bcp seed3.bcp >fmt.txt 2>&1
fmt_status=$?
for f in seed1 seed2 seed3; do
    grep "^$f.bcp:" check.txt | grep -q '\[R110 \|\[R104 \|\[R103 \| error: ' &&
        { bad "$f raises R110/R104/R103 or errors"; grep "^$f.bcp:" check.txt | grep 'R110\|R104\|R103\|error:' | head -3; }
    grep -qx "$f.bcp" fmt.txt && bad "$f is not fmt-clean"
done
[ $fmt_status -le 1 ] || { bad "fmt --check of the seeds: exit $fmt_status"; cat fmt.txt; }
grep '^bcp: ' check.txt && bad "the check of the seeds stopped"
[ $fail = "$before" ] && ok "the seeded starters raise no R110, R104, R103 or errors and are fmt-clean"

"$BCP" init --industry retail --sites "Tokio,Head office" -o unknown-init.bcp 2>err.txt
rc=$?
if [ $rc -eq 0 ] && grep -q '`Tokio` is not a place bcp knows (did you mean `Tokyo`?)' err.txt &&
   grep -q '`Head office` is not a place bcp knows' err.txt && ! grep -q 'region *=' unknown-init.bcp; then
    ok "an unknown place in --sites warns with the nearest place"
else
    bad "unknown place in init (exit $rc)"; cat err.txt
fi

# --- R110 at a site whose regional hazard is not assessed, citing the source
cat >r110.bcp <<'BCP'
plan p {
  title        = "t"
  organization = "o"
}
site plant {
  name   = "Plant"
  region = shanghai
}
BCP
"$BCP" check --no-config --select R110 r110.bcp >out.txt 2>&1
grep -q 'r110.bcp:7:12: warning: site `plant` is in Shanghai, where `typhoon` is a high hazard' out.txt &&
    grep -q 'note: region `shanghai` rates `typhoon` high; source: GFDRR ThinkHazard!' out.txt &&
    ok "R110 names the site and region and cites the source" || { bad "R110"; cat out.txt; }

# --- the document: appendix with time zones, numbers, override, contacts
cat >doc.bcp <<'BCP'
plan p {
  title        = "Regions test plan"
  organization = "Regions test"
  reviewed     = 2026-11-01
}
site plant {
  name   = "Shanghai plant"
  region = shanghai
}
site tokyo {
  name     = "Tokyo office"
  region   = tokyo
  police   = "03-0000-0110"
}
site berlin {
  name = "Berlin office"
  city = "Berlin"
}
resource power {
  name     = "Grid operator"
  kind     = utility
  provides = "Outage line"
  phone    = "+86 95598"
  site     = site.plant
}
BCP
before=$fail
for lang in en zh-CN; do
    "$BCP" build --draft --lang $lang -o out-$lang doc.bcp >/dev/null 2>err.txt || { bad "build $lang"; cat err.txt; continue; }
    grep -q "has no text" err.txt && bad "$lang: a text is missing"
    md=out-$lang/doc.md
    case $lang in
        en) head='^## Appendix [A-Z]\. Time zones and emergency numbers$'; stated='Stated in the plan'; util='| Utility | Grid operator |' ;;
        *) head='^## 附录[A-Z] 时区与紧急号码$'; stated='计划中注明'; util='| 公用事业 | Grid operator |' ;;
    esac
    grep -q "$head" $md || bad "$lang: no appendix heading"
    grep -q '| Asia/Shanghai | 110 | 119 | 120 | — | MIIT' $md || bad "$lang: Shanghai row"
    grep -q "| Asia/Tokyo | 03-0000-0110 | 119 | 119 | — | $stated" $md || bad "$lang: Tokyo override row"
    grep -q '| Europe/Berlin | 110 | 112 | 112 | 112 | Notrufverbindungsverordnung' $md || bad "$lang: Berlin row (city fallback)"
    grep -qF "$util" $md || bad "$lang: utility contact"
    grep -q 'Asia/Shanghai' out-$lang/doc.html && grep -q 'Notrufverbindungsverordnung' out-$lang/doc.html || bad "$lang: HTML lacks the appendix"
done
if command -v python3 >/dev/null; then
    python3 - out-en/doc.json <<'PY' && ok "JSON carries emergency_numbers and emergency_contacts" || bad "JSON appendix"
import json, sys
d = json.load(open(sys.argv[1]))
rows = {r["site"]: r for r in d["emergency_numbers"]}
assert rows["plant"]["timezone"] == "Asia/Shanghai" and rows["plant"]["ambulance"] == "120", rows["plant"]
assert rows["tokyo"]["police"] == "03-0000-0110" and rows["tokyo"]["stated_in_plan"] is True
assert rows["berlin"]["place"] == "berlin" and rows["berlin"]["fire"] == "112"
assert d["emergency_contacts"] == ["power"], d["emergency_contacts"]
PY
fi
[ $fail = "$before" ] && ok "appendix in md, html and json, en and zh-CN"

office_in() { # FILE REGION: a plan with one site, `office`, in REGION
    printf 'plan p {\n  title        = "t"\n  organization = "o"\n}\nsite office {\n  name   = "Office"\n  region = %s\n}\n' "$2" >"$1"
}
r110_cites() { # REGION PLACE HAZARD TEXT: bcp check on an office in REGION (out.txt)
    # reports R110 for HAZARD in PLACE and its note cites TEXT of the source
    office_in "gap_$1.bcp" "$1"
    "$BCP" check --no-config "gap_$1.bcp" >out.txt 2>&1
    grep -q "warning: site \`office\` is in $2, where \`$3\` is a high hazard, and no risk assesses it there \[R110" out.txt &&
        grep -q "$4" out.txt
}
r110_reports() { # REGION PLACE HAZARD TEXT WHAT: ok WHAT when r110_cites holds
    if r110_cites "$1" "$2" "$3" "$4"; then ok "$5"; else bad "$5"; cat out.txt; fi
}
init_proposes() { # SITES FILE THREAT SITE-LIST PROPOSAL WHAT: ok WHAT when bcp
    # init --sites SITES proposes a risk of THREAT for exactly SITE-LIST and
    # the comment above it matches PROPOSAL (after "Proposed from the region data (")
    "$BCP" init --industry technology --sites "$1" -o "$2" >/dev/null 2>&1
    if risk_of "$2" "$3" | grep -q "sites *= \[$4\]" && grep -q "^# Proposed from the region data ($5" "$2"; then
        ok "$6"
    else
        bad "$6"; risk_of "$2" "$3"; grep -n 'Proposed' "$2" | cut -c1-160
    fi
}
# --- civil hazards (`civil_hazards_*`): init seeds them as risks to assess
# with their source, in both languages; R110 reports a site in a place that
# rates one high and no risk assesses it there, citing the source.
"$BCP" init --industry technology --sites Singapore,London -o civil.bcp >/dev/null 2>&1
if grep -q '^risk terrorism {' civil.bcp && grep -q 'sites      = \[site.sg, site.london\]' civil.bcp &&
   grep -q 'Singapore Terrorism Threat Assessment Report 2024' civil.bcp &&
   grep -q '^risk pandemic {' civil.bcp && grep -q 'National Risk Register 2023' civil.bcp; then
    ok "init --sites Singapore,London seeds terrorism and pandemic with their sources"
else
    bad "init does not seed the civil hazards"; grep -n 'terrorism\|pandemic' civil.bcp
fi
"$BCP" check --no-config civil.bcp >out.txt 2>&1
if ! grep -q 'R110' out.txt; then ok "the seeded civil hazards leave no R110"
else bad "R110 after init seeded the civil hazards"; grep R110 out.txt; fi
"$BCP" init --industry technology --sites 新加坡 --lang zh-CN -o civil_zh.bcp >/dev/null 2>&1
if grep -q '^risk terrorism {' civil_zh.bcp && grep -q '恐怖袭击' civil_zh.bcp; then
    ok "init --lang zh-CN seeds terrorism with its Chinese title"
else
    bad "zh-CN init does not seed terrorism"; grep -n 'terrorism' civil_zh.bcp
fi
office_in civil_gap.bcp sg
"$BCP" check --no-config civil_gap.bcp >out.txt 2>&1
if grep -q '^civil_gap.bcp:7:12: warning: site `office` is in Singapore, where `terrorism` is a high hazard, and no risk assesses it there \[R110' out.txt &&
   grep -q 'Singapore Terrorism Threat Assessment Report 2024' out.txt; then
    ok "R110 reports an unassessed civil hazard with its source"
else
    bad "R110 on a civil hazard"; cat out.txt
fi

# --- pandemic (a national risk register) and power outage (the regulator's
# SAIDI): Dublin inherits Ireland's pandemic, high, and power outage,
# medium; Frankfurt Germany's pandemic, high, and power outage, low, which
# is not proposed; R110 on a Dublin site with no pandemic risk cites the
# register
"$BCP" init --industry technology --sites "Dublin,Frankfurt" -o civil_ie.bcp >/dev/null 2>&1
if risk_of civil_ie.bcp pandemic | grep -q 'sites *= \[site.dublin, site.frankfurt\]' &&
   grep -q '^# Proposed from the region data (Dublin: medium); source: .*unplanned SAIDI 80 minutes in Ireland' civil_ie.bcp &&
   risk_of civil_ie.bcp power_outage | grep -q 'sites *= \[site.dublin\]' &&
   grep -q 'National Risk Assessment for Ireland 2023' civil_ie.bcp && grep -q 'Risikoanalyse im Bevölkerungsschutz 2012' civil_ie.bcp; then
    ok "init --sites Dublin,Frankfurt seeds pandemic for both and power outage for Dublin only, with their sources"
else
    bad "init does not seed Ireland's pandemic and power outage"; grep -n 'pandemic\|power_outage\|Proposed' civil_ie.bcp | cut -c1-160
fi
if r110_cites dublin Dublin pandemic 'rated as our highest probability and highest impact risks' &&
   ! grep -q '`power_outage` is a' out.txt; then
    ok "R110 reports Dublin's unassessed pandemic with its source, not the medium power outage"
else
    bad "R110 on Ireland's pandemic"; cat out.txt
fi
# --- power outage where no national SAIDI is published: India's Ministry of
# Power hours of supply (high) and Australia's NEM outage minutes (medium)
"$BCP" init --industry technology --sites "Mumbai,Sydney" -o civil_in.bcp >/dev/null 2>&1
if risk_of civil_in.bcp power_outage | grep -q 'sites *= \[site.mumbai, site.sydney\]' &&
   grep -q 'average daily hours of supply' civil_in.bcp && grep -q 'Across the NEM, a typical customer' civil_in.bcp; then
    ok "init --sites Mumbai,Sydney seeds power outage for both, with India's and Australia's sources"
else
    bad "init does not seed India's and Australia's power outage"; grep -n 'power_outage\|Proposed' civil_in.bcp | cut -c1-160
fi
r110_reports mumbai Mumbai power_outage '23.4 hours a day in urban' "R110 reports Mumbai's unassessed power outage with the Ministry of Power figures"
office_in civil_au_gap.bcp sydney
"$BCP" check --no-config civil_au_gap.bcp >out.txt 2>&1
if ! grep -q '`power_outage` is a' out.txt; then
    ok "no R110 for Sydney's medium power outage"
else
    bad "R110 on Australia's medium power outage"; cat out.txt
fi
# --- pandemic, one method for every country: the government's own
# assessment (register or national pandemic plan) foreseeing more than 1,000
# deaths is high: the United States, Japan, France, the Netherlands,
# Australia, and Singapore (its health minister: perhaps 2,000 COVID-19
# deaths a year); where none was read, the deaths the government itself
# recorded in COVID-19, on the same threshold: Hong Kong, China and India
"$BCP" init --industry technology --sites "Chicago,Tokyo,Paris,Amsterdam,Sydney,Singapore" -o civil_pan.bcp >/dev/null 2>&1
if risk_of civil_pan.bcp pandemic | grep -q 'sites *= \[site.chicago, site.tokyo, site.paris, site.amsterdam, site.sydney, site.sg\]' &&
   grep -q 'Strategic National Risk Assessment 2011' civil_pan.bcp && grep -q '新型インフルエンザ対策行動計画' civil_pan.bcp &&
   grep -q '91,000 to 212,000 deaths in France' civil_pan.bcp && grep -q 'up to 40,000 deaths in the Netherlands' civil_pan.bcp &&
   grep -q '13,000 deaths over 6 to 8 weeks in Australia' civil_pan.bcp && grep -q 'perhaps 2,000 deaths per year from COVID-19' civil_pan.bcp; then
    ok "init seeds pandemic for Chicago, Tokyo, Paris, Amsterdam, Sydney and Singapore with their governments' figures"
else
    bad "init does not seed the governments' pandemic ratings"; risk_of civil_pan.bcp pandemic; grep -n 'Proposed.*andemic' civil_pan.bcp | cut -c1-160
fi
"$BCP" init --industry technology --sites "Hong Kong,Shanghai,Mumbai" -o civil_pan2.bcp >/dev/null 2>&1
if risk_of civil_pan2.bcp pandemic | grep -q 'sites *= \[site.hk, site.shanghai, site.mumbai\]' &&
   grep -q 'recorded 13,010 COVID-19 deaths' civil_pan2.bcp && grep -q '59,938 COVID-19-related deaths in hospitals' civil_pan2.bcp &&
   grep -q 'recorded 5,31,907 COVID-19 deaths' civil_pan2.bcp; then
    ok "init seeds pandemic for Hong Kong, Shanghai and Mumbai with the deaths their governments recorded"
else
    bad "init does not seed the recorded-deaths pandemic ratings"; risk_of civil_pan2.bcp pandemic; grep -n 'Proposed.*andemic' civil_pan2.bcp | cut -c1-160
fi
r110_reports shanghai Shanghai pandemic '59,938 COVID-19-related deaths' "R110 reports Shanghai's unassessed pandemic with the National Health Commission's figure"
r110_reports tokyo Tokyo pandemic 'about 640,000 in a severe one' "R110 reports Tokyo's unassessed pandemic with the Ministry of Health's figures"
# --- the industrial accident kind: a threat of the catalogue that a risk can
# assess (its prose in both languages is checked by test_locale_merge)
cat >industrial.bcp <<'BCP'
plan p {
  title        = "Industrial accident test"
  organization = "o"
  reviewed     = 2026-11-01
}
site plant {
  name   = "Plant"
  region = tianjin
}
risk chemical_release {
  title      = "Chemical release next door"
  category   = external
  threat     = industrial_accident
  sites      = [site.plant]
  likelihood = low
  impact     = major
}
BCP
before=$fail
for lang in en zh-CN; do
    "$BCP" build --draft --lang $lang --format md -o ind-$lang industrial.bcp >/dev/null 2>err.txt || { bad "industrial build $lang"; cat err.txt; }
    grep -q "has no text\|unknown threat" err.txt && { bad "$lang: industrial_accident"; cat err.txt; }
done
[ $fail = "$before" ] && ok "a risk assesses industrial_accident and builds in en and zh-CN"

# --- civil unrest, one method for every country: the World Bank's WGI
# political stability percentile rank (under 25 high, 25 to under 50
# medium, 50 or more low): New York and Shanghai medium, so proposed; Paris
# and Tokyo low, not proposed; Mumbai high, so R110 cites India's figure.
# Japan's terrorism: the Global Terrorism Index 2024 scores it 1.189, low.
init_proposes "New York,Shanghai,Paris,Tokyo" civil_cu.bcp civil_unrest 'site.new_york, site.shanghai' \
    'New York: medium; Shanghai: medium); source: .*the United States, percentile rank 47.4 .*China, percentile rank 25.1' \
    "init seeds civil unrest for New York and Shanghai (WGI: medium) with their figures, not for Paris and Tokyo (low)"
r110_reports mumbai Mumbai civil_unrest 'India, percentile rank 21.3' "R110 reports Mumbai's unassessed civil unrest with India's WGI percentile"
office_in civil_jp_gap.bcp tokyo
"$BCP" check --no-config civil_jp_gap.bcp >out.txt 2>&1
# the reference of every region, read by the checks below (one run: the same
# text each time, it depends on the binary's stdlib only)
"$BCP" schema --regions >regions.md 2>err.txt || bad "schema --regions fails: $(cat err.txt)"
if ! grep -q '`terrorism` is a\|`civil_unrest` is a' out.txt && ! risk_of civil_cu.bcp terrorism | grep -q 'site.tokyo' &&
   grep -q '^| `jp` | — | Terrorism: .*Global Terrorism Index 2024 (scores for 2023.*Japan 64th with a score of 1.189.*: low\.' regions.md; then
    ok "Japan's terrorism is rated low by the Global Terrorism Index 2024 (1.189): neither proposed nor reported"
else
    bad "Japan's terrorism rating"; cat out.txt
fi

# --- utility failure, one method for every country: the yearly time
# without piped water supply per property, on the power-outage scale.
# Dublin medium (7.6% of Irish properties cut off for over 24 hours in
# 2020), so proposed; London (Water UK) and Amsterdam (Vewin) low, not
# proposed; Mumbai high (piped water 4 hours a day), so R110 cites the
# Ministry of Urban Development's study.
init_proposes "Dublin,London,Amsterdam" civil_uf.bcp utility_failure 'site.dublin' \
    'Dublin: medium); source: .*7.6% of properties had an unplanned interruption to supply of more than 24 hours' \
    "init seeds utility failure for Dublin (medium, at least 1.8 hours without water a year) with its source, not for London and Amsterdam (low)"
r110_reports mumbai Mumbai utility_failure 'piped water supplied on average 4 hours a day in Mumbai' "R110 reports Mumbai's unassessed utility failure with the Ministry of Urban Development's figures"

# --- industrial accident, one method for every country: the ILO's fatal
# occupational injury rate (SDG 8.8.1, per 100,000 workers; under 2 low, 2 to
# under 5 medium, 5 or more high), the latest year from 2019 in ILOSTAT.
# Paris (France, 3.6) and New York (the United States, 3.5) medium, so
# proposed; Frankfurt (Germany, 0.71) and London (the HSE's 0.42, ILOSTAT's
# last year being 2018) low. Where ILOSTAT has no year since 2019, the
# national agency's figures: Hong Kong high (the Labour Department's fatal
# cases over the employees its injury rate implies, 9.1 in 2021), so
# proposed; Mumbai high (DGFASLI's factory deaths over the Annual Survey of
# Industries' workers, 8.6 in 2019), so R110 cites them; China's communiqué
# was not read, so Shanghai is not proposed.
init_proposes "Paris,New York,Frankfurt,London,Hong Kong,Shanghai" civil_ia.bcp industrial_accident 'site.paris, site.new_york, site.hk' \
    'Paris: medium; New York: medium; Hong Kong: high); source: .*ILOSTAT, France, 2023: 3.6 .*ILOSTAT, the United States, 2023: 3.5 .*263 / 2.90 million x 100,000 = 9.1 fatal occupational injuries per 100,000 employees' \
    "init seeds industrial accident for Paris and New York (ILO fatal injury rate: medium) and Hong Kong (Labour Department: high) with their figures, not for Frankfurt, London (low) or Shanghai (not verified)"
r110_reports hk "Hong Kong" industrial_accident 'in 2021, 263 fatal cases among 30,448 occupational injuries at 10.5 per 1,000 employees' \
    "R110 reports Hong Kong's unassessed industrial accident with the Labour Department's figures and the arithmetic"
r110_reports mumbai Mumbai industrial_accident '1,127 / 13,057,000 x 100,000 = 8.6 fatal injuries per 100,000 factory workers' \
    "R110 reports Mumbai's unassessed industrial accident with DGFASLI's deaths over the Annual Survey of Industries' workers"
grep -q '^| `cn` |.*| `utility_failure`, `industrial_accident` |' regions.md &&
    grep -q '^| `cn` |.*no copy of a communiqué since 2019 was read' regions.md &&
    ok "China's industrial accident is not rated: no copy of the statistical communiqué was read" || bad "China's industrial accident"

# --- civil hazards of every country: rated ones are seeded with their
# source through the cities that inherit them; unverified ones are not.
"$BCP" init --industry technology --sites "Paris,New York,Tokyo" -o civil3.bcp >/dev/null 2>&1
if risk_of civil3.bcp terrorism | grep -q 'sites *= \[site.paris, site.new_york\]' &&
   grep -q 'Vigipirate' civil3.bcp && grep -q 'Global Terrorism Index 2025' civil3.bcp; then
    ok "init --sites Paris,New York,Tokyo seeds terrorism for Paris and New York with their sources, not for Tokyo"
else
    bad "civil hazards inherited from France and the United States"; grep -n -B2 -A8 '^risk terrorism' civil3.bcp
fi
if grep -qE '^Civil hazards: [0-9]+ rated with a source, [0-9]+ not verified' regions.md &&
   grep -q '^| `jp` |.*| `pandemic` | — | `terrorism`, `civil_unrest`, `power_outage`, `industrial_accident` | `utility_failure` |' regions.md; then
    ok "schema --regions counts the rated and the unverified civil hazards and lists Japan's"
else
    bad "schema --regions civil hazards"; grep -n 'Civil hazards\|^| `jp`' regions.md
fi

# --- every fact of every region has its source, and the unverified civil
# hazards the reference lists are exactly those the data lists
if command -v python3 >/dev/null; then
    python3 - "$root"/stdlib/core/regions_*.bcp regions.md <<'PY' && ok "every region fact has a source; the unverified list is exactly the data's" || bad "region sources or unverified list"
import re, sys
files, ref = sys.argv[1:-1], open(sys.argv[-1], encoding="utf-8").read()
groups = {"hazards_source": r"hazards_(high|medium|low)", "civil_hazards_source": r"civil_hazards_(high|medium|low)",
          "emergency_source": r"(police|fire|ambulance|emergency)", "timezone_source": r"timezone",
          "language_source": r"language", "regimes_source": r"regimes(_[a-z_]+)?"}
# a rated civil hazard is named in the source, with the level it is read as
names = {"terrorism": "errorism", "pandemic": "andemic", "civil_unrest": "unrest", "utility_failure": "tility",
         "power_outage": "ower outage", "industrial_accident": "ndustrial"}
bad = []
rated = unverified = 0
for f in files:
    for m in re.finditer(r'(?ms)^region (\w+) \{(.*?)^\}', open(f, encoding="utf-8").read()):
        rid, body = m.group(1), m.group(2)
        attrs = dict(re.findall(r'(?m)^  (\w+) = (.*)$', body))
        for src, pat in groups.items():
            if any(re.fullmatch(pat, a) for a in attrs) and not attrs.get(src, '').strip('"'):
                bad.append(f"{rid}: facts without {src}")
        src = attrs.get("civil_hazards_source", "")
        for level in ("high", "medium", "low"):
            for h in re.findall(r"\w+", attrs.get(f"civil_hazards_{level}", "").strip("[]")):
                rated += 1
                if names[h] not in src or level not in src:
                    bad.append(f"{rid}: {h} rated {level} but its source does not name it and the level")
        unv = re.findall(r"\w+", attrs.get("civil_hazards_unverified", "").strip("[]"))
        unverified += len(unv)
        row = [l for l in ref.splitlines() if l.startswith(f"| `{rid}` |")]
        cells = row[0].split(" | ") if row else []
        listed = re.findall(r"`(\w+)`", cells[12]) if len(cells) > 12 else []
        if sorted(listed) != sorted(unv):
            bad.append(f"{rid}: reference lists {listed} as not verified, the data {unv}")
        for h in unv:
            if attrs.get("kind") != "city" and names[h] in src and "ot verified" not in src:
                bad.append(f"{rid}: {h} unverified but the source reads as if rated")
if f"Civil hazards: {rated} rated with a source, {unverified} not verified" not in ref:
    bad.append(f"count line is not {rated} rated, {unverified} not verified")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
fi

# Every regime a place proposes exists in the stdlib (bcp check --regime
# refuses an unknown one with exit 2).
unknown=""
for r in $(grep -rhoE 'regimes(_[a-z_]+)? *= *\[[^]]*\]' "$root"/stdlib/core/regions_*.bcp | grep -oE '"[^"]+"' | tr -d '"' | sort -u); do
    "$BCP" check --regime "$r" "$root/examples/minimal.bcp" >/dev/null 2>&1
    [ $? -eq 2 ] && unknown="$unknown $r"
done
if [ -z "$unknown" ]; then ok "every regime the regions propose exists"
else bad "regions propose unknown regimes:$unknown"; fi

exit $fail
