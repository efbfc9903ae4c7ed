#!/bin/sh
# Messages that quote a path or an argument outside a report (usage errors,
# missing files, empty folders, write failures) escape control characters and
# bytes that are not UTF-8 as the located reports do (\u{1b}, \x{ff}), so that
# a file name cannot drive the terminal or forge a gcc-format line; C104
# invalid-email quotes its value escaped and cut, as C103 does.
set -u
: "${BCP:=build/bcp}"
case $BCP in /*) ;; *) BCP=$(pwd)/$BCP ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-escape.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
failed=0
passed=0
ok() { passed=$((passed + 1)); echo "ok   escape: $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL escape: $1"; cat -v "$tmp/err" | head -5; }
esc=$(printf '\033')
bel=$(printf '\007')
# clean NAME: $tmp/err has no ESC, BEL or other control byte but newline and tab.
clean() {
    if LC_ALL=C grep -q "[$esc$bel]" "$tmp/err" || [ "$(LC_ALL=C tr -d '\n\t\040-\176\200-\377' <"$tmp/err" | wc -c)" -ne 0 ]; then
        not_ok "$1: raw control bytes in the message"
    else
        ok "$1: no raw control bytes"
    fi
}
has() { if grep -qF -- "$2" "$tmp/err"; then ok "$1"; else not_ok "$1"; fi; }

evil=$(printf 'a\033]0;pwn\007\nfake.bcp:1:1: error: forged')
"$BCP" check "$tmp/$evil.bcp" >/dev/null 2>"$tmp/err"
clean "missing file"
has "... escaped as \\u{..}" 'a\u{1b}]0;pwn\u{7}\u{a}fake.bcp:1:1: error: forged'
if grep -q '^fake.bcp:1:1:' "$tmp/err"; then not_ok "a forged gcc line"; else ok "no forged gcc line"; fi

"$BCP" check "--frobnicate=$(printf '\033[31mred\377')" x >/dev/null 2>"$tmp/err"
clean "unknown option"
has "... invalid UTF-8 as \\x{..}" "'--frobnicate=\\u{1b}[31mred\\x{ff}'"

"$BCP" check --limit "$(printf 'nest\033[2Jing')=5" x >/dev/null 2>"$tmp/err"
clean "unknown limit"

dir="$tmp/$(printf 'd\033[2J')"
mkdir "$dir"
"$BCP" check "$dir" >/dev/null 2>"$tmp/err"
clean "empty folder"
has "... names it escaped" 'd\u{1b}[2J: no .bcp files'

"$BCP" build -o "$tmp/$(printf 'o\033[1m')/x/y" "$(printf 'p\033[5m.bcp')" >/dev/null 2>"$tmp/err"
clean "build of a missing plan"

# C104: the value is quoted escaped (and cut after 64 bytes), never raw.
printf 'contact a {\n  name = "A"\n  email = "x\\u{1b}]0;pwn\\u{7}@@example.com"\n}\n' >"$tmp/mail.bcp"
"$BCP" check --no-config --select C104 --format json "$tmp/mail.bcp" >"$tmp/err" 2>&1
has "C104 quotes the value escaped (JSON)" 'not a valid e-mail address: \"x\\x1b]0;pwn\\x07@@example.com\"'
if grep -q '\\u001[bB]\|\\u0007' "$tmp/err"; then not_ok "C104 JSON carries the raw control"; else ok "C104 JSON carries no raw control"; fi
long=$(python3 -c "print('a' * 300 + '@@example.com')")
printf 'contact a {\n  name = "A"\n  email = "%s"\n}\n' "$long" >"$tmp/mail.bcp"
"$BCP" check --no-config --select C104 --format gcc "$tmp/mail.bcp" >"$tmp/err" 2>&1
has "C104 cuts a long value" "$(python3 -c "print('a' * 64 + '...')")\""

echo "escape: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
