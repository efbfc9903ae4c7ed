#!/bin/sh
# Fails when the generated part of docs/language.md (between the BEGIN/END
# GENERATED markers) is not exactly the output of `BCP schema --markdown`,
# i.e. when someone changed the schema without running tools/gen-docs.sh.
#
# usage: sh tools/check-docs.sh BCP [DOC]   (the Makefile's check-docs target)
set -u

usage() {
    echo "usage: sh tools/check-docs.sh BCP [DOC [OPTION]]  (DOC defaults to docs/language.md, OPTION to --markdown; --regimes, --regions)" >&2
    exit 2
}
[ $# -ge 1 ] && [ $# -le 3 ] || usage
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
doc=${2:-$root/docs/language.md}
# The generator: `bcp schema --markdown` (docs/language.md), `--regimes` (docs/regimes.md) or `--regions` (docs/regions.md).
opt=${3:---markdown}

begin="<!-- BEGIN GENERATED: bcp schema $opt -->"
end='<!-- END GENERATED -->'

tmp=${TMPDIR:-/tmp}/bcp-check-docs.$$
expected="$tmp.expected"
actual="$tmp.actual"
trap 'rm -f "$expected" "$actual"' EXIT
trap 'exit 1' HUP INT TERM

if [ ! -r "$doc" ]; then
    echo "check-docs: cannot read $doc" >&2
    exit 1
fi
if ! "$bin" schema "$opt" >"$expected"; then
    echo "check-docs: '$bin schema $opt' failed" >&2
    exit 1
fi

status=0
awk -v begin="$begin" -v end="$end" '
    $0 == begin { if (seen_begin++) { bad = 1; exit } inside = 1; next }
    $0 == end { if (!inside || seen_end++) { bad = 1; exit } inside = 0; next }
    inside { print }
    END { if (bad || !seen_begin || !seen_end) exit 3 }
' "$doc" >"$actual" || status=$?
if [ "$status" -ne 0 ]; then
    echo "check-docs: $doc must contain the line '$begin' followed later by the line '$end', once each" >&2
    exit 1
fi

if ! diff -u "$actual" "$expected" >"$tmp.diff" 2>&1; then
    echo "check-docs: the schema reference in $doc is out of date:" >&2
    echo "check-docs: it differs from '$bin schema $opt' (- document, + schema):" >&2
    sed -n '3,60p' "$tmp.diff" >&2
    lines=$(wc -l <"$tmp.diff")
    [ "$lines" -gt 60 ] && echo "check-docs: ... ($lines lines of diff in all)" >&2
    rm -f "$tmp.diff"
    echo "check-docs: run 'make docs' and commit $doc" >&2
    exit 1
fi
rm -f "$tmp.diff"
echo "check-docs: $doc matches '$bin schema $opt'"
