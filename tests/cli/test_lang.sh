#!/bin/sh
# Prose overrides and languages: a plan's own `text` override is shown even
# where an industry preset has its own variant; an override the document can
# never show is a warning (E150) naming why; a build in a language the plan's
# prose is not translated into says so (E151), and a plan that lists its
# `languages` gets a finding for each gap (H120).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
root=$(cd "$(dirname "$0")/../.." && pwd)
ok() { echo "ok: lang: $1"; }
bad() { echo "FAIL: lang: $1"; fail=1; }
# The minimal example as a healthcare plan (the preset has its own com_goals).
sed 's/^  size         = micro$/  size         = micro\n  industry     = healthcare/' "$root/examples/minimal.bcp" >"$tmp/base.bcp"
grep -q 'industry     = healthcare' "$tmp/base.bcp" || bad "could not make the healthcare plan"

# override FROM TO ID ITEM: TO is FROM plus `locale en { text ID { items = [ITEM] } }`.
override() {
    cp "$tmp/$1.bcp" "$tmp/$2.bcp"
    printf '\nlocale en {\n  text %s {\n    items = ["%s"]\n  }\n}\n' "$3" "$4" >>"$tmp/$2.bcp"
}

# 1. The plan's override wins over the preset's healthcare_com_goals.
override base own com_goals "**Patients first**: every patient with a booking hears from us before opening time."
"$BCP" build --draft -o "$tmp/out" "$tmp/own.bcp" >/dev/null 2>"$tmp/err" ||
    "$BCP" build -o "$tmp/out" "$tmp/own.bcp" >/dev/null 2>"$tmp/err"
if grep -q 'every patient with a booking hears from us' "$tmp/out/own.md"; then
    ok "the plan's text override is shown over the preset's variant"
else
    bad "the plan's com_goals override is not in the document"; cat "$tmp/err"
fi
grep -q 'E150' "$tmp/err" && bad "a working override is reported as E150"

# 2. Another industry's variant: reported by check, with the reason.
override base other retail_com_goals "never shown"
"$BCP" check "$tmp/other.bcp" >"$tmp/out.txt" 2>&1
if grep -q "other.bcp:[0-9]*:[0-9]*: warning: text \`retail_com_goals\` is read only for plans of industry \`retail\`.*\[E150" "$tmp/out.txt"; then
    ok "another industry's variant is E150"
else
    bad "retail_com_goals in a healthcare plan is not E150"; cat "$tmp/out.txt"
fi

# 3. A text id the document never reads: the build (which has the stdlib
#    prose) reports it with the nearest id.
override base typo com_gaols "typo"
"$BCP" build --draft -o "$tmp/out" "$tmp/typo.bcp" >"$tmp/out.txt" 2>&1 ||
    "$BCP" build -o "$tmp/out" "$tmp/typo.bcp" >"$tmp/out.txt" 2>&1
if grep -q 'the document reads no text `com_gaols`' "$tmp/out.txt" && grep -q 'did you mean `com_goals`' "$tmp/out.txt"; then
    ok "an override of an unknown text id is E150 with the nearest id"
else
    bad "a misspelt text override is not reported at build"; cat "$tmp/out.txt"
fi

# 4. The generic text and the plan's own industry variant: the variant wins,
#    and the warning points at it.
override own both healthcare_com_goals "**Clinics**: the variant that wins."
"$BCP" check "$tmp/both.bcp" >"$tmp/out.txt" 2>&1
if grep -q 'is hidden by the plan.s own `healthcare_com_goals`' "$tmp/out.txt" && grep -q 'note: .*both.bcp:[0-9]*:[0-9]*: the `items` that is shown' "$tmp/out.txt"; then
    ok "a generic override hidden by the plan's own variant is E150 with a note"
else
    bad "a hidden generic override is not reported"; cat "$tmp/out.txt"
fi

# 5. Building in a language the plan's prose is not translated into.
"$BCP" build --draft --lang zh-CN -o "$tmp/out" "$root/examples/minimal.bcp" >"$tmp/out.txt" 2>&1 ||
    "$BCP" build --lang zh-CN -o "$tmp/out" "$root/examples/minimal.bcp" >"$tmp/out.txt" 2>&1
if grep -q 'warning: the plan is written in en and [0-9]* of its texts have no zh-CN translation.*\[E151' "$tmp/out.txt" &&
   grep -q 'note: .*minimal.bcp:[0-9]*:[0-9]*: `title` of function `service` is not translated' "$tmp/out.txt"; then
    ok "a build in an untranslated language warns and lists the gaps (E151)"
else
    bad "no E151 for a zh-CN build of an English plan"; cat "$tmp/out.txt"
fi
"$BCP" build --draft --lang en -o "$tmp/out" "$root/examples/beijing-finance.bcp" >"$tmp/out.txt" 2>&1 ||
    "$BCP" build --lang en -o "$tmp/out" "$root/examples/beijing-finance.bcp" >"$tmp/out.txt" 2>&1
grep -q 'E151' "$tmp/out.txt" && bad "a fully translated plan gets E151" || ok "a fully translated plan builds without E151"

# 6. A plan that lists its languages: every gap is an H120 finding.
sed 's/^  reviewed     = 2026-09-01$/  reviewed     = 2026-09-01\n  languages    = ["en", "zh-CN"]/' "$root/examples/minimal.bcp" >"$tmp/langs.bcp"
"$BCP" check --select H120 "$tmp/langs.bcp" >"$tmp/out.txt" 2>&1
n=$(grep -c '\[H120 translation-missing\]' "$tmp/out.txt")
if [ "$n" -gt 0 ] && grep -q "langs.bcp:[0-9]*:[0-9]*: warning: function \`service\` has no zh-CN translation of \`title\`, \`fallback\`" "$tmp/out.txt"; then
    ok "languages = [...] makes each untranslated entity an H120 finding ($n)"
else
    bad "no H120 findings for a plan that lists zh-CN without translating"; cat "$tmp/out.txt"
fi

# 7. Hints speak the plan's language: no Chinese example text in an English plan.
printf 'plan demo {\n  title = Demo\n  organization = "Demo Ltd"\n}\nfunction intake {\n  rto = 4h\n}\n' >"$tmp/hint.bcp"
"$BCP" check "$tmp/hint.bcp" >"$tmp/out.txt" 2>&1
if grep -q 'help: text is written in double quotes: title = "Demo"' "$tmp/out.txt" &&
   grep -q 'help: add: title = "..."' "$tmp/out.txt" && ! grep -q '华东' "$tmp/out.txt"; then
    ok "an English plan's hints carry no Chinese examples"
else
    bad "hints of an English plan"; cat "$tmp/out.txt"
fi
printf 'plan demo {\n  title = "演示"\n  organization = "演示公司"\n  language = "zh-CN"\n}\nfunction intake {\n  rto = 4h\n}\n' >"$tmp/hintzh.bcp"
"$BCP" check "$tmp/hintzh.bcp" >"$tmp/out.txt" 2>&1
grep -q 'help: add: title = "[^.]' "$tmp/out.txt" && ok "a Chinese plan keeps the Chinese example" ||
    { bad "a Chinese plan lost its example"; cat "$tmp/out.txt"; }
exit $fail
