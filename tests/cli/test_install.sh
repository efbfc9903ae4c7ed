#!/bin/sh
# make install into a scratch PREFIX, then build examples/c/plan-summary
# against the *installed* library through pkg-config (shared, and static from
# libbcp.a), run it, and check what it prints; then make uninstall.  Runs in
# the release flavour only (the ASan flavour's library needs the sanitizer
# runtime in every program linked with it).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $BCP in
    */asan/*) echo "ok: install (the installed-library test runs in the release flavour)"; exit 0 ;;
esac
builddir=$(dirname "$BCP")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
failed=0
ok() { echo "ok: install: $1"; }
bad() { echo "FAIL: install: $1"; failed=1; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

if ! env -u MAKEFLAGS -u MAKELEVEL make -C "$root" --no-print-directory BUILDDIR="$builddir" \
        PREFIX="$prefix" install >"$tmp/make.log" 2>&1; then
    cat "$tmp/make.log"
    bad "make install PREFIX=$prefix"
    exit 1
fi
lib=$prefix/lib
check "files installed" '[ -x "$prefix/bin/bcp" ] && [ -f "$prefix/include/bcp.h" ] && [ -f "$lib/libbcp.a" ] &&
    [ -f "$lib/libbcp.so.1" ] && [ "$(readlink "$lib/libbcp.so")" = libbcp.so.1 ] && [ -f "$lib/pkgconfig/bcp.pc" ]'
check "soname libbcp.so.1" 'readelf -d "$lib/libbcp.so.1" | grep -q "SONAME.*\[libbcp.so.1\]"'
# Exactly the functions of bcp.h are exported.
sh "$root/tools/gen-exports.sh" "$root/include/bcp.h" | sed -n 's/^    \(bcp_[a-z0-9_]*\);$/\1/p' >"$tmp/declared"
nm -D --defined-only "$lib/libbcp.so.1" | awk '$2 ~ /[TDBRVW]/ { sub(/@.*/, "", $3); print $3 }' | sort -u >"$tmp/exported"
check "only bcp.h's functions exported ($(wc -l <"$tmp/exported") symbols)" \
    '[ -s "$tmp/exported" ] && [ -z "$(comm -23 "$tmp/exported" "$tmp/declared")" ]'
check "the editor part is exported" 'grep -qx bcp_workspace_load "$tmp/exported" && grep -qx bcp_plan_entity_at "$tmp/exported"'

export PKG_CONFIG_PATH="$lib/pkgconfig"
flags=$(pkg-config --cflags --libs bcp)
check "pkg-config --cflags --libs bcp: $flags" \
    'printf "%s\n" "$flags" | grep -q -- "-I$prefix/include" && printf "%s\n" "$flags" | grep -q -- "-L$lib -lbcp"'
check "pkg-config --modversion bcp" '[ "$(pkg-config --modversion bcp)" = "$(sed -n "s/^#define BCP_VERSION \"\(.*\)\"/\1/p" "$root/include/bcp.h")" ]'

# The example sees only the installed header: it is compiled outside the tree.
cp "$root/examples/c/plan-summary.c" "$tmp/"
if ! (cd "$tmp" && ${CC:-cc} -std=c11 -Wall -Wextra -Werror plan-summary.c $flags -o plan-summary) 2>"$tmp/cc.log"; then
    cat "$tmp/cc.log"
    bad "examples/c/plan-summary.c builds against the installed library"
    exit 1
fi
ok "examples/c/plan-summary.c builds with pkg-config"
check "it runs on the installed libbcp.so.1" \
    'LD_LIBRARY_PATH="$lib" ldd "$tmp/plan-summary" | grep -q "libbcp.so.1 => $lib/libbcp.so.1"'

cd "$root" || exit 1
LD_LIBRARY_PATH="$lib" "$tmp/plan-summary" examples/minimal.bcp 15:16 >"$tmp/out" 2>&1
cat >"$tmp/want" <<OUT
libbcp $(pkg-config --modversion bcp)
plan: acme "Acme Ltd business continuity plan" (1 files)
functions: 1
  service "Client service" rto=1d (examples/minimal.bcp:13:10)
risks: 0
next review: 2027-09-01
diagnostics: 0
at 15:16: function service, attribute rto (duration)
OUT
check "plan-summary examples/minimal.bcp 15:16" 'diff -u "$tmp/want" "$tmp/out"'

mkdir -p "$tmp/broken"
printf 'plan p {\n  title = "P"\n  organization = "O"\n  owner = contact.ghost\n}\n\nfunction pay {\n  title = "Payroll"\n  rto = 2mo\n  owner = contact.ghost\n}\n' >"$tmp/broken/plan.bcp"
(cd "$tmp/broken" && LD_LIBRARY_PATH="$lib" "$tmp/plan-summary" plan.bcp 9:3) >"$tmp/out" 2>&1
cat >"$tmp/want" <<'OUT'
plan: p "P" (1 files)
functions: 1
  pay "Payroll" rto=2mo (plan.bcp:7:10)
OUT
check "plan-summary on a plan with errors: functions" 'sed -n 2,4p "$tmp/out" | diff -u "$tmp/want" -'
check "plan-summary on a plan with errors: no review date" 'sed -n 6p "$tmp/out" | grep -qx "next review: none"'
check "plan-summary on a plan with errors: located diagnostics" \
    'grep -q "^  plan.bcp:4:11: error: .*ghost.* \[E106\]$" "$tmp/out" && grep -q "^  plan.bcp:10:11: error: .*\[E106\]$" "$tmp/out"'
check "plan-summary on a plan with errors: entity at 9:3" 'tail -n 1 "$tmp/out" | grep -qx "at 9:3: function pay, attribute rto (duration)"'

# The static library is complete too.
if (cd "$tmp" && ${CC:-cc} -std=c11 plan-summary.c $(pkg-config --cflags bcp) "$lib/libbcp.a" \
        $(pkg-config --static --libs bcp | sed 's/ -lbcp / /; s/^-lbcp //') -o plan-summary-static) 2>"$tmp/cc.log"; then
    check "plan-summary linked with libbcp.a" '"$tmp/plan-summary-static" examples/minimal.bcp | grep -q "^functions: 1$"'
else
    cat "$tmp/cc.log"
    bad "plan-summary linked with libbcp.a"
fi

env -u MAKEFLAGS -u MAKELEVEL make -C "$root" --no-print-directory BUILDDIR="$builddir" PREFIX="$prefix" \
    uninstall >"$tmp/make.log" 2>&1
check "make uninstall removes what install put" '[ -z "$(find "$prefix" -type f -o -type l)" ]'
exit $failed
