#!/bin/sh
# docs/rules/ and docs/diagnostics.md are generated from the catalogue (the
# rule metadata with the example fixtures, and compiler/base/codes.def):
#   docs/rules/README.md   `bcp rules --markdown`
#   docs/rules/CODE.md     `bcp explain --markdown CODE`
#   docs/diagnostics.md    `bcp explain --all --markdown` (every code)
# usage: sh tools/check-rule-docs.sh BCP           fail when a page is out of date
#        sh tools/check-rule-docs.sh BCP --update  rewrite the pages
set -u
bcp=${1:?usage: check-rule-docs.sh BCP [--update]}
update=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
LC_ALL=C
export LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-ruledocs.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/rules"
"$bcp" rules --markdown >"$tmp/rules/README.md" || exit 2
for code in $("$bcp" rules --codes); do
    "$bcp" explain --markdown "$code" >"$tmp/rules/$code.md" || exit 2
done
"$bcp" explain --all --markdown >"$tmp/diagnostics.md" || exit 2
if [ "$update" = --update ]; then
    cmp -s "$tmp/diagnostics.md" docs/diagnostics.md ||
        { cp "$tmp/diagnostics.md" docs/diagnostics.md.tmp && mv docs/diagnostics.md.tmp docs/diagnostics.md; }
    mkdir -p docs/rules
    for f in docs/rules/*.md; do
        [ -e "$f" ] && [ ! -e "$tmp/rules/$(basename "$f")" ] && rm -f "$f"
    done
    for f in "$tmp"/rules/*.md; do
        dest=docs/rules/$(basename "$f")
        cmp -s "$f" "$dest" || { cp "$f" "$dest.tmp" && mv "$dest.tmp" "$dest"; }
    done
    echo "docs/rules and docs/diagnostics.md updated"
    exit 0
fi
stale=0
for f in "$tmp"/rules/*.md; do
    dest=docs/rules/$(basename "$f")
    if ! cmp -s "$f" "$dest"; then
        echo "out of date: $dest"
        stale=1
    fi
done
for f in docs/rules/*.md; do
    [ -e "$f" ] || continue
    [ -e "$tmp/rules/$(basename "$f")" ] || { echo "no such rule: $f"; stale=1; }
done
if ! cmp -s "$tmp/diagnostics.md" docs/diagnostics.md; then
    echo "out of date: docs/diagnostics.md"
    stale=1
fi
if [ "$stale" -ne 0 ]; then
    echo "run: sh tools/check-rule-docs.sh $bcp --update"
    exit 1
fi
echo "docs/rules and docs/diagnostics.md up to date"
