#!/bin/sh
# make run: check every bundled example and say where the output is.
set -u
bcp=$1
status=0
for f in examples/*.bcp examples/*/plan.bcp; do
    [ -e "$f" ] || continue
    if "$bcp" check "$f"; then
        echo "ok: $f"
    else
        status=1
    fi
done
exit $status
