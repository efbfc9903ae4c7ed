#!/bin/sh
# Opens every example's HTML in headless Chromium: fails on console errors, a
# blank page or missing figures, and prints each page to PDF.  One Chromium
# launch a page both dumps the DOM and prints the PDF (a launch costs ~1.5 s
# of CPU; two a page were most of this script's work).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
    echo "skip: browser: chromium is not installed (make deps installs it)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: browser: $1"; }
bad() { echo "FAIL: browser: $1"; fail=1; }

run_chrome() { # run_chrome LOG ARGS...
    log=$1; shift
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --disable-extensions \
        --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" --enable-logging=stderr --v=0 "$@" 2>"$log"
}

cd "$root"
for f in examples/*.bcp examples/*/plan.bcp "$root/tests/golden/build/hostile/plan.bcp"; do
    [ -e "$f" ] || continue
    case $f in */plan.bcp) name=$(basename "$(dirname "$f")") ;; *) name=$(basename "$f" .bcp) ;; esac
    "$BCP" build --format html -o "$tmp/out" "$f" 2>/dev/null || { bad "$name does not build"; continue; }
    html=$tmp/out/$(basename "$f" .bcp).html
    pdf=$tmp/$name.pdf
    run_chrome "$tmp/$name.log" --no-pdf-header-footer --print-to-pdf="$pdf" --dump-dom "file://$html" > "$tmp/$name.dom"
    title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$html" | head -1)
    size=$(wc -c < "$tmp/$name.dom")
    svgs=$(grep -o '<svg' "$tmp/$name.dom" | wc -l)
    # titles with markup characters are re-serialised by the DOM; check the rest literally
    case $title in *'&'*) title='<nav class="toc">' ;; esac
    if [ "$size" -lt 5000 ] || ! grep -qF "$title" "$tmp/$name.dom" || ! grep -q '<h1>' "$tmp/$name.dom"; then
        bad "$name: blank page or title missing ($size bytes)"
    elif [ "$svgs" -lt 2 ]; then
        bad "$name: heat map or timeline missing ($svgs svg)"
    else
        ok "$name renders ($size bytes of DOM, $svgs figures)"
    fi
    if grep -E 'CONSOLE|Uncaught|Refused to|ERR_' "$tmp/$name.log" | grep -v 'dbus\|Fontconfig' >/dev/null; then
        bad "$name: console errors"
        grep -E 'CONSOLE|Uncaught|Refused to|ERR_' "$tmp/$name.log" | head -5
    else
        ok "$name: no console errors or blocked requests"
    fi
    if [ -s "$pdf" ] && head -c 4 "$pdf" | grep -q '%PDF'; then
        ok "$name prints to PDF ($(wc -c < "$pdf") bytes)"
    else
        bad "$name: no PDF"
    fi
done
exit $fail
