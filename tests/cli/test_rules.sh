#!/bin/sh
# The generic rule test: for EVERY registered rule (`bcp rules --codes`)
#   - tests/rules/CODE.bad.bcp and CODE.good.bcp exist, and docs/rules/CODE.md;
#   - the bad example yields a CODE finding on exactly the lines marked with a
#     trailing `# expect: CODE` comment (several codes: `# expect: D101, H101`);
#   - the good example yields no CODE finding;
#   - neither example has syntax or model errors (E***).
# All rules run together (as a user runs them), only CODE findings are compared.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-rules.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
unset SOURCE_DATE_EPOCH
failed=0
passed=0
ok() { passed=$((passed + 1)); }
not_ok() {
    failed=$((failed + 1))
    echo "FAIL $1: $2"
}

# lint FILE: "LINE CODE" per finding, sorted; FILE's lines of the one check
# of every example below are left in $tmp/gcc.
lint() {
    awk -v f="$1:" 'index($0, f) == 1' "$tmp/gcc.all" >"$tmp/gcc"
    sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: [a-z]*: .* \[\([A-Z][0-9]*\) [a-z0-9-]*\]$/\1 \2/p' "$tmp/gcc" | sort -u
}

"$BCP" rules --codes >"$tmp/codes" || { echo "FAIL bcp rules --codes"; exit 1; }
[ -s "$tmp/codes" ] || { echo "FAIL no rules registered"; exit 1; }
# One check of every example there is (a run per file cost a process's
# start-up, stdlib load and, under ASan, leak scan each: 94 runs).  bcp check
# takes many files and checks each on its own, its findings prefixed with its
# path: the same lines as one run a file (compared when this was written); a
# syntax error in one file does not stop the others.  A file that cannot be
# read stops the run (exit 2, `bcp: FILE: ...`): then nothing is judged.
files=""
while read -r code; do
    for f in tests/rules/$code.bad.bcp tests/rules/$code.good.bcp; do
        [ -f "$f" ] && files="$files $f"
    done
done <"$tmp/codes"
# shellcheck disable=SC2086
"$BCP" check --no-config --today 2026-11-27 --format gcc $files >"$tmp/gcc.all" 2>"$tmp/err"
status=$?
if [ "$status" -gt 2 ] || grep -q '^bcp: ' "$tmp/err"; then
    echo "FAIL the check of every example stopped (exit $status):"; sed 's/^/    /' "$tmp/err"; exit 1
fi
while read -r code; do
    bad=tests/rules/$code.bad.bcp
    good=tests/rules/$code.good.bcp
    missing=""
    for f in "$bad" "$good" "docs/rules/$code.md"; do
        [ -f "$f" ] || missing="$missing $f"
    done
    if [ -n "$missing" ]; then
        not_ok "$code" "missing$missing"
        continue
    fi
    # Expected lines: `# expect: A, B` lists codes.
    awk -v code="$code" '{
        i = index($0, "# expect:")
        if (i == 0) next
        n = split(substr($0, i + 9), words, /[ ,]+/)
        for (j = 1; j <= n; j++) if (words[j] == code) print NR " " code
    }' "$bad" | sort -u >"$tmp/want"
    if [ ! -s "$tmp/want" ]; then
        not_ok "$code" "$bad marks no line with '# expect: $code'"
        continue
    fi
    lint "$bad" >"$tmp/all"
    grep " $code\$" "$tmp/all" >"$tmp/got"
    if grep -q ' E[0-9]*$' "$tmp/all"; then
        not_ok "$code" "$bad has model or syntax errors:"
        grep ' E' "$tmp/gcc" | sed 's/^/    /'
        continue
    fi
    if ! cmp -s "$tmp/want" "$tmp/got"; then
        not_ok "$code" "$bad: findings differ from the '# expect' lines (want / got):"
        diff "$tmp/want" "$tmp/got" | sed 's/^/    /'
        grep "\[$code " "$tmp/gcc" | sed 's/^/    /'
        continue
    fi
    lint "$good" >"$tmp/all"
    if grep -q " $code\$" "$tmp/all"; then
        not_ok "$code" "$good: rule fires on its good example:"
        grep "\[$code " "$tmp/gcc" | sed 's/^/    /'
        continue
    fi
    if grep -q ' E[0-9]*$' "$tmp/all"; then
        not_ok "$code" "$good has model or syntax errors:"
        grep ' E' "$tmp/gcc" | sed 's/^/    /'
        continue
    fi
    ok
done <"$tmp/codes"
# Fixtures of rules that are not registered are a mistake (a typo'd code).
for f in tests/rules/*.bcp; do
    [ -e "$f" ] || continue
    code=$(basename "$f" | sed 's/\..*//')
    grep -qx "$code" "$tmp/codes" || not_ok "$code" "$f belongs to no registered rule"
done
echo "rules: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
