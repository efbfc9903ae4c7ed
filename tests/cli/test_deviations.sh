#!/bin/sh
# Accepted deviations from the command line: `bcp fmt` keeping a
# suppression's terms on its line (and what check reports and accepts
# unchanged), and the document's section in md/html/json, en and zh-CN.
# What `bcp check` prints for them is in test_check.sh's goldens
# (tests/cli/golden/deviations-*.out).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${BCP:=build/bcp}"
case $BCP in /*) ;; *) BCP=$root/$BCP ;; esac
plan=tests/cli/deviations/plan.bcp
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-deviations.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
NO_COLOR=1
LC_ALL=C
export NO_COLOR LC_ALL
unset SOURCE_DATE_EPOCH
failed=0
passed=0
ok() { passed=$((passed + 1)); echo "ok $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "FAIL $1${2:+: $2}"
}

# fmt keeps every suppression comment with its terms on its own line, and
# the formatted plan reports (and accepts) exactly what the original did.
for f in "$plan" tests/rules/H104.good.bcp tests/rules/H105.bad.bcp; do
    name=$(basename "$f" .bcp)
    "$BCP" fmt - <"$f" >"$tmp/$name.bcp" 2>"$tmp/fmt.err" || { not_ok "fmt $f" "$(cat "$tmp/fmt.err")"; continue; }
    grep 'bcp: ignore' "$f" | sed 's/^ *//; s/  */ /g' >"$tmp/before"
    grep 'bcp: ignore' "$tmp/$name.bcp" | sed 's/^ *//; s/  */ /g' >"$tmp/after"
    if cmp -s "$tmp/before" "$tmp/after"; then ok "fmt keeps the suppression lines of $f"; else
        not_ok "fmt $f" "suppression lines changed:"
        diff "$tmp/before" "$tmp/after" | sed 's/^/    /'
    fi
    "$BCP" check --no-config --today 2026-11-27 --format json "$f" | sed '/"file"/d; /"line"/d; /"end_line"/d; /"column"/d; /"end_column"/d' >"$tmp/a.json"
    (cd "$tmp" && "$BCP" check --no-config --today 2026-11-27 --format json "$name.bcp") |
        sed '/"file"/d; /"line"/d; /"end_line"/d; /"column"/d; /"end_column"/d' >"$tmp/b.json"
    if cmp -s "$tmp/a.json" "$tmp/b.json"; then ok "fmt keeps what check reports for $f"; else
        not_ok "fmt $f" "check reports differently after fmt:"
        diff "$tmp/a.json" "$tmp/b.json" | sed 's/^/    /'
    fi
done

# The document: section 6.4 and the cells that refer to it, in every format.
SOURCE_DATE_EPOCH=1795737600 "$BCP" build "$plan" -o "$tmp/doc" >/dev/null 2>&1 || not_ok build "exit $?"
grep -q '^### 6.4 Accepted deviations$' "$tmp/doc/plan.md" && ok "md section" || not_ok "md section"
grep -q '| 4 hours | ⚠ Accepted deviation AD-1 (see 6.4) |' "$tmp/doc/plan.md" && ok "md RPO cell" || not_ok "md RPO cell"
grep -q '✘' "$tmp/doc/plan.md" && not_ok "md still shows a bare failed check" || ok "md no bare failed check"
grep -q '<h3 id="[^"]*">6.4 Accepted deviations</h3>' "$tmp/doc/plan.html" && ok "html section" || not_ok "html section"
grep -q '<td[^>]*>AD-2</td>' "$tmp/doc/plan.html" && ok "html entry" || not_ok "html entry"
grep -q '"accepted_deviations"' "$tmp/doc/plan.json" && ok "json section" || not_ok "json section"
SOURCE_DATE_EPOCH=1795737600 "$BCP" build --lang zh-CN "$plan" -o "$tmp/zh" >/dev/null 2>&1 || not_ok "build zh-CN" "exit $?"
grep -q '^### 6.4 已接受的偏离$' "$tmp/zh/plan.md" && ok "zh-CN section" || not_ok "zh-CN section"
# Expired: the finding is open again, so only a draft builds; no section, the bare verdict again.
SOURCE_DATE_EPOCH=1814400000 "$BCP" build --draft "$plan" -o "$tmp/late" >/dev/null 2>&1 || not_ok "build expired" "exit $?"
grep -q 'Accepted deviation' "$tmp/late/plan.md" && not_ok "expired still accepted" || ok "expired not accepted"

echo "deviations: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
