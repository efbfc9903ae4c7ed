#!/bin/sh
# Output that cannot be written is an error: every command that writes to
# standard output exits 2 with a message when stdout is /dev/full; written
# files keep their mode and owner, and fmt -w refuses set-user-ID files and
# hard links (compiler/cli/atomic_file.c, docs/fmt.md).
set -u
: "${BCP:?BCP must point at the bcp binary}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1780000000
failed=0
ok() { echo "ok   io: $1"; }
fail() { echo "FAIL io: $1"; failed=1; }

plan="$root/examples/minimal.bcp"
printf 'plan p {\ntitle="x"\n}\n' >"$tmp/unformatted.bcp"
printf 'plan p {\n  title = "x" # bcp: ignore[B101]\n}\n' >"$tmp/finding.bcp"

# 1. /dev/full: every command that prints something.
if [ -w /dev/full ]; then
    while IFS='|' read -r label args; do
        # the list's own redirections (stdin) apply; else stdin is empty
        (cd "$tmp" && eval "\"\$BCP\" $args" </dev/null >/dev/full 2>"$tmp/err")
        status=$?
        if [ "$status" -ne 2 ]; then
            fail "$label > /dev/full exits $status, not 2"
        elif ! grep -q "cannot write to standard output" "$tmp/err"; then
            fail "$label > /dev/full: no message"; cat "$tmp/err"
        else
            ok "$label > /dev/full: exit 2 with a message"
        fi
    done <<LIST
fmt|fmt $plan
fmt --diff|fmt --diff unformatted.bcp
fmt --check|fmt --check unformatted.bcp
fmt stdin|fmt - <"$plan"
check text|check finding.bcp
check gcc|check --format gcc finding.bcp
check json|check --format json $plan
check sarif|check --format sarif $plan
check github|check --format github finding.bcp
diff|diff $plan unformatted.bcp
diff --dump|diff --dump $plan
parse|parse --tree $plan
schema|schema --markdown
rules|rules
explain|explain B101
explain --all|explain --all --markdown
init -o -|init --industry retail -o -
help|help check
version|version
graph dot|graph $plan
graph svg|graph --format svg $plan
graph mermaid|graph --format mermaid --focus system.email $plan
simulate|simulate $plan --lose system.email
simulate json|simulate $plan --lose system.email --format json
simulate --all-scenarios|simulate $root/examples/huadong/plan.bcp --all-scenarios
simulate --each|simulate $plan --each
simulate --each md|simulate $plan --each --format md
simulate html|simulate $plan --lose system.email --format html
check --summary|check --summary $plan
check --summary json|check --summary --format json $plan
LIST
else
    ok "skipped /dev/full checks (no writable /dev/full)"
fi

# A write that works still exits 0 and prints everything.
"$BCP" fmt "$plan" >"$tmp/out" 2>"$tmp/err" && cmp -s "$tmp/out" "$plan" \
    && ok "fmt to a file still works" || fail "fmt to a file"

# graph -o: a device that cannot take the graph, a folder that does not
# exist: exit 2 with a message; an existing 0600 graph stays 0600.
if [ -w /dev/full ]; then
    "$BCP" graph "$plan" -o /dev/full >/dev/null 2>"$tmp/err"; status=$?
    [ "$status" = 2 ] && grep -q "cannot write /dev/full" "$tmp/err" && ok "graph -o /dev/full: exit 2 with a message" \
        || fail "graph -o /dev/full: exit $status"
fi
"$BCP" graph "$plan" -o "$tmp/none/x.dot" >/dev/null 2>"$tmp/err"; status=$?
[ "$status" = 2 ] && grep -q "cannot write .*none/x.dot" "$tmp/err" && ok "graph -o into a missing folder: exit 2" \
    || fail "graph -o into a missing folder: exit $status"
"$BCP" graph "$plan" -o "$tmp/g.dot" >/dev/null 2>&1 && chmod 600 "$tmp/g.dot"
"$BCP" graph "$plan" -o "$tmp/g.dot" >/dev/null 2>&1
mode=$(stat -c %a "$tmp/g.dot")
[ "$mode" = 600 ] && ok "an existing 0600 graph stays 0600" || fail "graph mode became $mode"

# 2. Modes: an existing output keeps its mode, a new one gets 0666 & ~umask.
"$BCP" check --format json --output "$tmp/report.json" "$plan" >/dev/null 2>&1
mode=$(stat -c %a "$tmp/report.json")
[ "$mode" = 644 ] && ok "a new report is 0644 under umask 022" || fail "new report mode $mode"
chmod 600 "$tmp/report.json"
"$BCP" check --format json --output "$tmp/report.json" "$plan" >/dev/null 2>&1
mode=$(stat -c %a "$tmp/report.json")
[ "$mode" = 600 ] && ok "an existing 0600 report stays 0600" || fail "report mode became $mode"
(umask 077 && "$BCP" init --industry retail -o "$tmp/private.bcp" 2>/dev/null)
mode=$(stat -c %a "$tmp/private.bcp")
[ "$mode" = 600 ] && ok "init under umask 077 writes 0600" || fail "init under umask 077: $mode"
cp "$tmp/unformatted.bcp" "$tmp/kept.bcp" && chmod 640 "$tmp/kept.bcp"
"$BCP" fmt -w "$tmp/kept.bcp" >/dev/null 2>&1
mode=$(stat -c %a "$tmp/kept.bcp")
[ "$mode" = 640 ] && ok "fmt -w keeps 0640" || fail "fmt -w mode became $mode"

# 3. fmt -w refuses what it cannot replace faithfully, and says why.
cp "$tmp/unformatted.bcp" "$tmp/suid.bcp" && chmod 4755 "$tmp/suid.bcp"
cp "$tmp/suid.bcp" "$tmp/suid.orig"
"$BCP" fmt -w "$tmp/suid.bcp" >/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "set-user-ID" "$tmp/err" && cmp -s "$tmp/suid.bcp" "$tmp/suid.orig" \
    && [ "$(stat -c %a "$tmp/suid.bcp")" = 4755 ]; then
    ok "fmt -w refuses a set-user-ID file and leaves it as it was"
else
    fail "fmt -w on a set-user-ID file (exit $status)"; cat "$tmp/err"
fi
cp "$tmp/unformatted.bcp" "$tmp/linked.bcp" && ln "$tmp/linked.bcp" "$tmp/linked2.bcp"
"$BCP" fmt -w "$tmp/linked.bcp" >/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "hard link" "$tmp/err" \
    && [ "$(stat -c %i "$tmp/linked.bcp")" = "$(stat -c %i "$tmp/linked2.bcp")" ]; then
    ok "fmt -w refuses a file with two hard links and keeps the link"
else
    fail "fmt -w on a hard-linked file (exit $status)"; cat "$tmp/err"
fi
if [ "$(id -u)" = 0 ]; then
    cp "$tmp/unformatted.bcp" "$tmp/nobody.bcp" && chown 65534:65534 "$tmp/nobody.bcp" && chmod 644 "$tmp/nobody.bcp"
    "$BCP" fmt -w "$tmp/nobody.bcp" >/dev/null 2>"$tmp/err"
    owner=$(stat -c %u:%g "$tmp/nobody.bcp")
    if [ "$owner" = 65534:65534 ] && "$BCP" fmt --check "$tmp/nobody.bcp" >/dev/null; then
        ok "fmt -w as root keeps a nobody-owned file nobody's"
    else
        fail "fmt -w as root: owner $owner"; cat "$tmp/err"
    fi
else
    ok "skipped the owner check (not root)"
fi
# 4. A folder without plans is an error, not a clean check.
mkdir -p "$tmp/empty/.hidden" && cp "$plan" "$tmp/empty/.hidden/plan.bcp"
"$BCP" check "$tmp/empty" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 2 ] && grep -q "no .bcp files in this folder" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "check of a folder without .bcp files: exit 2 with a message"
else
    fail "check emptydir: exit $status"; cat "$tmp/err"
fi

left=$(find "$tmp" -name '.*.tmp*' | wc -l)
[ "$left" -eq 0 ] && ok "no temporary file left" || fail "$left temporary files left"

exit $failed
