#!/bin/sh
# docfig (issue 10): the figures tell the truth and the new sections are there.
# For every example, in English and in Chinese:
#  - the notification tree, the contact methods in priority order, the
#    after-action reports and the maintenance programme are non-empty sections
#    of the Markdown (a table or a list under the heading);
#  - the HTML heat map numbers its risks and has a key with one entry per risk,
#    and no risk id appears in it; the timeline names every phase ("N. title",
#    a title the document has) and marks its scale breaks; the notification
#    tree is an SVG figure; status cells carry a class and a symbol;
#  - the JSON has the notification tree and each contact's methods in order.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: docfig: $1"; }
bad() { echo "FAIL: docfig: $1"; fail=1; }

# section FILE.md HEADING: the lines from HEADING to the next heading
section() {
    awk -v h="$2" 'index($0, "### ") == 1 { on = ($0 ~ ("^### ([0-9.]+ )?" h "$")); next }
                   /^## / { on = 0 } on' "$1"
}

# figure FILE.html CLASS: the <figure> of that class, on one line
figure() {
    grep -o "<figure class=\"figure $2\">.*" "$1" | sed 's:</figure>.*:</figure>:' | head -1
}

# one build a language for every example (tests/cli/examples_build.sh)
cd "$root" || exit 2
. tests/cli/examples_build.sh
mkdir "$tmp/docs"
for lang in en zh-CN; do examples_build "$tmp/docs" $lang; done
for f in $(examples_list); do
    case $f in */plan.bcp) name=$(basename "$(dirname "$f")") ;; *) name=$(basename "$f" .bcp) ;; esac
    stem=$(basename "$f" .bcp)
    for lang in en zh-CN; do
        if ! out=$(examples_out "$tmp/docs" $lang "$f"); then
            bad "$name ($lang) does not build"; cat "$tmp/docs/$lang.err"; continue
        fi
        md=$out/$stem.md html=$out/$stem.html json=$out/$stem.json
        if [ "$lang" = en ]; then
            heads="Notification tree|Contact methods in priority order|After-action reports|Maintenance programme|Exercise programme"
        else
            heads="通知树|联系方式优先顺序|演练总结报告|维护计划|演练计划"
        fi
        missing=""
        oldifs=$IFS; IFS='|'
        for h in $heads; do
            if ! section "$md" "$h" | grep -qE '^(\| [^-]|\s*- )'; then missing="$missing [$h]"; fi
        done
        IFS=$oldifs
        [ -z "$missing" ] && ok "$name ($lang): the docfig sections are non-empty" ||
            bad "$name ($lang): empty or missing sections:$missing"

        # heat map: one numbered marker and one key entry per risk, no ids
        hm=$(figure "$html" heatmap)
        sed -n '/"risk_order": \[$/,/^  \]/p' "$json" | sed 1d | grep '^ *"' | tr -d ' ",' >"$tmp/ids"
        risks=$(wc -l <"$tmp/ids")
        ids=$(cat "$tmp/ids")
        keys=$(printf '%s' "$hm" | grep -o '<li><span class="hm-n">' | wc -l)
        marks=$(printf '%s' "$hm" | grep -o '<g class="mark">' | wc -l)
        leaked=""
        for id in $ids; do
            printf '%s' "$hm" | grep -q ">$id<" && leaked="$leaked $id"
        done
        if [ "$keys" -eq "$risks" ] && [ "$marks" -eq "$risks" ] && [ -z "$leaked" ]; then
            ok "$name ($lang): heat map has $risks numbered markers and a key of titles, no ids"
        else
            bad "$name ($lang): heat map: $risks risks, $keys key entries, $marks markers, ids shown:$leaked"
        fi

        # timeline: every phase named in its lane, the broken scale marked
        tl=$(figure "$html" timeline)
        printf '%s' "$tl" | grep -o 'class="band" text-anchor="[a-z]*">[^<]*<' | sed 's/.*">//; s/<$//' >"$tmp/lanes"
        n=0 unnamed=0
        while IFS= read -r lane; do
            n=$((n + 1))
            title=${lane#"$n. "}
            if [ "$title" = "$lane" ] || [ -z "$title" ] || ! grep -qF "$title" "$md"; then unnamed=$((unnamed + 1)); fi
        done <"$tmp/lanes"
        if [ "$n" -ge 1 ] && [ "$unnamed" -eq 0 ] && printf '%s' "$tl" | grep -q 'class="brk"' &&
            printf '%s' "$tl" | grep -q '<figcaption>.*//'; then
            ok "$name ($lang): timeline names all $n phases and marks its scale breaks"
        else
            bad "$name ($lang): timeline: $n lanes, $unnamed not named by a title of the document, or no break marks"
            cat "$tmp/lanes"
        fi

        # notification tree, status marks, JSON
        nt=$(figure "$html" ntree)
        if printf '%s' "$nt" | grep -q '<svg' && printf '%s' "$nt" | grep -q 'class="nt-root"' &&
            [ "$(printf '%s' "$nt" | grep -o 'class="nt-group' | wc -l)" -ge 3 ]; then
            ok "$name ($lang): notification tree drawn as SVG"
        else
            bad "$name ($lang): no notification tree figure"
        fi
        # a plan with statuses (verdicts, risk levels, finding states) has them marked
        if grep -q '<td class="[^"]*st [^"]*"><span class="sym">' "$html"; then
            ok "$name ($lang): status cells colour-coded with a symbol"
        elif ! grep -qE '✔|✘|^\| [a-z_0-9\\]+ \| .*\| \*\*[^*]+\*\* \|' "$md"; then
            ok "$name ($lang): no status cells in this plan"
        else
            bad "$name ($lang): no status cell marked"
        fi
        if grep -q '"notification_tree"' "$json" && grep -q '"methods_in_order"' "$json"; then
            ok "$name ($lang): JSON has the notification tree and contact methods"
        else
            bad "$name ($lang): JSON lacks notification_tree or methods_in_order"
        fi
    done
done

# A plan's own maintenance activities replace the stdlib's usual list.
cat >"$tmp/own.bcp" <<'BCP'
plan p {
  title        = "P plan"
  organization = "P"
}

contact boss {
  name  = "Pat Doe"
  phone = "+44 20 7946 0000"
}

maintenance_activity numbers {
  title = "Ring every number in the list"
  every = 3mo
  owner = contact.boss
  last  = 2026-08-31
}
BCP
"$BCP" build --draft --format md -o "$tmp/own" "$tmp/own.bcp" >/dev/null 2>&1
rows=$(section "$tmp/own/own.md" "Maintenance programme" | grep -c '^| [^-A]')
if [ "$rows" -eq 1 ] && grep -q '^| Ring every number in the list | Every 3 months | Pat Doe | 2026-08-31 | 2026-11-30 |$' "$tmp/own/own.md"; then
    ok "a plan's own maintenance activities replace the stdlib's, next due computed"
else
    bad "own maintenance programme: $rows rows"; section "$tmp/own/own.md" "Maintenance programme"
fi
exit $fail
