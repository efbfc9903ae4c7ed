#!/bin/sh
# H121 plan-section-empty: the document says only "not yet defined" for an
# empty part; `bcp check` tells the author, one finding per empty part, each
# with a help line saying what to write.  The examples stay free of warnings.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-empty.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
failed=0
passed=0
ok() { passed=$((passed + 1)); echo "ok   empty-sections: $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL empty-sections: $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

"$BCP" check --no-config --today 2026-11-27 --select H121 tests/rules/H121.bad.bcp >"$tmp/text" 2>&1
echo $? >"$tmp/status"
check "H121 is a note: it never fails the check" '[ "$(cat "$tmp/status")" = 0 ]'
"$BCP" check --no-config --today 2026-11-27 --select H121 --format gcc tests/rules/H121.bad.bcp >"$tmp/gcc" 2>&1
check "six findings: five empty parts at the plan, one function without needs" \
    '[ "$(grep -c "\[H121 plan-section-empty\]" "$tmp/gcc")" = 6 ] &&
     [ "$(grep -c "^tests/rules/H121.bad.bcp:6:6: note:" "$tmp/gcc")" = 5 ] &&
     grep -q "^tests/rules/H121.bad.bcp:18:10: note: function \`delivery\` lists nothing it needs" "$tmp/gcc"'
for part in "no sites" "no incident scenarios" "no systems or data sets" "no emergency resources" \
            "no function names its key people"; do
    check "a finding for $part" 'grep -q "$part" "$tmp/gcc"'
done
check "the function that lists what it needs is not reported" '! grep -q "baking" "$tmp/gcc"'
# Each finding carries its own help line with what to write.
for help in "add a \`site\` for each place" "add a \`scenario\` for each incident" \
            "add a \`system\` for each application" "add a \`resource\` for each thing" \
            "in its \`key_people\`" "list what \`delivery\` cannot run without in \`needs\`"; do
    check "help: $help" 'grep -q "= help: .*$help" "$tmp/text"'
done
"$BCP" check --no-config --today 2026-11-27 --select H121 --format json tests/rules/H121.bad.bcp >"$tmp/json" 2>&1
check "the JSON report carries the help" 'grep -q "add a \`site\` for each place" "$tmp/json"'

printf 'plan p {\n  title = "P"\n  organization = "O"\n}\n' >"$tmp/none.bcp"
"$BCP" check --no-config --today 2026-11-27 --select H121 --format gcc "$tmp/none.bcp" >"$tmp/gcc" 2>&1
check "a plan with no functions: that finding, and none about key people or needs" \
    'grep -q "no functions, so the document has no business impact analysis" "$tmp/gcc" &&
     ! grep -q "key people" "$tmp/gcc" && ! grep -q "lists nothing it needs" "$tmp/gcc"'
printf 'function f {\n  title = "F"\n}\n' >"$tmp/module.bcp"
"$BCP" check --no-config --today 2026-11-27 --select H121 --format gcc "$tmp/module.bcp" >"$tmp/gcc" 2>&1
check "a module checked without its plan gets no H121" '! grep -q H121 "$tmp/gcc"'

"$BCP" check --no-config --today 2026-11-27 --select H121 tests/rules/H121.good.bcp >"$tmp/out" 2>&1
check "the good example is clean" '[ $? = 0 ] && ! grep -q H121 "$tmp/out"'
for f in examples/beijing-finance.bcp examples/global-services.bcp examples/huadong; do
    "$BCP" check --today 2026-11-27 --fail-on warning "$f" >"$tmp/out" 2>&1
    check "$f: no H121" '! grep -q H121 "$tmp/out"'
done

echo "empty-sections: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
