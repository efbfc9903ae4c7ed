#!/bin/sh
# Output formats and options of `bcp check` on tests/lint/planted.bcp, a plan
# with planted defects marked `# expect: CODE`: each format must report exactly
# those codes at those lines.  JSON and SARIF are parsed back with jansson in
# tests/unit/test_lint_formats.c; here: text, gcc, github, exit codes,
# --output, --fail-on, --exit-zero, --select/--ignore, bcpconfig.bcp,
# suppressions and SOURCE_DATE_EPOCH.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-formats.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
unset SOURCE_DATE_EPOCH
plan=tests/lint/planted.bcp
failed=0
passed=0
ok() { passed=$((passed + 1)); }
not_ok() {
    failed=$((failed + 1))
    echo "FAIL $1${2:+: $2}"
}
# H121 (two notes on the plan's line) is left to tests/cli/test_empty_sections.sh.
check() { "$BCP" check --no-config --today 2026-11-27 --ignore H121 "$@"; }

awk '{
    i = index($0, "# expect:")
    if (i == 0) next
    n = split(substr($0, i + 9), words, /[ ,]+/)
    for (j = 1; j <= n; j++) if (words[j] ~ /^[A-Z][0-9]+$/) print NR " " words[j]
}' "$plan" | grep -v ' H121$' | sort -u >"$tmp/want"

compare() { # NAME FILE-OF-"LINE CODE"
    sort -u "$2" >"$2.sorted"
    if cmp -s "$tmp/want" "$2.sorted"; then ok; else
        not_ok "$1" "findings differ from the '# expect' lines (want / got)"
        diff "$tmp/want" "$2.sorted" | sed 's/^/    /'
    fi
}

# --- text: "file:L:C: severity: message [CODE name]" + source line, caret, help
check --format text $plan >"$tmp/text"
status=$?
[ $status -eq 1 ] || not_ok text-exit "exit $status, expected 1"
sed -n 's/^tests\/lint\/planted\.bcp:\([0-9]*\):[0-9]*: [a-z]*: .* \[\([A-Z][0-9]*\) [a-z-]*\]$/\1 \2/p' "$tmp/text" >"$tmp/got-text"
compare text "$tmp/got-text"
grep -q '^      = help: ' "$tmp/text" && grep -q '^ *[0-9]* | ' "$tmp/text" && grep -q '^      | *\^' "$tmp/text" \
    && ok || not_ok text-layout "no source line, caret or help line"
tail -n 1 "$tmp/text" | grep -q '^[0-9]* errors*, [0-9]* warnings*' && ok || not_ok text-summary
# Colour only when asked (NO_COLOR is set) and never in files.
check --color always $plan | grep -q "$(printf '\033')" && ok || not_ok color-always
check $plan | grep -q "$(printf '\033')" && not_ok no-color || ok

# --- gcc
check --format gcc $plan >"$tmp/gcc"
sed -n 's/^tests\/lint\/planted\.bcp:\([0-9]*\):[0-9]*: \(error\|warning\|note\): .* \[\([A-Z][0-9]*\) [a-z0-9-]*\]$/\1 \3/p' "$tmp/gcc" >"$tmp/got-gcc"
compare gcc "$tmp/got-gcc"
[ "$(wc -l <"$tmp/gcc")" -eq "$(wc -l <"$tmp/want")" ] && ok || not_ok gcc-lines "one line per finding"

# --- github workflow commands
check --format github $plan >"$tmp/gh"
sed -n 's/^::\(error\|warning\|notice\) file=tests\/lint\/planted\.bcp,line=\([0-9]*\),col=[0-9]*,endLine=[0-9]*,endColumn=[0-9]*,title=\([A-Z][0-9]*\) [a-z-]*::.*/\2 \3/p' "$tmp/gh" >"$tmp/got-gh"
compare github "$tmp/got-gh"
grep -q '%0Ahelp: ' "$tmp/gh" && ok || not_ok github-newline-escape
# Escaping of %, CR, LF in data and : , in properties.
mkdir -p "$tmp/esc"
cat >"$tmp/esc/a,b:c.bcp" <<'PLAN'
plan esc {
  title        = "100% done: TODO"
  organization = "Esc"
}
PLAN
check --format github --select H101 "$tmp/esc/a,b:c.bcp" >"$tmp/gh-esc"
grep -q 'file=[^,]*a%2Cb%3Ac\.bcp,line=2,' "$tmp/gh-esc" && ok || not_ok github-property-escape "$(cat "$tmp/gh-esc")"
check --format gcc --select H101 "$tmp/esc/a,b:c.bcp" >/dev/null # sanity: runs

# --- JSON and SARIF are well-formed enough to start with the right keys
check --format json $plan | head -n 2 | grep -q '"version": 1' && ok || not_ok json-version
check --format sarif $plan | grep -q '"version": "2.1.0"' && ok || not_ok sarif-version

# --- deterministic: same input, same bytes
for f in text gcc json sarif github; do
    check --format $f $plan >"$tmp/a"
    check --format $f $plan >"$tmp/b"
    cmp -s "$tmp/a" "$tmp/b" && ok || not_ok "deterministic-$f"
done

# --- --output writes the file atomically and prints nothing
check --format json --output "$tmp/out.json" $plan >"$tmp/stdout"
status=$?
[ $status -eq 1 ] && [ ! -s "$tmp/stdout" ] && [ -s "$tmp/out.json" ] && ok || not_ok output-file "exit $status"
ls "$tmp" | grep -q 'tmp[A-Za-z0-9]*$' && not_ok output-temp-left || ok
check --format json --output "$tmp/no/such/dir/out.json" $plan 2>/dev/null
[ $? -eq 2 ] && ok || not_ok output-bad-dir

# --- exit codes: --fail-on, --exit-zero, info never fails
check --select H101 $plan >/dev/null; [ $? -eq 1 ] && ok || not_ok fail-on-warning-default
check --select H101 --fail-on error $plan >/dev/null; [ $? -eq 0 ] && ok || not_ok fail-on-error
check --select B101 --fail-on error $plan >/dev/null; [ $? -eq 1 ] && ok || not_ok fail-on-error-with-error
check --exit-zero $plan >/dev/null; [ $? -eq 0 ] && ok || not_ok exit-zero
check --fail-on nonsense $plan >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok fail-on-bad
check --format xml $plan >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok format-bad
check --select NOPE $plan >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok select-unknown
check --profile nope $plan >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok profile-unknown
check --today 2026-13-01 $plan >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok today-bad
for p in default iso22301 nist-800-34 ffiec dora; do
    check --profile $p --format gcc $plan >/dev/null 2>"$tmp/err"
    [ $? -le 1 ] && [ ! -s "$tmp/err" ] && ok || not_ok "profile-$p" "$(cat "$tmp/err")"
done
"$BCP" check --today 2026-11-27 --exit-zero --no-config --format gcc tests/rules/B101.good.bcp >/dev/null 2>&1 && ok || not_ok exit-zero-good

# --- selectors: codes, names, prefixes, families; --ignore wins
codes() { check --format gcc "$@" $plan | sed -n 's/.*\[\([A-Z][0-9]*\) [a-z0-9-]*\]$/\1/p' | sort -u | tr '\n' ' '; }
[ "$(codes --select D101)" = "D101 " ] && ok || not_ok select-code "$(codes --select D101)"
[ "$(codes --select missing-rto)" = "B101 " ] && ok || not_ok select-name
# Expected code sets come from the planted `# expect` lines, so new rules' defects need no edit here.
want_codes() { awk '{print $2}' "$tmp/want" | grep -E "$1" | sort -u | tr '\n' ' '; }
[ "$(codes --select D,B1)" = "$(want_codes '^(D|B1)')" ] && ok || not_ok select-prefix "$(codes --select D,B1)"
[ "$(codes --select data)" = "$(want_codes '^D')" ] && ok || not_ok select-family "$(codes --select data)"
[ "$(codes --select B101,C101 --ignore contact-unreachable)" = "B101 " ] && ok || not_ok ignore

# --- bcpconfig.bcp, found by walking up; flags override it
mkdir -p "$tmp/proj/sub"
cp $plan "$tmp/proj/sub/plan.bcp"
cat >"$tmp/proj/bcpconfig.bcp" <<'CONF'
config {
  ignore  = [H101, missing-backup]
  profile = iso22301
  severity { contact-unreachable = info }
  per_file_ignores {
    subdir { files = ["sub/*.bcp"]  ignore = [B101] }
  }
}
CONF
"$BCP" check --today 2026-11-27 --format gcc "$tmp/proj/sub/plan.bcp" | grep -v "\[H121 " >"$tmp/conf"
sed -n 's/.*: \([a-z]*\): .*\[\([A-Z][0-9]*\) [a-z0-9-]*\]$/\2 \1/p' "$tmp/conf" | sort | tr '\n' ' ' >"$tmp/conf-codes"
# (the D101 suppression is not "unused": D101 did not run)
# Everything the plain run reports, less the ignored rules, with C101 demoted to a note.
check --format gcc $plan | sed -n 's/.*: \([a-z]*\): .*\[\([A-Z][0-9]*\) [a-z0-9-]*\]$/\2 \1/p' \
    | grep -vE '^(H101|D101|B101|H199) ' | sed 's/^C101 error$/C101 note/' | sort | tr '\n' ' ' >"$tmp/conf-want"
grep -q 'C101 note' "$tmp/conf-want" && cmp -s "$tmp/conf-want" "$tmp/conf-codes" && ok \
    || not_ok config "want $(cat "$tmp/conf-want") / got $(cat "$tmp/conf-codes")"
"$BCP" check --today 2026-11-27 --format gcc --ignore C101 "$tmp/proj/sub/plan.bcp" | grep -q "\[H101 " \
    && ok || not_ok config-ignore-overridden
# bcp check DIR does not take the config file for a plan module.
"$BCP" check --today 2026-11-27 --format gcc "$tmp/proj" >"$tmp/dir" 2>&1
grep -q bcpconfig "$tmp/dir" && not_ok config-not-a-module "$(cat "$tmp/dir")" || ok
# A broken config is an error (exit 2), with its location.
printf 'config {\n  select = [NOPE]\n}\n' >"$tmp/proj/bcpconfig.bcp"
"$BCP" check --today 2026-11-27 "$tmp/proj/sub/plan.bcp" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'bcpconfig.bcp:2:' "$tmp/err" && ok || not_ok config-bad "$(cat "$tmp/err")"

# --- suppressions: same line, next line, whole file; unused ones reported
cat >"$tmp/sup.bcp" <<'PLAN'
# bcp: ignore-file[H101]
plan sup {
  title        = "TODO"
  organization = "Sup"
}
contact a {  # bcp: ignore[C101]
  name = "A"
}
# bcp: ignore[contact-unreachable]
contact b {
  name = "B"
}
contact c {
  name = "C"
}
PLAN
check --format gcc --select C101,H "$tmp/sup.bcp" | sed -n 's/^[^:]*:\([0-9]*\):.*\[\([A-Z0-9]*\) [a-z0-9-]*\]$/\1 \2/p' | tr '\n' ' ' >"$tmp/sup-codes"
# (each of the three suppressions gives no reason: H104 deviation-without-reason)
[ "$(cat "$tmp/sup-codes")" = "1 H104 6 H104 9 H104 13 C101 " ] && ok || not_ok suppressions "$(cat "$tmp/sup-codes")"

# --- SOURCE_DATE_EPOCH stands in for --today
SOURCE_DATE_EPOCH=1795737600 "$BCP" check --no-config --ignore H121 --format gcc $plan >"$tmp/sde"
check --format gcc $plan >"$tmp/td"
cmp -s "$tmp/sde" "$tmp/td" && ok || not_ok source-date-epoch
SOURCE_DATE_EPOCH=abc "$BCP" check --no-config $plan >/dev/null 2>&1
[ $? -eq 2 ] && ok || not_ok source-date-epoch-bad

# --- syntax errors: exit 2, rules skipped, reported in every format
printf 'plan x {\n  title = \n}\n' >"$tmp/syntax.bcp"
for f in text gcc json sarif github; do
    check --format $f "$tmp/syntax.bcp" >"$tmp/syn" 2>&1
    [ $? -eq 2 ] && grep -q 'E0' "$tmp/syn" && ok || not_ok "syntax-$f" "$(head -3 "$tmp/syn")"
done

# --- bcp rules / explain
"$BCP" rules | grep -q '^D101 *missing-backup *error' && ok || not_ok rules-list
"$BCP" explain missing-backup | grep -q 'Flagged' && ok || not_ok explain-name
"$BCP" explain D101 --markdown | head -n 1 | grep -q '^# D101 `missing-backup`' && ok || not_ok explain-markdown
"$BCP" explain nope >/dev/null 2>&1; [ $? -eq 2 ] && ok || not_ok explain-unknown

echo "formats: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
