#!/bin/sh
# docs/api.md documents every function of bcp.h's shared core and editor part
# (the tools part documents its own under its heading).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{ sed '/==== tools part ====/,$d' "$root/include/bcp.h"; echo '#endif'; } >"$tmp"
missing=0
for f in $(sh "$root/tools/gen-exports.sh" "$tmp" | sed -n 's/^    \(bcp_[a-z0-9_]*\);$/\1/p'); do
    if ! grep -q "\`$f(" "$root/docs/api.md"; then
        echo "FAIL: api docs: $f is not in docs/api.md"
        missing=1
    fi
done
[ $missing = 0 ] && echo "ok: api docs: every function of bcp.h's core and editor part is in docs/api.md"
exit $missing
