#!/bin/sh
# bcp fmt never changes what bcp check reports: for every plan with
# `# bcp: ignore[...]` comments, check before and after `fmt -w` gives the
# same findings (code and message; lines move) and the same exit status.
# Where the layout would move code onto or off a covered line, fmt refuses
# with E170 and leaves the file alone (tests/fixtures/fmt-suppress/).
set -u
: "${BCP:?BCP must point at the bcp binary}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
failed=0
ok() { echo "ok   fmt-suppress: $1"; }
fail() { echo "FAIL fmt-suppress: $1"; failed=1; }

# findings FILE: "CODE message" lines, sorted, without file:line:col
findings() {
    (cd "$(dirname "$1")" && "$BCP" check --no-config --today 2026-11-27 --format gcc "$(basename "$1")" \
        >"$tmp/raw" 2>/dev/null)
    status=$?
    sed 's/^[^:]*:[0-9]*:[0-9]*: //' "$tmp/raw" | LC_ALL=C sort
    echo "exit $status"
}

n=0
for src in "$root"/tests/fixtures/fmt-suppress/*.bcp "$root"/tests/rules/H199.*.bcp "$root"/tests/lint/planted.bcp; do
    name=$(basename "$src")
    n=$((n + 1))
    mkdir -p "$tmp/$n"
    cp "$src" "$tmp/$n/$name"
    file="$tmp/$n/$name"
    findings "$file" >"$tmp/before"
    cp "$file" "$tmp/original"
    "$BCP" fmt -w "$file" >/dev/null 2>"$tmp/err"
    fmt_status=$?
    findings "$file" >"$tmp/after"
    case "$name" in
    moved-code.bcp)
        if [ "$fmt_status" -eq 2 ] && grep -q "E170" "$tmp/err" && cmp -s "$file" "$tmp/original"; then
            ok "$name: refused with E170, file left as it was"
        else
            fail "$name: fmt exit $fmt_status"; cat "$tmp/err"
        fi
        continue ;;
    esac
    if [ "$fmt_status" -ne 0 ]; then
        fail "$name: fmt exit $fmt_status"; cat "$tmp/err"
    elif ! cmp -s "$tmp/before" "$tmp/after"; then
        fail "$name: check reports differently after fmt (before / after)"
        diff "$tmp/before" "$tmp/after" | sed 's/^/    /'
    elif ! "$BCP" fmt --check "$file" >/dev/null 2>&1; then
        fail "$name: not a fixed point"
    else
        ok "$name: same findings and exit status after fmt -w"
    fi
done

# A suppression comment with a reason, owner and expiry is kept whole on its line.
grep -q '"bad"   # bcp: ignore\[C103\] reason=' "$root/tests/fixtures/fmt-suppress/deviation-comment.bcp" || fail "fixture"
"$BCP" fmt "$root/tests/fixtures/fmt-suppress/deviation-comment.bcp" \
    | grep -q '^  phone = "bad" # bcp: ignore\[C103\] reason="a test number, kept on purpose" owner=contact.c until=2027-06-30$' \
    && ok "a deviation comment stays whole on its line" || fail "deviation comment changed"

exit $failed
