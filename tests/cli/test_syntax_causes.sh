#!/bin/sh
# Errors at the cause (issue 9): every tests/syntax/*.bcp holds one slip (or
# two, where the header says so) and a header line
#   # expect: LINE CODE
# naming the line of the true cause and its code.  `bcp check` must report
# its FIRST error there, with that code, and no more than 2 errors in all
# (the cascade of echoes is folded into the cause).  tests/unit/test_syntax_causes.c
# checks that the fix-its offered for the first error repair it.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-syntax.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
failed=0
passed=0
files=0
for f in tests/syntax/*.bcp; do
    files=$((files + 1))
    name=$(basename "$f" .bcp)
    want=$(sed -n 's/^# expect: \([0-9]*\) \([A-Z][0-9]*\)$/\1 \2/p' "$f")
    if [ -z "$want" ]; then
        echo "FAIL $name: no '# expect: LINE CODE' header"
        failed=$((failed + 1))
        continue
    fi
    "$BCP" check --no-config --format gcc "$f" >"$tmp/out" 2>&1
    status=$?
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning): ' "$tmp/out" >"$tmp/diags"
    first=$(sed -n '1s/^[^:]*:\([0-9]*\):[0-9]*: [a-z]*: .*\[\([A-Z][0-9]*\)[] ].*$/\1 \2/p' "$tmp/diags")
    errors=$(grep -c ': error: ' "$tmp/diags")
    if [ "$status" -ne 2 ]; then
        echo "FAIL $name: exit $status, want 2 (a syntax error)"
        failed=$((failed + 1))
    elif [ "$first" != "$want" ]; then
        echo "FAIL $name: first error at [$first], want [$want]"
        sed 's/^/    /' "$tmp/diags"
        failed=$((failed + 1))
    elif [ "$errors" -gt 2 ]; then
        echo "FAIL $name: $errors errors for one slip, want at most 2"
        sed 's/^/    /' "$tmp/diags"
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
done
if [ "$files" -lt 20 ]; then
    echo "FAIL only $files broken files in tests/syntax (want at least 20)"
    failed=$((failed + 1))
fi
echo "syntax causes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
