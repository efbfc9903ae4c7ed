#!/bin/sh
# Golden tests of `bcp check`, `bcp parse` and the command line itself.
#
# Each case runs one command from the repository root and compares what it
# printed with tests/cli/golden/NAME.out, byte for byte: stdout, then
# "--- stderr" and stderr when there is any, then "--- exit N".  The exit
# status is also checked against the one the case names, so regenerating
# cannot quietly accept a wrong status.
#
#   BCP=build/bcp sh tests/cli/test_check.sh            run
#   UPDATE=1 BCP=build/bcp sh tests/cli/test_check.sh   rewrite the goldens (then read the diff!)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
golden=tests/cli/golden
in=$golden/check
update=${UPDATE:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
# Output must not depend on the caller's environment.
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL

failed=0
passed=0

ok() { passed=$((passed + 1)); echo "ok $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "FAIL $1${2:+: $2}"
}

# golden NAME STATUS [--stdin FILE] ARGS...: run $BCP ARGS, compare with the golden.
golden() {
    name=$1 want=$2
    shift 2
    stdin=/dev/null
    if [ $# -gt 0 ] && [ "$1" = --stdin ]; then
        stdin=$2
        shift 2
    fi
    "$BCP" "$@" <"$stdin" >"$tmp/out" 2>"$tmp/err"
    status=$?
    {
        cat "$tmp/out"
        if [ -s "$tmp/err" ]; then
            echo "--- stderr"
            cat "$tmp/err"
        fi
        echo "--- exit $status"
    } >"$tmp/got"
    if [ "$status" -ne "$want" ]; then
        not_ok "$name" "exit status $status, expected $want"
        sed 's/^/    /' "$tmp/got"
        return
    fi
    if [ -n "$update" ]; then
        cp "$tmp/got" "$golden/$name.out"
        ok "$name (golden updated)"
    elif [ ! -f "$golden/$name.out" ]; then
        not_ok "$name" "no golden $golden/$name.out (run with UPDATE=1 and review it)"
    elif cmp -s "$tmp/got" "$golden/$name.out"; then
        ok "$name"
    else
        not_ok "$name" "output differs from $golden/$name.out"
        diff -u "$golden/$name.out" "$tmp/got" | sed 's/^/    /'
    fi
}

# Lint rules are left out (--no-lint): these cases are about the model, and
# the lint rules have their own tests.
check() { golden "$1" "$2" check --no-lint --color never "$3"; }

# expect NAME STATUS PATTERN ARGS...: exit status and a line of the output
# (stdout and stderr) matching the grep pattern; for texts that change as
# commands are added.
expect() {
    name=$1 want=$2 pattern=$3
    shift 3
    "$BCP" "$@" </dev/null >"$tmp/out" 2>&1
    status=$?
    if [ "$status" -ne "$want" ]; then
        not_ok "$name" "exit status $status, expected $want"
        sed 's/^/    /' "$tmp/out"
    elif ! grep -q -e "$pattern" "$tmp/out"; then
        not_ok "$name" "no line matching '$pattern'"
        sed 's/^/    /' "$tmp/out"
    else
        ok "$name"
    fi
}

# --- one case per model error code: message, file:line:col, source line,
#     caret, help line; exit 1.
check e101-unknown-kind 1 $in/e101-unknown-kind.bcp
check e102-unknown-attribute 1 $in/e102-unknown-attribute.bcp
check e103-wrong-type 1 $in/e103-wrong-type.bcp
check e104-bad-date 1 $in/e104-bad-date.bcp
check e105-bad-duration 1 $in/e105-bad-duration.bcp
check e106-undefined-reference 1 $in/e106-undefined-reference.bcp
check e107-wrong-reference-kind 1 $in/e107-wrong-reference-kind.bcp
check e108-duplicate-id 1 $in/e108-duplicate-id.bcp
check e109-missing-attribute 1 $in/e109-missing-attribute.bcp
check e110-multiple-plans 1 $in/e110-multiple-plans.bcp
check e111-import-not-found 1 $in/e111-import-not-found.bcp
check e112-import-escapes 1 $in/e112/plan.bcp
check e113-import-cycle 1 $in/e113-import-cycle.bcp
check e114-out-of-range 1 $in/e114-out-of-range.bcp
check e115-duplicate-attribute 1 $in/e115-duplicate-attribute.bcp
check e116-missing-id 1 $in/e116-missing-id.bcp
check e117-misplaced-block 1 $in/e117-misplaced-block.bcp
check e118-untranslatable-attribute 1 $in/e118-untranslatable-attribute.bcp
check multibyte 1 $in/multibyte.bcp

# --- syntax errors: every one reported, exit 2.
check syntax-three-errors 2 $in/syntax-three-errors.bcp

# --- clean input: no output at all, exit 0.
check clean 0 $in/clean.bcp
check imports-clean 0 tests/fixtures/imports/plan.bcp

# --- files and stdin.
golden check-missing-file 2 check --no-lint --color never $in/no-such-file.bcp
golden check-no-files 2 check
golden check-bad-option 2 check --frobnicate $in/clean.bcp
golden check-stdin 1 --stdin $in/e106-undefined-reference.bcp check --no-lint --color never -
# A module alone is checked with the plan that imports it: references into
# the plan resolve, a genuinely undefined one is still reported.
golden project-module-alone 1 check --no-lint --color never tests/fixtures/project/contacts.bcp
golden project-plan 1 check --no-lint --color never tests/fixtures/project/plan.bcp
golden project-directory 1 check --no-lint --color never tests/fixtures/project
golden check-several-files 1 check --no-lint --color never $in/clean.bcp $in/e114-out-of-range.bcp
# Two plans importing one module: the module's problem is reported once.
golden shared-module 1 check --no-lint --color never tests/fixtures/shared

# --- accepted deviations (tests/cli/test_deviations.sh has the rest): while
#     they hold, after they expire (findings back with a note), and the
#     H104/H105 messages at the place they concern.
dev=tests/cli/deviations/plan.bcp
golden deviations-accepted 0 check --no-config --ignore H121 --color never --today 2026-11-27 $dev
golden deviations-accepted-json 0 check --no-config --ignore H121 --today 2026-11-27 --format json $dev
golden deviations-expired 1 check --no-config --ignore H121 --color never --today 2027-07-01 $dev
golden deviations-expired-json 1 check --no-config --ignore H121 --today 2027-07-01 --format json $dev
golden deviations-h104 1 check --no-config --color never --today 2026-11-27 --select B108,H104 tests/rules/H104.bad.bcp
golden deviations-h105 1 check --no-config --color never --today 2026-11-27 --select B108,H105 tests/rules/H105.bad.bcp

# --- parse --tree.
golden parse-tree 0 parse --tree $golden/parse/small.bcp
golden parse-tree-syntax-error 2 parse --tree $in/syntax-three-errors.bcp
golden parse-no-file 2 parse

# --- the command line (help texts grow with the commands: checked by pattern).
expect version 0 '^bcp [0-9][0-9.]*' version
expect dash-dash-version 0 '^bcp [0-9][0-9.]*' --version
expect help 0 '^  check ' help
expect help-check 0 '^usage: bcp check ' help check
expect dash-dash-help 0 '^usage: bcp COMMAND' --help
expect check-dash-dash-help 0 '^usage: bcp check ' check --help
expect no-command 2 '^usage: bcp COMMAND'
golden unknown-command 2 frobnicate
golden help-unknown-command 2 help frobnicate

# --- the ANSI colours are asked for explicitly and never leak otherwise.
"$BCP" check --no-lint --color always $in/e114-out-of-range.bcp >"$tmp/color" 2>&1
if grep -q "$(printf '\033')\[" "$tmp/color"; then ok color-always; else not_ok color-always "no ANSI escapes"; fi
"$BCP" check --no-lint $in/e114-out-of-range.bcp >"$tmp/plain" 2>&1
if grep -q "$(printf '\033')" "$tmp/plain"; then not_ok color-auto "escapes written to a file"; else ok color-auto; fi

# --- same input, same bytes.
"$BCP" check --no-lint --color never $in/e106-undefined-reference.bcp >"$tmp/run1" 2>&1
"$BCP" check --no-lint --color never $in/e106-undefined-reference.bcp >"$tmp/run2" 2>&1
if cmp -s "$tmp/run1" "$tmp/run2"; then ok deterministic; else not_ok deterministic; fi

echo "test_check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
