#!/bin/sh
# bcp graph (issue 14, docs/graph.md).  For every example plan, in English and
# in Chinese:
#  - DOT parses back with Graphviz (`dot -Tsvg`) and has as many nodes as bcp
#    says; two runs of each format are byte-identical; -o writes the same bytes;
#  - SVG is well-formed XML (xmllint) and headless Chromium lays out every node;
#  - Mermaid parses and draws with the real mermaid parser (npm, locked) in
#    headless Chromium, with one drawn node per node;
#  - the HTML document embeds the figure, Markdown a mermaid block.
# --focus keeps exact node sets; bad --focus, format or language exit 2.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: graph: $1"; }
bad() { echo "FAIL: graph: $1"; fail=1; }
nodes_of() { grep -o '^  "[^"]*" \[id=' "$1" | sed 's/^  "\([^"]*\)".*/\1/' | sort | tr '\n' ' '; }

mermaid_items="" svg_items=""
for f in "$root"/examples/*.bcp "$root"/examples/*/plan.bcp "$root/tests/golden/build/hostile/plan.bcp"; do
    [ -e "$f" ] || continue
    case $f in */plan.bcp) name=$(basename "$(dirname "$f")") ;; *) name=$(basename "$f" .bcp) ;; esac
    for lang in en zh-CN; do
        n=$name.$lang
        for fmt in dot svg mermaid; do
            if ! "$BCP" graph --lang "$lang" --format "$fmt" "$f" >"$tmp/$n.$fmt" 2>"$tmp/err" ||
               ! "$BCP" graph --lang "$lang" --format "$fmt" "$f" >"$tmp/$n.$fmt.2" 2>>"$tmp/err"; then
                bad "$n: --format $fmt fails"; cat "$tmp/err"; continue
            fi
            cmp -s "$tmp/$n.$fmt" "$tmp/$n.$fmt.2" || bad "$n: two runs of --format $fmt differ"
        done
        count=$(grep -c '^  "[^"]*" \[id=' "$tmp/$n.dot")
        if dot -Tsvg "$tmp/$n.dot" -o "$tmp/$n.dot.svg" 2>"$tmp/err" &&
           [ "$(grep -c '<g id="dg&#45;n[0-9]*" class="node' "$tmp/$n.dot.svg")" -eq "$count" ]; then
            ok "$n: DOT parses back with Graphviz ($count nodes)"
        else
            bad "$n: DOT does not parse back with $count nodes"; head -3 "$tmp/err"
        fi
        if xmllint --noout "$tmp/$n.svg" 2>"$tmp/err" && head -c 4 "$tmp/$n.svg" | grep -q '<svg' &&
           [ "$(grep -c 'class="node' "$tmp/$n.svg")" -eq "$count" ]; then
            ok "$n: SVG is well-formed XML with $count nodes"
        else
            bad "$n: SVG is not well-formed or lacks nodes"; head -3 "$tmp/err"
        fi
        [ "$(grep -c '\["' "$tmp/$n.mermaid")" -eq "$count" ] || bad "$n: mermaid has not $count nodes"
        mermaid_items="$mermaid_items $n=$tmp/$n.mermaid"
        svg_items="$svg_items $n=$tmp/$n.svg"
        echo "$n $count" >>"$tmp/counts"
    done
done

# A graph above BCP_GRAPH_DOT_MAX_NODES (500) is laid out by sfdp with straight
# edges (dot would take minutes at 10,000 entities): still every node, valid
# SVG, the same bytes twice, and quickly (~2 s here; 60 s is the bound).
genplan=$(dirname "$BCP")/genplan
[ -x "$genplan" ] || ${CC:-cc} -std=c11 -O2 -o "$genplan" "$root/tools/genplan.c"
"$genplan" --graph "$tmp/big.bcp" 700
"$BCP" graph --format dot "$tmp/big.bcp" >"$tmp/big.dot"
big=$(grep -c '^  "[^"]*" \[id="dg-n' "$tmp/big.dot")
start=$(date +%s)
# Under ASan (the Makefile's bcp-graph) these two runs keep ASan's fast
# unwinder: the slow one is there for the suppression of a leak in dot's
# layout (flat_rev), and sfdp does not run dot.  The fast unwinder can match
# fewer suppressions, never more, so a leak would still fail the run; it
# costs 2.6 s of CPU a run here instead of 6.2 s.  (No effect on release.)
BCP_ASAN_GRAPH_OPTIONS='' timeout 60 "$BCP" graph --format svg "$tmp/big.bcp" >"$tmp/big.svg" 2>"$tmp/err" &&
    BCP_ASAN_GRAPH_OPTIONS='' timeout 60 "$BCP" graph --format svg "$tmp/big.bcp" >"$tmp/big.svg.2" 2>>"$tmp/err"
rc=$?
secs=$(( $(date +%s) - start ))
if [ "$rc" -eq 0 ] && [ "$big" -gt 500 ] && xmllint --noout "$tmp/big.svg" 2>>"$tmp/err" &&
   [ "$(grep -c 'class="node' "$tmp/big.svg")" -eq "$big" ] && cmp -s "$tmp/big.svg" "$tmp/big.svg.2"; then
    ok "a graph of $big nodes: sfdp lays out all of them, deterministic, ${secs}s for two runs"
else
    bad "a graph of $big nodes (exit $rc, ${secs}s)"; head -3 "$tmp/err"
fi
svg_items="$svg_items big=$tmp/big.svg"
echo "big $big" >"$tmp/svg-counts"
# the loss simulation's timeline figure (bcp simulate --format html): each row drawn
"$BCP" simulate "$root/examples/huadong/plan.bcp" --scenario typhoon --format html >"$tmp/sim.html" 2>/dev/null
sed -n 's/.*\(<svg.*<\/svg>\).*/\1/p' "$tmp/sim.html" >"$tmp/timeline.svg"
rows=$(grep -o '<g class="row"' "$tmp/timeline.svg" | wc -l)
[ "$rows" -gt 0 ] && xmllint --noout "$tmp/timeline.svg" && ok "the timeline SVG is well-formed ($rows rows)" ||
    bad "the timeline SVG ($rows rows)"
svg_items="$svg_items timeline=$tmp/timeline.svg"
echo "timeline $rows" >>"$tmp/svg-counts"

# CJK labels stay as they are written; ids stay KIND.ID
if grep -q '"function.production" \[id="dg-n[0-9]*", shape=box, label="生产环节"' "$tmp/huadong.zh-CN.dot"; then
    ok "Chinese titles in DOT labels, KIND.ID as node names"
else
    bad "huadong's Chinese title missing from the DOT"
fi
"$BCP" graph -o "$tmp/o.dot" "$root/examples/minimal.bcp" && cmp -s "$tmp/o.dot" "$tmp/minimal.en.dot" &&
    ok "-o FILE writes what standard output gets" || bad "-o FILE differs from standard output"

# --focus: exact node sets
focus() { # focus PLAN KIND.ID "expected nodes sorted, space-separated "
    "$BCP" graph --focus "$2" "$1" >"$tmp/focus.dot" 2>"$tmp/err" || { bad "--focus $2 fails"; cat "$tmp/err"; return; }
    got=$(nodes_of "$tmp/focus.dot")
    [ "$got" = "$3" ] && ok "--focus $2 keeps exactly: $got" || bad "--focus $2 keeps [$got], want [$3]"
}
focus "$root/examples/minimal.bcp" system.email "contact.deputy function.service supplier.mail_host system.email "
focus "$root/examples/minimal.bcp" supplier.mail_host "contact.deputy function.service supplier.mail_host system.email "
focus "$root/examples/minimal.bcp" contact.owner "contact.deputy contact.owner function.service "
focus "$root/examples/huadong/plan.bcp" supplier.it_msp "contact.logistics_lead contact.msp_engineer function.it_support function.purchasing resource.it_backup site.hangzhou supplier.it_msp system.erp system.file_server "
# a plan of our own: a chain, a stand-in, and something unrelated that must go
cat >"$tmp/chain.bcp" <<'PLAN'
plan chain { title = "Chain" organization = "Chain Ltd" }
function sales  { title = "Sales"  rto = 8h  needs = [function.orders] }
function orders { title = "Orders" rto = 4h  needs = [system.shop] }
function payroll { title = "Payroll" rto = 72h needs = [system.hr] }
system shop { title = "Shop" rto = 2h vendor = supplier.host }
system hr   { title = "HR" rto = 24h }
supplier host { name = "Host" sla = 6h alternates = [supplier.host2] }
supplier host2 { name = "Host 2" }
PLAN
focus "$tmp/chain.bcp" system.shop "function.orders function.sales supplier.host supplier.host2 system.shop "
focus "$tmp/chain.bcp" function.payroll "function.payroll system.hr "
# the critical path: payroll's chain (24h) is longer than sales' (4h + 2h + 6h = 12h)
if grep -q '"function.payroll" -> "system.hr" \[id="dg-e[0-9]*", class="needs path"' "$tmp/focus.dot" 2>/dev/null; then
    ok "the critical path is the longest chain (payroll -> HR, 24h)"
else
    bad "critical path not on payroll -> HR"; cat "$tmp/focus.dot"
fi

# errors: exit 2, a message that says why, with the closest id
err() { # err WANT ARGS...
    want=$1; shift
    "$BCP" graph "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -qF -- "$want" "$tmp/err"; then ok "graph $* -> exit 2: $want"
    else bad "graph $*: exit $rc, wanted 2 and '$want'"; cat "$tmp/err"; fi
}
err 'did you mean `system.email`?' --focus system.emial "$root/examples/minimal.bcp"
err 'did you mean `system.`?' --focus sytem.email "$root/examples/minimal.bcp"
err 'not KIND.ID' --focus nope "$root/examples/minimal.bcp"
err 'not KIND.ID' --focus risk.fire "$root/examples/minimal.bcp"
err "unknown format 'png'" --format png "$root/examples/minimal.bcp"
err 'no locale `fr`' --lang fr "$root/examples/minimal.bcp"
err 'which plan?'
printf 'plan broken {\n  title = \n' >"$tmp/broken.bcp"
err 'broken.bcp:' "$tmp/broken.bcp"

# the document: HTML embeds the SVG figure, Markdown a mermaid block, both captioned
"$BCP" build --lang zh-CN -o "$tmp/doc" "$root/examples/huadong/plan.bcp" >/dev/null 2>&1
if grep -q '<figure class="figure depgraph" id="fig-dependency-graph"><div style="overflow-x:auto"><svg ' "$tmp/doc/plan.html" &&
   grep -q '<strong>图 3\.[0-9]*</strong>' "$tmp/doc/plan.html" && grep -q '^```mermaid$' "$tmp/doc/plan.md" &&
   grep -q '^\*\*图 3\.[0-9]*\*\*：计划各职能的依赖关系$' "$tmp/doc/plan.md"; then
    ok "the document: HTML figure with SVG, Markdown mermaid block, numbered captions (zh-CN)"
else
    bad "the document lacks the dependency figure or its caption"
fi

# browsers: Chromium lays out every SVG node, and mermaid parses and draws every text
chrome=$(command -v chromium || command -v chromium-browser || true)
run_chrome() {
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --disable-extensions --allow-file-access-from-files \
        --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" --virtual-time-budget=30000 --dump-dom "$@" 2>/dev/null
}
if [ -z "$chrome" ]; then
    bad "chromium is not installed (tools/deps.sh installs it)"
else
    # one page, one Chromium launch, for every SVG, every Mermaid text and a
    # text mermaid refuses (last, so that the check can fail)
    here=$root/tests/graph
    sh "$root/tools/npm-ci.sh" "$here" graph-test --ignore-scripts || bad "npm ci in tests/graph failed"
    printf 'flowchart LR\n  a["x"] -->\n' >"$tmp/broken.mermaid"
    # shellcheck disable=SC2086
    node "$here/page.js" "$tmp/graph.html" svg $svg_items mermaid $mermaid_items "broken=$tmp/broken.mermaid"
    run_chrome "file://$tmp/graph.html" >"$tmp/graph.dom"
    while read -r n count; do
        grep -q "^svg ok $n $count/$count\$" "$tmp/graph.dom" && ok "$n: Chromium lays out all $count SVG nodes" ||
            bad "$n: Chromium did not lay out $count SVG nodes: $(grep "^svg .* $n" "$tmp/graph.dom" | head -1)"
    done <"$tmp/counts"
    while read -r n count; do
        grep -q "^svg ok $n $count/$count\$" "$tmp/graph.dom" && ok "$n: Chromium lays out all $count SVG nodes or rows" ||
            bad "$n: Chromium did not lay out $count SVG nodes or rows: $(grep "^svg .* $n" "$tmp/graph.dom" | head -1)"
    done <"$tmp/svg-counts"
    while read -r n count; do
        grep -q "^mermaid ok $n $count\$" "$tmp/graph.dom" && ok "$n: mermaid parses and draws $count nodes" ||
            bad "$n: mermaid: $(grep "^mermaid .* $n" "$tmp/graph.dom" | head -1)"
    done <"$tmp/counts"
    grep -q '^mermaid bad broken: ' "$tmp/graph.dom" && ok "the mermaid check refuses broken Mermaid" ||
        bad "the mermaid check accepted broken Mermaid"
fi
exit $fail
