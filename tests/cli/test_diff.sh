#!/bin/sh
# bcp diff: every weakening of docs/diff.md is flagged (one fixture pair
# each under tests/fixtures/diff/), golden text and Markdown output, exit
# codes, and the git integration (external diff driver and difftool) in a
# scratch repository.
set -u
: "${BCP:?BCP must point at the bcp binary}"
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures/diff"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
# The readiness lines score both sides on one day (docs/readiness.md).
export SOURCE_DATE_EPOCH=1796342400
failed=0
ok() { echo "ok   diff: $1"; }
fail() { echo "FAIL diff: $1"; failed=1; }

cd "$fixtures" || exit 1

# 1. One pair per weakening: exactly the expected "weakens" line, exit 1.
#    Pairs whose expect file is empty must change the plan without weakening it.
pairs=0
for dir in */; do
    dir=${dir%/}
    [ -f "$dir/expect" ] || continue
    pairs=$((pairs + 1))
    "$BCP" diff "$dir/old.bcp" "$dir/new.bcp" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    sed -n 's/^  ! //p' "$tmp/out" >"$tmp/weak"
    if [ "$rc" -ne 1 ]; then
        fail "$dir: exit $rc, expected 1"; cat "$tmp/err"
    elif ! cmp -s "$tmp/weak" "$dir/expect"; then
        fail "$dir: weakenings differ"; diff "$dir/expect" "$tmp/weak"
    elif [ -s "$tmp/err" ]; then
        fail "$dir: unexpected stderr"; cat "$tmp/err"
    fi
done
[ "$pairs" -ge 20 ] && ok "$pairs weakening fixture pairs" || fail "only $pairs fixture pairs"

# 2. Golden outputs.
(cd golden && "$BCP" diff old.bcp new.bcp) >"$tmp/golden.txt"
[ $? -eq 1 ] || fail "golden text: exit status"
cmp -s "$tmp/golden.txt" golden/expected.txt && ok "golden text" ||
    { fail "golden text"; diff golden/expected.txt "$tmp/golden.txt"; }
(cd golden && "$BCP" diff --format markdown old.bcp new.bcp) >"$tmp/golden.md"
cmp -s "$tmp/golden.md" golden/expected.md && ok "golden markdown" ||
    { fail "golden markdown"; diff golden/expected.md "$tmp/golden.md"; }
# Deterministic across runs and environments.
(cd golden && TZ=Asia/Shanghai LANG=zh_CN.UTF-8 "$BCP" diff old.bcp new.bcp) >"$tmp/golden2.txt"
cmp -s "$tmp/golden.txt" "$tmp/golden2.txt" && ok "deterministic" || fail "output depends on TZ/LANG"

# 3. Layout and comments are not differences; same file is no difference.
out=$("$BCP" diff layout-only/old.bcp layout-only/new.bcp); rc=$?
[ "$rc" -eq 0 ] && [ -z "$out" ] && ok "layout-only change: no differences, exit 0" ||
    fail "layout-only change: exit $rc, output: $out"
out=$("$BCP" diff --format markdown golden/old.bcp golden/old.bcp); rc=$?
[ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q "No semantic differences" && ok "markdown, no differences" ||
    fail "markdown with no differences: exit $rc"

# 4. Errors: exit 2.
printf 'plan p { title = }\n' >"$tmp/broken.bcp"
"$BCP" diff golden/old.bcp "$tmp/broken.bcp" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q "syntax" "$tmp/err" && ok "syntax error: exit 2" || fail "syntax error: exit $rc"
"$BCP" diff golden/old.bcp "$tmp/nope.bcp" >/dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok "missing file: exit 2" || fail "missing file: exit $rc"
"$BCP" diff golden/old.bcp >/dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok "one argument: usage error" || fail "one argument: exit $rc"
"$BCP" diff --format html golden/old.bcp golden/new.bcp >/dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] && ok "bad --format: usage error" || fail "bad --format: exit $rc"

# 5. --dump: the canonical model text, equal for equal meanings.
"$BCP" diff --dump layout-only/old.bcp >"$tmp/d1" && "$BCP" diff --dump layout-only/new.bcp >"$tmp/d2" &&
    cmp -s "$tmp/d1" "$tmp/d2" && grep -q '^function service$' "$tmp/d1" &&
    ok "--dump equal for layout-only change" || fail "--dump"

# 6. git: the 7-argument external diff form, via a real repository.
if command -v git >/dev/null 2>&1; then
    repo="$tmp/repo"
    mkdir -p "$repo/plans"
    cd "$repo" || exit 1
    git init -q .
    git config user.email test@example.com
    git config user.name test
    git config core.autocrlf false
    echo '*.bcp diff=bcp' >.gitattributes
    git config diff.bcp.command "$BCP diff --git"
    # A module the plan imports: in git's temporary copy of the old version it cannot load.
    printf 'contact extra { name = "Extra" }\n' >plans/contacts.bcp
    { echo 'use "./contacts.bcp"'; echo; cat "$fixtures/golden/old.bcp"; } >plans/plan.bcp
    git add . && git commit -q -m old
    { echo 'use "./contacts.bcp"'; echo; cat "$fixtures/golden/new.bcp"; } >plans/plan.bcp
    git diff >"$tmp/git.out" 2>"$tmp/git.err"; rc=$?
    if [ "$rc" -eq 0 ] && grep -q '^diff --bcp a/plans/plan.bcp b/plans/plan.bcp$' "$tmp/git.out" &&
        grep -q '^  ! function.service: RTO loosened: 24h → 48h$' "$tmp/git.out" &&
        ! grep -q 'contact.extra' "$tmp/git.out"; then
        ok "git diff uses bcp diff --git (diff=bcp)"
    else
        fail "git diff driver (exit $rc)"; cat "$tmp/git.out" "$tmp/git.err"
    fi
    grep -q 'warning: .*imports could not be loaded' "$tmp/git.err" &&
        ok "git: unloadable imports of the old version are a warning" ||
        { fail "git: no import warning"; cat "$tmp/git.err"; }
    git diff --no-ext-diff >"$tmp/git.text"
    grep -q '^-  rto      = 24h$' "$tmp/git.text" && ok "git diff --no-ext-diff is the text diff" ||
        fail "git diff --no-ext-diff"
    # A committed change, a new file and a deleted file in one range.
    git commit -q -am new
    cp "$fixtures/rto-loosened/old.bcp" plans/second.bcp
    git rm -q plans/contacts.bcp
    git add plans/second.bcp && git commit -q -m more
    git diff HEAD~2 HEAD >"$tmp/range.out" 2>"$tmp/range.err"; rc=$?
    if [ "$rc" -eq 0 ] && grep -q '^diff --bcp a/plans/second.bcp b/plans/second.bcp$' "$tmp/range.out" &&
        grep -q '^  - contact.extra$' "$tmp/range.out"; then
        ok "git diff over commits: added and deleted files"
    else
        fail "git diff over commits (exit $rc)"; cat "$tmp/range.out" "$tmp/range.err"
    fi
    # difftool with the two-argument form.
    git config difftool.bcp.cmd "$BCP diff \"\$LOCAL\" \"\$REMOTE\""
    git difftool -y -t bcp HEAD~2 HEAD~1 -- plans/plan.bcp >"$tmp/tool.out" 2>"$tmp/tool.err"
    grep -q '^  ! exercise.recovery: exercise less frequent: 6mo → 1y$' "$tmp/tool.out" &&
        ok "git difftool -t bcp" || { fail "git difftool"; cat "$tmp/tool.out" "$tmp/tool.err"; }
    cd "$fixtures" || exit 1
else
    echo "skip diff: git not installed"
fi

# One id declared twice (E108): the duplicates pair in order, so diff(x, x)
# is empty, and a change to the second is reported as that change only.
printf 'function sales {\n  title = "A"\n  rto = 24h\n}\nfunction sales {\n  title = "B"\n  rpo = 1h\n}\n' >"$tmp/dup.bcp"
"$BCP" diff "$tmp/dup.bcp" "$tmp/dup.bcp" >"$tmp/dup.out" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && ! grep -q 'changed\|removed' "$tmp/dup.out"; then
    ok "diff f f with a duplicate id is empty"
else
    fail "diff f f with a duplicate id (exit $rc)"; cat "$tmp/dup.out"
fi
sed 's/rpo = 1h/rpo = 4h/' "$tmp/dup.bcp" >"$tmp/dup2.bcp"
"$BCP" diff "$tmp/dup.bcp" "$tmp/dup2.bcp" >"$tmp/dup.out" 2>&1
if grep -q 'RPO' "$tmp/dup.out" && ! grep -q 'RTO' "$tmp/dup.out"; then
    ok "diff pairs the second duplicate with the second"
else
    fail "diff of duplicates paired crosswise"; cat "$tmp/dup.out"
fi

exit $failed
