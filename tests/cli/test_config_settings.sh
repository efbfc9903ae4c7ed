#!/bin/sh
# Run-wide settings: bcpconfig.bcp's `docs_url` (SARIF helpUri) and
# `limits { NAME = VALUE }` (the names of --limit; the flag wins), the
# findings-per-file limit with its one summary (E017), and a NUL byte as a
# located error (E016).
set -u
: "${BCP:=build/bcp}"
case $BCP in /*) ;; *) BCP=$(pwd)/$BCP ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-settings.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
failed=0
passed=0
ok() { passed=$((passed + 1)); echo "ok   settings: $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL settings: $1"; head -c 800 "$tmp/out"; }
# run ARGS...: bcp in $tmp/p, stdout+stderr in $tmp/out, status in $status.
run() {
    (cd "$tmp/p" && "$BCP" "$@") >"$tmp/out" 2>&1
    status=$?
}
expect() {
    if [ "$status" = "$2" ] && grep -q -- "$3" "$tmp/out"; then ok "$1"; else not_ok "$1 (exit $status)"; fi
}
lacks() {
    if [ "$status" -le 2 ] && ! grep -q -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1 (exit $status)"; fi
}

mkdir -p "$tmp/p"
printf 'plan p {\n  title = "T"\n  organization = "O"\n  tags = [[["deep"]]]\n}\n' >"$tmp/p/plan.bcp"

# --- docs_url
printf 'config {\n  docs_url = "https://docs.example/bcp/rules/"\n}\n' >"$tmp/p/bcpconfig.bcp"
run check --format sarif --today 2026-11-27 plan.bcp
expect "docs_url gives SARIF helpUri" 1 '"helpUri": "https://docs.example/bcp/rules/B101.md"'
run check --format sarif --today 2026-11-27 --docs-url 'https://cli.example/{code}' plan.bcp
expect "--docs-url wins over the configuration" 1 '"helpUri": "https://cli.example/B101"'
lacks "... and the configuration's URL is not used" 'docs.example'
run check --format sarif --today 2026-11-27 --no-config plan.bcp
lacks "--no-config: no helpUri" 'helpUri'
printf 'config {\n  docs_url = 42\n}\n' >"$tmp/p/bcpconfig.bcp"
run check plan.bcp
expect "docs_url that is not text is a located error" 2 'bcpconfig.bcp:2:14: error: `docs_url` takes a URL in quotes.*E201'

# --- limits
printf 'config {\n  limits { nesting = 2 }\n}\n' >"$tmp/p/bcpconfig.bcp"
run check --today 2026-11-27 plan.bcp
expect "limits { nesting = 2 } is in force" 2 'plan.bcp:4:11: error: nesting deeper than the limit of 2 levels.*E012'
run check --no-lint plan.bcp
expect "... with --no-lint too" 2 'plan.bcp:4:11: error: nesting deeper than the limit of 2 levels.*E012'
run check --today 2026-11-27 --limit nesting=50 plan.bcp
lacks "--limit wins over the configuration's limit" 'E012'
# The same limits hold for every command that reads plans (one place in the
# API reads them: build, fmt, diff, and diff --dump).
run build plan.bcp -o out
expect "build: limits { nesting = 2 } is in force" 2 'plan.bcp:4:11: error: nesting deeper than the limit of 2 levels.*E012'
run fmt --check plan.bcp
expect "fmt: limits { nesting = 2 } is in force" 2 'plan.bcp:4:11: error: nesting deeper than the limit of 2 levels.*E012'
run diff plan.bcp plan.bcp
expect "diff: limits { nesting = 2 } is in force" 2 'E012'
run diff --dump plan.bcp
expect "diff --dump: limits { nesting = 2 } is in force" 2 'E012'
run fmt --check --limit nesting=50 plan.bcp
lacks "fmt: --limit wins over the configuration's limit" 'E012'
run build --draft --limit nesting=50 plan.bcp -o out
lacks "build: --limit wins over the configuration's limit" 'E012'
printf 'config {\n  limits { file-size = "1k" }\n}\n' >"$tmp/p/bcpconfig.bcp"
python3 -c "print('plan p {\n  title = \"T\"\n  organization = \"O\"\n}\n' + '# padding\n' * 200)" >"$tmp/p/big.bcp"
run check big.bcp
expect "limits { file-size = \"1k\" }: a size in quotes with its unit" 2 'over the file-size limit of 1024 bytes.*E010'
printf 'config {\n  limits { nestng = 2 }\n}\n' >"$tmp/p/bcpconfig.bcp"
run check plan.bcp
expect "an unknown limit is a located error naming the limits" 2 'bcpconfig.bcp:2:12: error: no limit `nestng` (file-size, nesting.*E204'
printf 'config {\n  limits { nesting = 5000 }\n}\n' >"$tmp/p/bcpconfig.bcp"
run check plan.bcp
expect "a limit above its maximum is a located error" 2 'bcpconfig.bcp:2:22: error: limit `nesting` takes a number from 1 to 1000.*E201'
printf 'config {\n  limits { nesting = 0 }\n}\n' >"$tmp/p/bcpconfig.bcp"
run check plan.bcp
expect "a zero limit is refused" 2 'limit `nesting` takes a number from 1 to 1000'
rm "$tmp/p/bcpconfig.bcp"

# --- findings per file: a generated plan with 1,500 functions without RTO
python3 - "$tmp/p/many.bcp" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('plan p {\n  title = "T"\n  organization = "O"\n}\n')
    for i in range(1500):
        f.write('function f%d {\n  title = "F %d"\n}\n' % (i, i))
PY
run check --format gcc --today 2026-11-27 --select B101 many.bcp
n=$(grep -c '\[B101 missing-rto\]' "$tmp/out")
[ "$n" = 1000 ] && ok "at most 1000 findings of one file by default" || not_ok "listed $n findings, not 1000"
expect "one summary says how many more, at the first left out, with the worst severity" 1 \
    '^many.bcp:3005:10: error: 500 more findings in this file not listed: the findings limit is 1000 (500 errors, 0 warnings, 0 info) \[E017 findings-limit\]'
[ "$(grep -c E017 "$tmp/out")" = 1 ] && ok "... once" || not_ok "E017 more than once"
run check --format gcc --today 2026-11-27 --select B101 --limit findings=10 many.bcp
expect "--limit findings=10" 1 '1490 more findings in this file not listed: the findings limit is 10'
printf 'config {\n  limits { findings = 20 }\n}\n' >"$tmp/p/bcpconfig.bcp"
run check --format json --today 2026-11-27 --select B101 many.bcp
expect "limits { findings = 20 } in bcpconfig.bcp, JSON report" 1 '"message": "1480 more findings in this file not listed: the findings limit is 20'
run check --format gcc --today 2026-11-27 --select B101 --limit findings=5000 many.bcp
lacks "--limit findings=5000 lists them all" 'E017'
n=$(grep -c '\[B101 missing-rto\]' "$tmp/out")
[ "$n" = 1500 ] && ok "... all 1500" || not_ok "listed $n, not 1500"
rm "$tmp/p/bcpconfig.bcp"
run check --today 2026-11-27 --select B101 --exit-zero --limit findings=3 --format gcc many.bcp
expect "the summary does not change --exit-zero" 0 'E017'

# --- a NUL byte: located, with its caret, not a bare I/O error
printf 'plan p {\n  title = "T\000x"\n}\n' >"$tmp/p/nul.bcp"
run check nul.bcp
expect "NUL byte: E016 at its line and column" 2 '^nul.bcp:2:13: error: NUL byte (U+0000) in the text.*\[E016 nul-byte\]'
expect "... the excerpt shows it as a symbol" 2 '^    2 |   title = "T␀x"$'
expect "... with a caret under it" 2 '^      |             \^$'
lacks "... and no E100" 'E100'
run check --format json nul.bcp
expect "JSON: E016 with line and column" 2 '"column": 13'
printf '\377\376p\000l\000a\000n\000' >"$tmp/p/utf16.bcp"
run check utf16.bcp
expect "UTF-16 with a BOM: invalid UTF-8 first" 2 'E013'
printf 'p\000l\000a\000n\000' >"$tmp/p/utf16.bcp"
run check utf16.bcp
expect "UTF-16 without a BOM: E016 at 1:2" 2 'utf16.bcp:1:2: error: NUL byte'
head -c 100000 /dev/zero | (cd "$tmp/p" && timeout 20 "$BCP" check -) >"$tmp/out" 2>&1
status=$?
expect "a stream of zeros: E016 at <stdin>:1:1" 2 '<stdin>:1:1: error: NUL byte.*E016'

echo "settings: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
