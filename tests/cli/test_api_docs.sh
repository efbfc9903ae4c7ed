#!/bin/sh
# docs/api.md documents every function bcp.h exports, each written as
# `name(` in a table row or the text.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
missing=0
for f in $(sh "$root/tools/gen-exports.sh" "$root/include/bcp.h" | sed -n 's/^    \(bcp_[a-z0-9_]*\);$/\1/p'); do
    if ! grep -q "\`$f(" "$root/docs/api.md"; then
        echo "FAIL: api docs: $f is not in docs/api.md"
        missing=1
    fi
done
[ $missing = 0 ] && echo "ok: api docs: every function of bcp.h is in docs/api.md"
exit $missing
