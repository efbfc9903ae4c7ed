#!/bin/sh
# bcp build: golden Markdown and JSON of every example (UPDATE=1 rewrites
# them), byte-identical output across runs and locales/time zones, hostile
# plan text stays inert, a plan with errors builds nothing.
set -u
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
for f in examples/*.bcp examples/*/plan.bcp; do
    [ -e "$f" ] || continue
    case $f in */plan.bcp) name=$(basename "$(dirname "$f")") ;; *) name=$(basename "$f" .bcp) ;; esac
    for lang in default en zh-CN; do
        out=$tmp/$name-$lang
        if [ $lang = default ]; then opt=""; suffix=""; else opt="--lang $lang"; suffix=".$lang"; fi
        # shellcheck disable=SC2086
        if ! "$BCP" build $opt -o "$out" "$f" 2>"$tmp/err"; then
            bad "$f ($lang) does not build"; cat "$tmp/err"; continue
        fi
        if grep -q "has no text" "$tmp/err"; then
            bad "$f ($lang): stdlib texts missing"; grep "has no text" "$tmp/err" | head -5
        fi
        for ext in md json html; do
            [ -s "$out/$name.$ext" ] || bad "$f ($lang): no $name.$ext"
        done
        # a --lang that is the plan's own language adds nothing to compare
        if [ $lang = default ] || ! cmp -s "$out/$name.md" "$tmp/$name-default/$name.md"; then
            compare "$name$suffix.md" "$out/$name.md"
            compare "$name$suffix.json" "$out/$name.json"
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
    md=$tmp/h/hostile.md html=$tmp/h/hostile.html json=$tmp/h/hostile.json
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

# A plan with errors builds nothing and exits 2.
printf 'plan p { title = "t" organization = "o" owner = contact.nobody }\n' > "$tmp/broken.bcp"
"$BCP" build -o "$tmp/broken" "$tmp/broken.bcp" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -e "$tmp/broken/broken.md" ] && grep -q "E106\|undefined" "$tmp/err"; then
    ok "plan with errors: exit 2, diagnostics, nothing built"
else
    bad "plan with errors: exit $rc"; cat "$tmp/err"
fi
"$BCP" build --lang xx -o "$tmp/x" examples/minimal.bcp 2>/dev/null
[ $? -eq 2 ] && ok "unknown --lang is an error" || bad "unknown --lang accepted"
"$BCP" build --format md -o "$tmp/fmt" examples/minimal.bcp 2>/dev/null
[ -e "$tmp/fmt/minimal.md" ] && [ ! -e "$tmp/fmt/minimal.html" ] && ok "--format md writes only Markdown" || bad "--format md"
ls -a "$tmp/fmt" | grep -q tmp && bad "temporary file left behind" || ok "no temporary files left"
exit $fail
