#!/bin/sh
# Input limits and the tree's edges, end to end (docs/language.md, "Limits"):
# devices, FIFOs (direct and imported), folders and a 1 GiB sparse file are
# refused fast and without hanging; an endless stream stops at the cap; deep
# nesting is refused before parsing and the limit can be raised; symlinks
# out of a checked folder are not read; an import's escape is reported
# before whether the file exists; a one-line plan of 25,000 entities is
# checked in bounded time; a lowered limit refuses the user's files, never
# the stdlib's (held to the defaults at least).
set -u
: "${BCP:=build/bcp}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-limits.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
failed=0
passed=0
ok() { passed=$((passed + 1)); echo "ok   limits: $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL limits: $1"; [ -f "$tmp/err" ] && head -c 600 "$tmp/err"; }

# run SECONDS ARGS...: $BCP ARGS with a time limit; status in $status, output in $tmp/out, $tmp/err.
run() {
    limit=$1
    shift
    timeout "$limit" "$BCP" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
}
# expect NAME STATUS PATTERN: status and a line of stdout+stderr matching PATTERN.
expect() {
    if [ "$status" = "$2" ] && cat "$tmp/out" "$tmp/err" | grep -q -- "$3"; then ok "$1"; else not_ok "$1 (exit $status)"; fi
}

run 20 check /dev/zero
expect "check /dev/zero is refused as a device" 2 "character device, not a regular file.*E011"

timeout 20 "$BCP" fmt - </dev/zero >"$tmp/out" 2>"$tmp/err"
status=$?
expect "fmt - </dev/zero stops at once, at the first NUL" 2 "<stdin>:1:1: error: NUL byte.*E016"

# An endless stream of text stops at the file-size cap.
yes 'system s { title = "x" }' | timeout 60 "$BCP" check --limit file-size=1M - >"$tmp/out" 2>"$tmp/err"
status=$?
expect "an endless stream stops at the file-size cap" 2 "larger than the file-size limit of 1048576 bytes.*E010"

mkfifo "$tmp/pipe.bcp"
run 20 check "$tmp/pipe.bcp"
expect "a FIFO is refused, not waited on" 2 "FIFO (named pipe), not a regular file.*E011"
mkdir "$tmp/fifo"
mkfifo "$tmp/fifo/pipe.bcp"
printf 'use "./pipe"\nplan p { title = "T" }\n' >"$tmp/fifo/plan.bcp"
run 20 check --no-lint "$tmp/fifo/plan.bcp"
expect "importing a FIFO is refused at the use" 1 "plan.bcp:1:5: error: cannot read \`./pipe\`: is a FIFO.*E011"

mkdir "$tmp/folder.bcp"
printf 'use "./folder"\nplan p { title = "T" }\n' >"$tmp/usedir.bcp"
run 20 check --no-lint "$tmp/usedir.bcp"
expect "importing a folder is refused" 1 "is a directory, not a plan file"

truncate -s 1G "$tmp/big.bcp"
start=$(date +%s)
run 20 check "$tmp/big.bcp"
took=$(( $(date +%s) - start ))
expect "a 1 GiB sparse file is refused by its size" 2 "file is 1073741824 bytes, over the file-size limit.*E010"
if [ "$took" -le 5 ]; then ok "... in ${took}s, without reading it"; else not_ok "1 GiB refusal took ${took}s"; fi

# Deep nesting: 40,000 lists and 30,000 blocks crashed the parser's users.
python3 -c "print('plan p {\n  x = ' + '['*40000 + ']'*40000 + '\n}')" >"$tmp/lists.bcp"
python3 -c "print('plan p {\n' + 'a {'*30000 + '}'*30000 + '\n}')" >"$tmp/blocks.bcp"
python3 -c "print('plan p {\n  x = ' + '['*65531)" >"$tmp/unclosed.bcp"
for f in lists blocks unclosed; do
    for cmd in check fmt parse; do
        case $cmd in parse) args="parse --tree" ;; fmt) args="fmt --check" ;; *) args=check ;; esac
        # shellcheck disable=SC2086
        run 60 $args "$tmp/$f.bcp"
        expect "$f: $cmd refuses the nesting before parsing" 2 "$f.bcp:2:.*nesting deeper than the limit of 100 levels.*E012"
    done
done
run 60 diff "$tmp/lists.bcp" "$tmp/blocks.bcp"
expect "diff refuses the nesting" 2 "E012"

# At the limit passes; raised by the flag, the deeper file passes too.
python3 -c "print('plan p {\n  title = \"T\"\n  x = ' + '['*99 + ']'*99 + '\n}')" >"$tmp/at.bcp"
python3 -c "print('plan p {\n  title = \"T\"\n  x = ' + '['*100 + ']'*100 + '\n}')" >"$tmp/over.bcp"
run 20 parse --tree "$tmp/at.bcp"
expect "nesting at the limit parses" 0 "source_file"
run 20 parse --tree "$tmp/over.bcp"
expect "one level more is refused at its bracket" 2 "over.bcp:3:106: error: nesting deeper than the limit of 100 levels: this \`\[\` opens level 101"
run 20 parse --tree --limit nesting=101 "$tmp/over.bcp"
expect "--limit nesting=101 lets it through" 0 "source_file"
run 20 parse --tree --limit nesting=100000 "$tmp/over.bcp"
expect "a limit above the maximum is a usage error" 2 "takes a number from 1 to 1000"
run 20 check --limit depth=5 "$tmp/over.bcp"
expect "an unknown limit is a usage error" 2 "unknown limit 'depth'"

# The deepest nesting the maximum allows runs through every command (under
# ASan in make test): lists, and blocks nested in blocks.
python3 -c "print('plan p {\n  title = \"T\"\n  x = ' + '['*999 + ']'*999 + '\n}')" >"$tmp/max-lists.bcp"
python3 -c "print('plan p {\n  title = \"T\"\n' + 'note n {\n'*999 + '}\n'*999 + '}')" >"$tmp/max-blocks.bcp"
for f in max-lists max-blocks; do
    run 300 check --limit nesting=1000 "$tmp/$f.bcp"
    expect "$f: check at nesting 1000" 1 "error"
    run 300 fmt --limit nesting=1000 "$tmp/$f.bcp"
    expect "$f: fmt at nesting 1000" 0 "plan p"
    run 300 parse --tree --limit nesting=1000 "$tmp/$f.bcp"
    expect "$f: parse --tree at nesting 1000" 0 "source_file"
    run 300 diff --limit nesting=1000 "$tmp/$f.bcp" "$tmp/$f.bcp"
    if [ "$status" = 0 ]; then ok "$f: diff at nesting 1000"; else not_ok "$f: diff at nesting 1000 (exit $status)"; fi
    run 300 build --limit nesting=1000 "$tmp/$f.bcp" -o "$tmp/out-$f"
    expect "$f: build at nesting 1000 reports, does not crash" 2 "error"
done

# Invalid UTF-8 is located, never dropped.
printf 'plan p {\n  title = "caf\351"\n}\n' >"$tmp/latin1.bcp"
run 20 check "$tmp/latin1.bcp"
expect "invalid UTF-8 is an error at its byte" 2 "latin1.bcp:2:15: error: invalid UTF-8: byte 0xE9.*E013"
run 20 build "$tmp/latin1.bcp" -o "$tmp/out-latin1"
expect "build refuses invalid UTF-8" 2 "E013"

# Symlinks out of a checked folder are not read (nor echoed).
mkdir -p "$tmp/tree/root/sub" "$tmp/tree/outside"
printf 'token = "s3cr3t-token-value"\n' >"$tmp/tree/outside/creds.bcp"
printf 'plan p { title = "T" }\n' >"$tmp/tree/root/plan.bcp"
ln -s ../outside/creds.bcp "$tmp/tree/root/creds.bcp"
printf 'system s { title = "S" }\n' >"$tmp/tree/root/sub/real.bcp"
ln -s real.bcp "$tmp/tree/root/sub/inside.bcp"
run 20 check --no-lint "$tmp/tree/root"
if ! cat "$tmp/out" "$tmp/err" | grep -q s3cr3t && grep -q "creds.bcp: a symbolic link to a file outside" "$tmp/err"; then
    ok "check DIR does not follow a symlink out of the folder, and says so"
else
    not_ok "check DIR and an outside symlink"
fi
cp "$tmp/tree/outside/creds.bcp" "$tmp/creds.before"
run 20 fmt -w "$tmp/tree/root"
if cmp -s "$tmp/tree/outside/creds.bcp" "$tmp/creds.before" && grep -q "outside" "$tmp/err"; then
    ok "fmt -w DIR leaves the outside file alone"
else
    not_ok "fmt -w DIR and an outside symlink"
fi

# The readiness summary walks the folder as check does: the outside link is
# not read (its plan is not scored) and is named in a warning.
for fmt in text json; do
    run 20 check --summary --format $fmt "$tmp/tree/root"
    if ! cat "$tmp/out" "$tmp/err" | grep -q s3cr3t && grep -q "creds.bcp: a symbolic link to a file outside" "$tmp/err"; then
        ok "check --summary --format $fmt DIR does not follow a symlink out of the folder"
    else
        not_ok "check --summary --format $fmt DIR and an outside symlink"
    fi
done

# An escape is reported whether or not the outside file exists.
mkdir -p "$tmp/esc/plans" "$tmp/esc/shared"
printf 'site a { title = "A" }\n' >"$tmp/esc/shared/there.bcp"
printf 'use "../shared/there"\nuse "../shared/not-there"\nuse "std/../../shared/there"\nplan p { title = "T" }\n' >"$tmp/esc/plans/plan.bcp"
run 20 check --no-lint "$tmp/esc/plans/plan.bcp"
if [ "$(grep -c 'E112 import-escapes' "$tmp/out")" = 3 ] && ! grep -q E111 "$tmp/out"; then
    ok "use: the escape comes before existence (both answers are E112)"
else
    not_ok "use escape ordering"; cat "$tmp/out"
fi
# graph and simulate load the plan as check does: the same escapes refused.
for cmd in graph "simulate --each"; do
    # shellcheck disable=SC2086
    run 20 $cmd "$tmp/esc/plans/plan.bcp"
    if [ "$status" = 2 ] && [ "$(cat "$tmp/out" "$tmp/err" | grep -c 'E112')" -ge 1 ] && ! cat "$tmp/out" "$tmp/err" | grep -q E111; then
        ok "$cmd: an import out of the tree is E112, whether or not it exists"
    else
        not_ok "$cmd and an escaping import (exit $status)"
    fi
done
run 20 check --no-lint --stdlib stdlib "$tmp/esc/plans/plan.bcp"
expect "use std/../.. with --stdlib is an escape" 1 "plan.bcp:3:5: error: stdlib module \`std/../../shared/there\` leaves the standard library"

# A one-line plan of 25,000 entities: columns are not counted from the line's start.
python3 -c "
print(' '.join(['plan p { title = \"P\" organization = \"O\" }'] +
               ['system s%d { title = \"S%d\" }' % (i, i) for i in range(25000)]))" >"$tmp/oneline.bcp"
start=$(date +%s)
run 120 check --no-lint "$tmp/oneline.bcp"
took=$(( $(date +%s) - start ))
if [ "$status" -le 1 ] && [ "$took" -le 60 ]; then ok "one-line 25,000-entity plan checked in ${took}s"; else not_ok "one-line plan: exit $status in ${took}s"; fi

# ---- The stdlib and the user's limits (docs/language.md, "Limits"): a
# lowered limit refuses only the user's files; the stdlib's own (embedded, or
# --stdlib DIR) are held to the defaults at least, so a hostile --stdlib is
# still refused.
here=$(cd "$(dirname "$0")/../.." && pwd)
# no_stdlib NAME: nothing in the output names a stdlib file.
no_stdlib() {
    if cat "$tmp/out" "$tmp/err" | grep -q '<stdlib>'; then not_ok "$1: a stdlib file reported"; else ok "$1: no stdlib file reported"; fi
}
run 120 build --limit nesting=2 "$here/examples/minimal.bcp" -o "$tmp/out-nest2"
expect "build --limit nesting=2 of a plan within it builds" 0 "built"
no_stdlib "build --limit nesting=2"
printf 'plan p {\n  title = "P"\n  organization = "O"\n  reviewed = 2026-09-01\n}\nrisk r {\n  title = "R"\n  notes = [["deep"]]\n}\n' >"$tmp/nest3.bcp"
run 120 build --limit nesting=2 "$tmp/nest3.bcp" -o "$tmp/out-nest3"
expect "build --limit nesting=2 refuses the plan's own third level" 2 "nest3.bcp:8:12: error: nesting deeper than the limit of 2 levels.*E012"
no_stdlib "build --limit nesting=2 of a plan over it"
if [ "$(grep -c 'E012' "$tmp/err")" = 1 ]; then ok "one E012, the plan's"; else not_ok "E012 count $(grep -c E012 "$tmp/err")"; fi
run 120 build --limit string-length=20 "$here/examples/minimal.bcp" -o "$tmp/out-str"
expect "build --limit string-length=20 refuses the plan's long string" 2 "minimal.bcp:6:18: error: string is longer.*E014"
no_stdlib "build --limit string-length=20"
run 120 build --limit line-length=40 "$here/examples/minimal.bcp" -o "$tmp/out-line"
expect "build --limit line-length=40 refuses the plan's long line" 2 "minimal.bcp:1:1: error: line is longer.*E015"
no_stdlib "build --limit line-length=40"
for cmd in "graph" "simulate --lose system.email" "check --no-config"; do
    # shellcheck disable=SC2086
    run 60 $cmd --limit nesting=2 "$here/examples/minimal.bcp"
    if [ "$status" -le 1 ]; then ok "$cmd --limit nesting=2: exit $status"; else not_ok "$cmd --limit nesting=2: exit $status"; fi
    no_stdlib "$cmd --limit nesting=2"
done
# --stdlib DIR: a copy of the stdlib works under a lowered limit; a module
# nested deeper than the default (100) is refused whatever the user's limit.
cp -R "$here/stdlib" "$tmp/std"
run 120 build --stdlib "$tmp/std" --limit nesting=2 --limit file-size=3k "$here/examples/minimal.bcp" -o "$tmp/out-std"
expect "build --stdlib DIR --limit nesting=2 --limit file-size=3k builds (stdlib files over 3k read)" 0 "built"
no_stdlib "build --stdlib DIR under lowered limits"
mkdir -p "$tmp/std/hostile"
awk 'BEGIN { printf "risk deep {\n  title = \"D\"\n  notes = "; for (i = 0; i < 150; i++) printf "["; for (i = 0; i < 150; i++) printf "]"; printf "\n}\n" }' >"$tmp/std/hostile.bcp"
printf 'use "std/hostile"\nplan p {\n  title = "P"\n  organization = "O"\n}\n' >"$tmp/usehostile.bcp"
run 60 check --no-config --stdlib "$tmp/std" "$tmp/usehostile.bcp"
expect "a --stdlib module nested 150 deep is refused at the default" 2 "<stdlib>/hostile.bcp:3:.*limit of 100 levels.*E012"
run 60 check --no-config --stdlib "$tmp/std" --limit nesting=2 "$tmp/usehostile.bcp"
expect "... and under a lowered limit, at the default (100), not 2" 2 "<stdlib>/hostile.bcp:3:.*limit of 100 levels.*E012"
run 60 check --no-config --stdlib "$tmp/std" --limit nesting=200 "$tmp/usehostile.bcp"
if grep -q E012 "$tmp/err" "$tmp/out"; then not_ok "a raised limit holds for the stdlib too"; else ok "a raised limit (200) holds for the stdlib too"; fi

echo "limits: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
