#!/bin/sh
# Runs every tests/cli/test_*.sh with BCP pointing at the binary under test.
# Each script prints its own "ok"/"FAIL" lines and exits non-zero on failure.
set -u
BCP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export BCP
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
for t in "$here"/test_*.sh; do
    [ -e "$t" ] || continue
    if sh "$t"; then
        passed=$((passed + 1))
    else
        echo "FAIL: $(basename "$t")"
        failed=$((failed + 1))
    fi
done
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
