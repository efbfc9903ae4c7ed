#!/bin/sh
# bcp build as a gate: lint errors build nothing (exit 1) unless --draft,
# a draft is marked on every page and lists its open findings, secrets are
# redacted from every document in every mode, empty sections hold no
# authoring hints, output names follow one rule, and the documents of a plan
# are written all or none.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: build gate: $1"; }
bad() { echo "FAIL: build gate: $1"; fail=1; }
cd "$root"

# --- a plan whose only error is a lint error (no crisis team: C107)
sed '/^team /,/^}/d' examples/minimal.bcp > "$tmp/lint.bcp"
if ! "$BCP" check "$tmp/lint.bcp" >/dev/null 2>&1 && ! grep -q '^team ' "$tmp/lint.bcp"; then :; else bad "fixture: lint.bcp should have lint errors"; fi
"$BCP" build -o "$tmp/gate" "$tmp/lint.bcp" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/gate" ]; then
    ok "lint errors: exit 1, nothing written (not even the output folder)"
else
    bad "lint errors: exit $rc, wrote: $(ls -A "$tmp/gate")"
fi
# the findings as `bcp check` prints them (text, caret, summary)
"$BCP" check --color never "$tmp/lint.bcp" >"$tmp/check" 2>&1
if grep -q 'error: .*\[C107 missing-crisis-team\]' "$tmp/err" && grep -q '^ *| *\^' "$tmp/err" &&
   grep -q "$(tail -1 "$tmp/check")" "$tmp/err" && grep -q 'nothing built' "$tmp/err"; then
    ok "lint errors: the findings printed like bcp check prints them"
else
    bad "lint errors: findings not printed"; cat "$tmp/err"
fi

# --- warnings only build as usual, with no draft mark
grep -v 'reviewed' examples/minimal.bcp > "$tmp/warn.bcp"
"$BCP" check "$tmp/warn.bcp" >"$tmp/check" 2>&1
if grep -q ': warning:' "$tmp/check" && ! grep -q ': error:' "$tmp/check"; then :; else bad "fixture: warn.bcp should have warnings only"; cat "$tmp/check"; fi
if "$BCP" build -o "$tmp/warn" "$tmp/warn.bcp" 2>"$tmp/err" && [ -s "$tmp/warn/warn.md" ] && [ -s "$tmp/warn/warn.html" ] &&
   [ -s "$tmp/warn/warn.json" ] && ! grep -q 'DRAFT' "$tmp/warn/warn.md" && ! grep -q 'draft-mark' "$tmp/warn/warn.html" &&
   grep -q '"draft": false' "$tmp/warn/warn.json"; then
    ok "warnings only: builds, not a draft"
else
    bad "warnings only"; cat "$tmp/err"
fi

# --- --draft: a marked draft with the appendix, in both languages
for lang in en zh-CN; do
    out=$tmp/draft-$lang
    if ! "$BCP" build --draft --lang $lang -o "$out" "$tmp/lint.bcp" 2>"$tmp/err"; then
        bad "--draft ($lang) does not build"; cat "$tmp/err"; continue
    fi
    if [ $lang = en ]; then mark=DRAFT; appendix='## Appendix [A-Z]\. Open findings'; sev=Error
    else mark=草稿; appendix='## 附录[A-Z] 未解决的检查问题'; sev=错误; fi
    md=$out/lint.md html=$out/lint.html json=$out/lint.json
    if head -1 "$md" | grep -q "^> \*\*$mark\*\*" && grep -q "^$appendix\$" "$md" &&
       grep -q "^| C107 | $sev | .* | .*lint.bcp:[0-9]*:[0-9]* |\$" "$md"; then
        ok "--draft ($lang): Markdown banner at the top and appendix of findings"
    else
        bad "--draft ($lang): Markdown"; head -3 "$md"; grep -n 'C107\|^## ' "$md" | tail -4
    fi
    if grep -q "<div class=\"draft-mark\" role=\"note\">$mark</div>" "$html" && grep -q '\.draft-mark{position:fixed' "$html" &&
       grep -q '@media print{\.draft-mark' "$html" && grep -q 'C107' "$html"; then
        ok "--draft ($lang): HTML mark on screen and on every printed page, appendix"
    else
        bad "--draft ($lang): HTML"
    fi
    if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d["open_findings"]; assert d["draft"] is True; assert any(x["code"]=="C107" and x["severity"]=="error" and x["location"]["line"]>0 and x["message"] for x in f), f' "$json"; then
        ok "--draft ($lang): JSON draft flag and open findings"
    else
        bad "--draft ($lang): JSON"
    fi
done
grep -q 'a DRAFT with [0-9]* open finding' "$tmp/err" && ok "--draft says it built a draft" || bad "--draft message"; 

# --- redaction: every format, draft or not, suppressed or not
secret1='Hunter2!xyzzy' secret2='ghp_abcdefghijklmnopqrstuvwxyz0123456789'
sed -e "s|^  fallback *= .*|  fallback = \"Work from home; VPN password: $secret1\"|" examples/minimal.bcp > "$tmp/secret.bcp"
sed -i "s|^  role  *= \"Managing director\"|  role = \"Managing director, token $secret2\"|" "$tmp/secret.bcp"
grep -q "$secret1" "$tmp/secret.bcp" && grep -q "$secret2" "$tmp/secret.bcp" || bad "fixture: secrets not in secret.bcp"
# suppressed: the comment on the line of each finding
sed -e "s|\(^  fallback = .*\)|\1 # bcp: ignore[secret-in-plan]|" -e "s|\(^  role = \"Managing director, token.*\)|\1 # bcp: ignore[H102]|" \
    "$tmp/secret.bcp" > "$tmp/suppressed.bcp"
"$BCP" build -o "$tmp/x" "$tmp/secret.bcp" 2>/dev/null
[ $? -eq 1 ] && ok "a secret is a lint error: no build without --draft" || bad "secret plan built without --draft"
check_redacted() { # check_redacted LABEL DIR STEM LANG_MARK
    leaked=$(grep -l -e "$secret1" -e "$secret2" -e 'Hunter2' -e 'ghp_' "$2/$3".* 2>/dev/null)
    if [ -z "$leaked" ] && [ -s "$2/$3.md" ] && [ -s "$2/$3.html" ] && [ -s "$2/$3.json" ] &&
       grep -qF "\\$4" "$2/$3.md" && grep -qF "$4" "$2/$3.html" && grep -qF "$4" "$2/$3.json"; then
        ok "redaction: $1: no secret in md, html or json; the mark is there"
    else
        bad "redaction: $1: leaked in: $leaked"
    fi
}
"$BCP" build --draft -o "$tmp/s1" "$tmp/secret.bcp" 2>"$tmp/err" || bad "secret plan does not build as a draft"
check_redacted "draft" "$tmp/s1" secret "[redacted"
if grep -q 'warning: 2 values that look like a secret .* were redacted from the documents: .*secret.bcp:[0-9]*:[0-9]*, .*secret.bcp:[0-9]*:[0-9]*' "$tmp/err" &&
   ! grep -q -e "$secret1" -e "$secret2" "$tmp/err"; then
    ok "redaction: the build says how many and where, not what"
else
    bad "redaction warning"; cat "$tmp/err"
fi
"$BCP" build --draft --lang zh-CN -o "$tmp/s2" "$tmp/secret.bcp" 2>/dev/null
check_redacted "draft, zh-CN" "$tmp/s2" secret "[已隐去"
if "$BCP" build -o "$tmp/s3" "$tmp/suppressed.bcp" 2>"$tmp/err"; then
    check_redacted "finding suppressed, not a draft" "$tmp/s3" suppressed "[redacted"
    grep -q 'redacted from the documents' "$tmp/err" && ok "redaction: said even when suppressed" || bad "no redaction warning when suppressed"
else
    bad "suppressed secrets: does not build"; cat "$tmp/err"
fi
"$BCP" build --draft --format json -o "$tmp/s4" "$tmp/secret.bcp" 2>/dev/null
if [ -s "$tmp/s4/secret.json" ] && ! grep -q -e 'Hunter2' -e 'ghp_' "$tmp/s4/secret.json"; then
    ok "redaction: JSON alone, open findings' messages included"
else
    bad "redaction: JSON alone"
fi

# a secret in a translation (a `locale` overlay in another file) is redacted too
mkdir -p "$tmp/loc" && cp examples/huadong/*.bcp "$tmp/loc/"
sed -i "0,/^    scope  *= \"/s//    scope        = \"token $secret2 /" "$tmp/loc/locale-en.bcp"
if grep -q "$secret2" "$tmp/loc/locale-en.bcp" && "$BCP" build --draft --lang en -o "$tmp/loc/out" "$tmp/loc/plan.bcp" 2>"$tmp/err" &&
   ! grep -q 'ghp_' "$tmp/loc/out/plan.md" "$tmp/loc/out/plan.html" "$tmp/loc/out/plan.json" &&
   grep -q 'redacted from the documents: .*locale-en.bcp:[0-9]*:[0-9]*' "$tmp/err"; then
    ok "redaction: a secret in a locale overlay of an imported file"
else
    bad "redaction: locale overlay"; cat "$tmp/err"
fi

# --- empty sections: "not yet defined" in the document's language, no authoring hints
cat > "$tmp/empty.bcp" <<'PLAN'
plan empty {
  title        = "Empty"
  organization = "Empty Ltd"
}
PLAN
for lang in en zh-CN; do
    "$BCP" build --draft --lang $lang -o "$tmp/e-$lang" "$tmp/empty.bcp" 2>/dev/null || { bad "empty plan ($lang) does not build as a draft"; continue; }
    # the document up to the draft's appendix (whose findings may quote syntax)
    sed '/^## \(Appendix\|附录\)/,$d' "$tmp/e-$lang/empty.md" > "$tmp/body"
    if [ $lang = en ]; then want='No risks are assessed yet\.'; want2='No sites are defined yet\.'
    else want='尚未评估任何风险。'; want2='尚未定义经营地点。'; fi
    if grep -q "^\*$want\*\$" "$tmp/body" && grep -q "^\*$want2\*\$" "$tmp/body"; then
        ok "empty sections ($lang): not yet defined, in the document's language"
    else
        bad "empty sections ($lang)"; grep -n '^\*' "$tmp/body" | head
    fi
    if grep -n '`\|Add `\|List them\|key_people\|请添加\|请在' "$tmp/body"; then
        bad "empty sections ($lang): authoring hints or DSL syntax in the document"
    else
        ok "empty sections ($lang): no authoring hints, no DSL syntax"
    fi
done

# --- output names: one rule for relative, absolute and ../ paths
mkdir -p "$tmp/names/acme/sub"
cp examples/minimal.bcp "$tmp/names/acme/plan.bcp"
( cd "$tmp/names/acme" && "$BCP" build --format md plan.bcp 2>/dev/null )
( cd "$tmp/names/acme/sub" && "$BCP" build --format md -o out ../plan.bcp 2>/dev/null )
"$BCP" build --format md -o "$tmp/names/abs" "$tmp/names/acme/plan.bcp" 2>/dev/null
if [ -s "$tmp/names/acme/plan.md" ] && [ -s "$tmp/names/acme/sub/out/plan.md" ] && [ -s "$tmp/names/abs/plan.md" ] &&
   [ -z "$(ls -A "$tmp/names/acme/sub/out" | grep -v '^plan\.md$')" ] && [ -z "$(ls -A "$tmp/names/abs" | grep -v '^plan\.md$')" ]; then
    ok "output names: plan.bcp, ../plan.bcp and /abs/acme/plan.bcp all give plan.md (no hidden .md)"
else
    bad "output names"; ls -aR "$tmp/names"
fi

# --- all or none: one document that cannot be written leaves the others as they were
mkdir -p "$tmp/aon"
printf 'old markdown\n' > "$tmp/aon/minimal.md"
mkdir "$tmp/aon/minimal.html"          # the HTML target is a directory
"$BCP" build -o "$tmp/aon" examples/minimal.bcp 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(cat "$tmp/aon/minimal.md")" = "old markdown" ] && [ ! -e "$tmp/aon/minimal.json" ] &&
   [ "$(ls -A "$tmp/aon" | sort | tr '\n' ' ')" = "minimal.html minimal.md " ] && grep -q 'cannot write .*minimal.html' "$tmp/err" &&
   grep -q 'nothing written' "$tmp/err"; then
    ok "all or none: an unwritable HTML target leaves no new md or json and no temporary file"
else
    bad "all or none (exit $rc)"; ls -A "$tmp/aon"; cat "$tmp/err"
fi
# an existing document keeps its permissions (a 0600 file is not widened to 0644)
mkdir -p "$tmp/mode" && : > "$tmp/mode/minimal.md" && chmod 600 "$tmp/mode/minimal.md"
( umask 022; "$BCP" build -o "$tmp/mode" examples/minimal.bcp 2>/dev/null )
if [ "$(stat -c %a "$tmp/mode/minimal.md")" = 600 ] && [ -s "$tmp/mode/minimal.md" ] && [ "$(stat -c %a "$tmp/mode/minimal.json")" = 644 ]; then
    ok "an existing 0600 document stays 0600; new ones are 0644"
else
    bad "document modes: $(stat -c '%a %n' "$tmp/mode"/*)"
fi
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$tmp/ro" && chmod a-w "$tmp/ro"
    "$BCP" build -o "$tmp/ro" examples/minimal.bcp 2>/dev/null
    [ $? -eq 2 ] && [ -z "$(ls -A "$tmp/ro")" ] && ok "all or none: read-only folder, nothing written" || bad "read-only folder"
fi

exit $fail
