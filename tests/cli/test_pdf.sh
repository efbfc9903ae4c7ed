#!/bin/sh
# bcp build --format pdf: the PDF is read back with poppler-utils (pdftotext,
# pdfinfo): "Page X of Y" on every page, no file:// path or browser date
# line, the cover's approval block, Chinese text extracted as Chinese, the
# paper size; no renderer on PATH is E160 with nothing written (exit 2); the
# build gate and all-or-none hold for the PDF as for the other documents.
set -u
: "${BCP:?BCP must point at the bcp binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1796342400 TZ=UTC
fail=0
ok() { echo "ok: pdf: $1"; }
bad() { echo "FAIL: pdf: $1"; fail=1; }
cd "$root"

# --- no renderer: E160, exit 2, nothing written, an old document untouched
mkdir -p "$tmp/none"
echo old > "$tmp/none/minimal.md"
PATH=/nonexistent-bcp-test "$BCP" build --format md,pdf -o "$tmp/none" examples/minimal.bcp 2>"$tmp/err"
status=$?
if [ $status -eq 2 ] && grep -q 'E160 pdf-renderer-missing' "$tmp/err" && grep -q 'chromium' "$tmp/err"; then
    ok "no renderer: exit 2 with E160"
else
    bad "no renderer: exit $status"; cat "$tmp/err"
fi
if [ "$(cat "$tmp/none/minimal.md")" = old ] && [ ! -e "$tmp/none/minimal.pdf" ] &&
    [ "$(ls "$tmp/none" | wc -l)" -eq 1 ]; then
    ok "no renderer: nothing written"
else
    bad "no renderer: files written"; ls -la "$tmp/none"
fi

# --- usage: a paper size that does not exist
"$BCP" build --format pdf --paper a5 -o "$tmp/usage" examples/minimal.bcp 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- '--paper takes a4 or letter' "$tmp/err" && [ ! -e "$tmp/usage" ] &&
    ok "--paper a5 is a usage error" || { bad "--paper a5"; cat "$tmp/err"; }

# --- the build gate comes first: lint errors build no PDF (and need no renderer)
sed '/^team /,/^}/d' examples/minimal.bcp > "$tmp/lint.bcp"
PATH=/nonexistent-bcp-test "$BCP" build --format pdf -o "$tmp/gate" "$tmp/lint.bcp" 2>"$tmp/err"
status=$?
if [ $status -eq 1 ] && [ ! -e "$tmp/gate" ] && ! grep -q E160 "$tmp/err"; then
    ok "lint errors: no PDF, exit 1, before any renderer"
else
    bad "gate: exit $status"; cat "$tmp/err"
fi

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ] || ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
    echo "skip: pdf: chromium or poppler-utils is not installed (make deps installs them)"
    exit $fail
fi

# check_pdf NAME PDF PAGE_RE COVER_WORDS...: page numbers on every page, no
# browser header or footer, the cover's words on page 1.
check_pdf() {
    name=$1 pdf=$2 page_fmt=$3; shift 3
    if ! head -c 5 "$pdf" | grep -q '%PDF-'; then bad "$name: not a PDF"; return; fi
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    pdftotext -layout "$pdf" "$tmp/$name.txt"
    # pdftotext ends each page with a form feed: page P is record P (one
    # pdftotext run instead of one a page, ~60 ms of CPU each)
    numbered=$(awk -v RS='\f' -v fmt="$page_fmt" -v n="$pages" \
        'NR <= n && index($0, sprintf(fmt, NR, n)) { c++ } END { print c + 0 }' "$tmp/$name.txt")
    if [ "$pages" -ge 2 ] && [ "$numbered" -eq "$pages" ]; then
        ok "$name: $pages pages, each says \"$(printf "$page_fmt" 1 "$pages")\"…"
    else
        bad "$name: $numbered of $pages pages carry their number"
    fi
    if grep -q 'file://\|\.html' "$tmp/$name.txt"; then bad "$name: a browser header or footer (file path)"; else ok "$name: no file:// path"; fi
    pdftotext -layout -f 1 -l 1 "$pdf" "$tmp/$name.cover.txt"
    for w in "$@"; do
        grep -qF "$w" "$tmp/$name.cover.txt" || { bad "$name: cover lacks \"$w\""; cat "$tmp/$name.cover.txt"; return; }
    done
    ok "$name: the cover has $*"
}

# English, on US letter, with the Markdown written alongside (all or none);
# without SOURCE_DATE_EPOCH, for the dates checked at the end (one Chromium
# launch fewer than a build of its own)
env -u SOURCE_DATE_EPOCH "$BCP" build --format md,pdf --paper letter --lang en -o "$tmp/en" examples/minimal.bcp 2>"$tmp/err" ||
    { bad "minimal en does not build as PDF"; cat "$tmp/err"; }
if [ -s "$tmp/en/minimal.pdf" ] && [ -s "$tmp/en/minimal.md" ] && [ ! -e "$tmp/en/minimal.html" ]; then
    ok "--format md,pdf writes minimal.md and minimal.pdf only"
    check_pdf minimal-en "$tmp/en/minimal.pdf" "Page %s of %s" "Acme Ltd business continuity plan" \
        "Approval and sign-off" "Signature" "Classification" "Internal"
    pdfinfo "$tmp/en/minimal.pdf" | grep -q 'Page size: *612 x 792' && ok "--paper letter prints on letter" ||
        { bad "not letter"; pdfinfo "$tmp/en/minimal.pdf" | grep 'Page size'; }
else
    bad "minimal en: documents"; ls -la "$tmp/en" 2>/dev/null
fi

# Chinese, on A4 (the default): the text is extracted as Chinese
if "$BCP" build --format pdf -o "$tmp/zh" examples/huadong/plan.bcp 2>"$tmp/err" && [ -s "$tmp/zh/plan.pdf" ]; then
    check_pdf huadong-zh "$tmp/zh/plan.pdf" "第 %s 页，共 %s 页" "华东精密制造有限公司 业务连续性计划" \
        "审批与签署" "王建国" "总经理" "密级" "内部"
    grep -qF '一、概要' "$tmp/huadong-zh.txt" && grep -qF '台风、暴雨引发洪水' "$tmp/huadong-zh.txt" &&
        ok "huadong-zh: Chinese headings and plan text read back" || bad "huadong-zh: Chinese text not extracted"
    grep -qF '华东精密制造有限公司 业务连续性计划 · 版本 2.1' "$tmp/huadong-zh.txt" &&
        ok "huadong-zh: running header with title and version" || bad "huadong-zh: no running header"
    pdfinfo "$tmp/zh/plan.pdf" | grep -q 'Page size: *59[45].* x 84[12].*(A4)' && ok "A4 by default" ||
        { bad "not A4"; pdfinfo "$tmp/zh/plan.pdf" | grep 'Page size'; }
else
    bad "huadong zh-CN does not build as PDF"; cat "$tmp/err"
fi

# Reproducible (issue 15): a second build is byte-identical (Chromium's
# CreationDate and ModDate set from SOURCE_DATE_EPOCH, else the plan's
# reviewed date; its structure tree's node ids renumbered in place), and
# poppler still reads it whole.
if "$BCP" build --format pdf -o "$tmp/zh2" examples/huadong/plan.bcp 2>"$tmp/err" &&
    cmp "$tmp/zh/plan.pdf" "$tmp/zh2/plan.pdf" >"$tmp/cmp" 2>&1; then
    ok "two builds of huadong are byte-identical ($(wc -c <"$tmp/zh2/plan.pdf") bytes)"
else
    bad "two builds of huadong differ: $(cat "$tmp/cmp")"
fi
pdfinfo "$tmp/zh2/plan.pdf" >"$tmp/info" 2>&1
if grep -q '^CreationDate: *Fri Dec  4 00:00:00 2026 UTC' "$tmp/info" && grep -q '^ModDate: *Fri Dec  4 00:00:00 2026 UTC' "$tmp/info" &&
    grep -q '^Tagged: *yes' "$tmp/info" && ! grep -qi 'error' "$tmp/info"; then
    ok "dates from SOURCE_DATE_EPOCH, still a tagged PDF"
else
    bad "pdfinfo after the rewrite:"; cat "$tmp/info"
fi
if pdftotext "$tmp/zh2/plan.pdf" - 2>"$tmp/err" | grep -qF '审批与签署' && [ ! -s "$tmp/err" ]; then
    ok "the rewritten PDF reads back without a poppler error"
else
    bad "poppler on the rewritten PDF:"; head -5 "$tmp/err"
fi
# the English build above ran without SOURCE_DATE_EPOCH
pdfinfo "$tmp/en/minimal.pdf" 2>&1 | grep -q '^CreationDate: *Tue Sep  1 00:00:00 2026 UTC' &&
    ok "without SOURCE_DATE_EPOCH, the plan's reviewed date (2026-09-01)" ||
    { bad "the reviewed date:"; pdfinfo "$tmp/en/minimal.pdf" 2>&1 | grep Date; }
exit $fail
