#!/bin/sh
# Headings and cross-references are numbered by the renderer: chapters and
# sections count up without gaps in both languages (zh-CN chapters in Chinese
# numerals), appendices are lettered, and "see 6.4" names the section the
# accepted deviations are in, wherever that section lands.
set -u
: "${BCP:=build/bcp}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   numbering: $1"; }
not_ok() { fail=$((fail + 1)); echo "FAIL numbering: $1${2:+: $2}"; }

# The heading sequence of one Markdown document is consistent: chapter k is
# the k-th level-2 heading; section k.m the m-th level-3 heading under it.
check_sequence() { # file lang
    awk -v lang="$2" '
        BEGIN { split("一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十", zh, " ") }
        /^## / {
            if ($0 ~ /^## (Appendix [A-Z]\. |附录[A-Z] )/) { app++; ch = -1; sec = 0; next }
            if (chapters == 0 && $0 !~ /^## ([0-9]+\. |[一二三四五六七八九十]+、)/) { ch = 0; next }  # front matter
            ch = ++chapters; sec = 0
            want = (lang == "zh-CN") ? "## " zh[ch] "、" : "## " ch ". "
            if (index($0, want) != 1) { print "chapter " ch ": " $0; bad = 1 }
            next
        }
        /^### / {
            if (ch < 0) { sec++; want = "### " sprintf("%c", 64 + app) "." sec " " }
            else if (ch == 0) next
            else { sec++; want = "### " ch "." sec " " }
            if (index($0, want) != 1) { print "section " want ": " $0; bad = 1 }
        }
        END { if (chapters < 8) { print "too few chapters"; bad = 1 } exit bad }
    ' "$1"
}

for plan in "$root"/examples/*.bcp; do
    name=$(basename "$plan" .bcp)
    for lang in en zh-CN; do
        out="$tmp/$name-$lang"
        if ! "$BCP" build --draft --lang $lang --format md "$plan" -o "$out" >/dev/null 2>&1; then
            not_ok "$name $lang builds"
            continue
        fi
        if msg=$(check_sequence "$out"/*.md $lang); then ok "$name $lang: headings numbered in sequence"
        else not_ok "$name $lang: heading sequence" "$msg"; fi
    done
done

# The front matter (document control) is not a chapter; the first chapter is 1.
for lang in en zh-CN; do
    md=$(ls "$tmp/beijing-finance-$lang"/*.md | head -1)
    first=$(grep '^## ' "$md" | head -2 | tr '\n' '|')
    case $lang in en) want='## Document control|## 1. Summary|' ;; *) want='## 文件控制|## 一、概要|' ;; esac
    if [ "$first" = "$want" ]; then ok "$lang: document control is front matter"
    else not_ok "$lang: document control is front matter" "$first"; fi
done

# The draft appendix is lettered, not numbered as a chapter.
printf 'plan p {\n  title = "T"\n  organization = "O"\n}\n' > "$tmp/bare.bcp"
"$BCP" build --draft --format md "$tmp/bare.bcp" -o "$tmp/bare" >/dev/null 2>&1
if grep -q '^## Appendix [A-Z]\. Open findings$' "$tmp/bare/bare.md"; then ok "draft appendix is Appendix A"
else not_ok "draft appendix is Appendix A" "$(grep '^## ' "$tmp/bare/bare.md" | tail -1)"; fi
"$BCP" build --draft --lang zh-CN --format md "$tmp/bare.bcp" -o "$tmp/bare-zh" >/dev/null 2>&1
if grep -q '^## 附录[A-Z] 未解决的检查问题$' "$tmp/bare-zh/bare.md"; then ok "zh-CN draft appendix is 附录A"
else not_ok "zh-CN draft appendix is 附录A" "$(grep '^## ' "$tmp/bare-zh/bare.md" | tail -1)"; fi

# "see N.M" points at the accepted-deviations section, whatever its number.
plan="$here/deviations/plan.bcp"
for lang in en zh-CN; do
    out="$tmp/dev-$lang"
    SOURCE_DATE_EPOCH=1795737600 "$BCP" build --lang $lang --format md "$plan" -o "$out" >/dev/null 2>&1
    md=$(ls "$out"/*.md 2>/dev/null | head -1)
    if [ $lang = en ]; then title='Accepted deviations'; else title='已接受的偏离'; fi
    num=$(sed -n "s/^### \([0-9.]*\) $title\$/\1/p" "$md")
    if [ -z "$num" ]; then not_ok "$lang: deviations section found"; continue; fi
    if [ $lang = en ]; then ref="(see $num)"; else ref="（见 $num）"; fi
    if grep -qF "$ref" "$md"; then ok "$lang: deviation cells refer to $num"
    else not_ok "$lang: deviation cells refer to $num" "$(grep -o 'AD-1[^|]*' "$md" | head -1)"; fi
    if LC_ALL=C grep -q "$(printf '\001')" "$md"; then not_ok "$lang: no placeholder left"; else ok "$lang: no placeholder left"; fi
done

# Plan text cannot forge a cross-reference: the marker byte is dropped.
printf 'plan p {\n  title = "T"\n  organization = "O\001test_deviations\001"\n}\n' > "$tmp/forge.bcp"
"$BCP" build --draft --format md "$tmp/forge.bcp" -o "$tmp/forge" >/dev/null 2>&1
if grep -qF 'Otest\_deviations' "$tmp/forge/forge.md" && ! LC_ALL=C grep -q "$(printf '\001')" "$tmp/forge/forge.md"; then
    ok "plan text cannot forge a cross-reference"
else not_ok "plan text cannot forge a cross-reference"; fi

echo "numbering: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
