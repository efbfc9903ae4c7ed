#!/bin/sh
# make run: check every bundled example, build it into out/ and say where the
# documents are.
set -u
bcp=$1
out=${OUT_DIR:-out}
status=0
mkdir -p "$out"
for f in examples/*.bcp examples/*/plan.bcp; do
    [ -e "$f" ] || continue
    "$bcp" check "$f" >&2 || echo "note: bcp check reported findings for $f" >&2
    if "$bcp" build -o "$out" "$f"; then
        echo "ok: $f"
    else
        status=1
    fi
done
echo "documents (Markdown, HTML, JSON) are in $out/:"
ls "$out" | sed 's/^/  /'
exit $status
