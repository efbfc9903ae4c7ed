#!/bin/sh
# The continuity sections (issue 10): activation and escalation, impact over
# time, staffing and workarounds, single points of failure, recovery by
# resource type, IT disaster recovery, supplier service levels and response
# checklists appear with rows in the build of every example, in English and
# Chinese; the HTML draws the impact figure and links runbooks; the JSON
# carries the computed facts; a runbook with another scheme is E140.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: continuity: $1"; }
bad() { echo "FAIL: continuity: $1"; fail=1; }

sections_en="Activation and escalation|Impact over time|Staffing and workarounds|Single points of failure|Recovery strategies by resource type|IT disaster recovery|Supplier service levels|Response checklists"
sections_zh="启动与升级|影响随时间的变化|人员配置与替代作业|单点故障|按资源类型的恢复策略|IT 灾难恢复|供应商服务水平|应急响应检查清单"

# rows SECTION FILE: table rows and list items between the heading and the next ## or ### heading
rows() {
    awk -v h="$1" '
        # the heading, whatever number the renderer gives it ("### 4.7 Activation and escalation")
        /^### / { t = $0; sub(/^### ([0-9A-Z]+\.[0-9]+ )?/, "", t); if (t == h) { on = 1; next } }
        on && /^##+ / && !/^#### / { exit }
        on && (/^\| / && !/^\|---/) { n++ }
        on && /^[0-9]+\. / { n++ }
        END { print n + 0 }' "$2"
}

cd "$root"
# one build a language for every example (tests/cli/examples_build.sh)
. tests/cli/examples_build.sh
mkdir "$tmp/docs"
for lang in en zh-CN; do examples_build "$tmp/docs" $lang; done
for f in $(examples_list); do
    stem=$(basename "$f" .bcp)
    for lang in en zh-CN; do
        if ! out=$(examples_out "$tmp/docs" $lang "$f"); then
            bad "$f ($lang) does not build"; continue
        fi
        if [ $lang = en ]; then list=$sections_en; else list=$sections_zh; fi
        missing=""
        IFS='|'
        for s in $list; do
            n=$(rows "$s" "$out/$stem.md")
            # a table has its header row: at least one row more; single points
            # of failure are computed, and "none found" is a result too
            if [ "$n" -lt 2 ] && ! { [ "$s" = "Single points of failure" ] || [ "$s" = "单点故障" ]; } ; then
                missing="$missing [$s: $n]"
            elif [ "$n" -lt 2 ] && ! grep -q '^\*No single point of failure found\|^\*未发现单点故障' "$out/$stem.md"; then
                missing="$missing [$s: $n]"
            fi
        done
        unset IFS
        if [ -z "$missing" ]; then ok "$f ($lang): every continuity section has rows"; else bad "$f ($lang): empty sections:$missing"; fi
        grep -q '<figure class="figure impact">' "$out/$stem.html" && ok "$f ($lang): impact figure" || bad "$f ($lang): no impact figure"
        grep -q '<a href="https://[^"]*">https://' "$out/$stem.html" && ok "$f ($lang): runbook link" || bad "$f ($lang): no runbook link"
        if command -v python3 >/dev/null; then
            python3 - "$out/$stem.json" <<'PY' && ok "$f ($lang): JSON continuity keys" || bad "$f ($lang): JSON continuity keys"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["activation_levels"]) >= 1
assert len(d["impact_over_time"]) >= 1 and d["impact_over_time"][0]["bands"]
assert all(c["mtpd_check"] in ("none", "consistent") for c in d["impact_over_time"])
assert len(d["response_checklists"]) >= 3
assert isinstance(d["single_points_of_failure"], list)
PY
        fi
    done
done

# A runbook with another scheme is refused at the value.
printf 'plan p { title = "P" organization = "P" }\nsystem s {\n  title = "S"\n  runbook = "javascript:alert(1)"\n}\n' >"$tmp/bad.bcp"
"$BCP" check "$tmp/bad.bcp" >"$tmp/out" 2>&1
if grep -q 'bad.bcp:4:13: error: `runbook` of system `s` is not an http(s) address or a path \[E140 bad-link\]' "$tmp/out"; then
    ok "E140 at the runbook"
else
    bad "E140 at the runbook"; cat "$tmp/out"
fi

# The MTPD against the impact curve: B110 in the draft appendix, not in a clean example.
printf 'plan p { title = "P" organization = "P" }\nfunction f {\n  title = "F"\n  mtpd = 72h\n  impact { after = 4h financial = major }\n}\n' >"$tmp/curve.bcp"
"$BCP" check --select B110 "$tmp/curve.bcp" >"$tmp/out" 2>&1
grep -q 'curve.bcp:4:10: warning: function `f` tolerates 3d of disruption, but its financial impact is already intolerable after 4h \[B110' "$tmp/out" \
    && ok "B110 at the MTPD" || { bad "B110 at the MTPD"; cat "$tmp/out"; }

exit $fail
