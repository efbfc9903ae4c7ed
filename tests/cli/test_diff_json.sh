#!/bin/sh
# bcp diff --format json (docs/diff.md, "JSON"): the same diff as the text
# report, structured: every "!" line of the text is a weakening's text, the
# counts match the text's summary line, an unchanged plan is differ=false
# (exit 0), and the output is byte-identical across runs.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: diff json: $1"; }
bad() { echo "FAIL: diff json: $1"; fail=1; }

cp "$root/examples/minimal.bcp" "$tmp/old.bcp"
sed -e 's/rto               = 24h/rto               = 48h/' -e 's/Alex Chen/Alex Chan/' \
    -e '/substitute = contact.deputy/d' "$tmp/old.bcp" >"$tmp/new.bcp"
cd "$tmp" || exit 1
"$BCP" diff old.bcp new.bcp >text.out; text_rc=$?
"$BCP" diff --format json old.bcp new.bcp >json.out; json_rc=$?
"$BCP" diff --format json old.bcp new.bcp >json2.out
[ "$text_rc" = 1 ] && [ "$json_rc" = 1 ] && ok "exit 1 when the plans differ, in both formats" ||
    bad "exit $text_rc (text) / $json_rc (json), expected 1"
cmp -s json.out json2.out && ok "two runs are byte-identical" || bad "two runs differ"
python3 - text.out json.out <<'PY' && ok "the JSON says what the text says" || bad "the JSON and the text disagree"
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
doc = json.load(open(sys.argv[2], encoding="utf-8"))
assert doc["format"] == "bcp-diff" and doc["version"] == 1 and doc["differ"] is True, doc
marks = [l[4:] for l in text.splitlines() if l.startswith("  ! ")]
assert marks == [w["text"] for w in doc["weakening"]], (marks, doc["weakening"])
m = re.search(r"(\d+) added, (\d+) removed, (\d+) changed; (\d+) change", text)
c = doc["counts"]
assert [int(x) for x in m.groups()] == [c["added"], c["removed"], c["changed"], c["weakening"]], (m.groups(), c)
assert len(doc["changed"]) == c["changed"] and len(doc["weakening"]) == c["weakening"] >= 2
rto = [a for e in doc["changed"] if e["entity"] == "function.service" for a in e["attributes"] if a["name"] == "rto"]
assert rto == [{"name": "rto", "old": "24h", "new": "48h"}], rto
loosened = [w for w in doc["weakening"] if w["what"] == "RTO loosened"]
assert loosened and loosened[0]["old"] == "24h" and loosened[0]["new"] == "48h", doc["weakening"]
PY
"$BCP" diff --format json old.bcp old.bcp >same.out; rc=$?
[ "$rc" = 0 ] && grep -q '"differ": false' same.out && grep -q '"weakening": \[\]' same.out &&
    ok "an unchanged plan: differ false, exit 0" || bad "unchanged plan: exit $rc"
"$BCP" diff --format yaml old.bcp new.bcp >/dev/null 2>err.out; rc=$?
[ "$rc" = 2 ] && grep -q 'text, markdown or json' err.out && ok "an unknown format is a usage error naming json" ||
    bad "--format yaml: exit $rc"
exit $fail
