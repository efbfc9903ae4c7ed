#!/bin/sh
# Regenerates the generated part of docs/language.md: everything between the
# BEGIN/END GENERATED markers is replaced by the output of `BCP schema --markdown`.
# The hand-written part is kept byte for byte; the file is replaced atomically.
#
# usage: sh tools/gen-docs.sh BCP [DOC]
set -eu

usage() {
    echo "usage: sh tools/gen-docs.sh BCP [DOC [OPTION]]  (DOC defaults to docs/language.md, OPTION to --markdown; --regimes, --regions)" >&2
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

# Temporary files live next to the document so that mv is a rename on one file system.
generated="$doc.generated.$$"
result="$doc.tmp.$$"
trap 'rm -f "$generated" "$result"' EXIT
trap 'exit 1' HUP INT TERM

if ! "$bin" schema "$opt" >"$generated"; then
    echo "gen-docs: '$bin schema $opt' failed" >&2
    exit 1
fi

# Exit status 3: a marker is missing, duplicated or out of order.
status=0
awk -v begin="$begin" -v end="$end" -v generated="$generated" '
    $0 == begin {
        if (seen_begin++) { bad = 1; exit }
        print
        while ((getline line < generated) > 0)
            print line
        close(generated)
        inside = 1
        next
    }
    $0 == end {
        if (!inside || seen_end++) { bad = 1; exit }
        inside = 0
        print
        next
    }
    !inside { print }
    END { if (bad || !seen_begin || !seen_end) exit 3 }
' "$doc" >"$result" || status=$?
if [ "$status" -eq 3 ]; then
    echo "gen-docs: $doc must contain the line '$begin' followed later by the line '$end', once each" >&2
    exit 1
elif [ "$status" -ne 0 ]; then
    echo "gen-docs: cannot rewrite $doc" >&2
    exit 1
fi

if cmp -s "$result" "$doc"; then
    echo "gen-docs: $doc is up to date"
    exit 0
fi
chmod 644 "$result"
mv "$result" "$doc"
echo "gen-docs: regenerated the schema reference in $doc"
