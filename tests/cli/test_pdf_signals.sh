#!/bin/sh
# bcp build --format pdf stopped by SIGTERM, SIGINT or SIGHUP while the
# renderer runs (issue 15): the private temporary folder (the HTML, the
# renderer's profile and log) is removed, the renderer is killed, nothing
# is written, and bcp dies of that signal.  A fake `chromium` on PATH that
# says it started and then sleeps stands for the real one (no Chromium
# needed; fast).
set -u
: "${BCP:?BCP must point at the bcp binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root" || exit 2
fail=0
ok() { echo "ok: pdf signals: $1"; }
bad() { echo "FAIL: pdf signals: $1"; fail=1; }

mkdir -p "$tmp/bin"
cat >"$tmp/bin/chromium" <<'FAKE'
#!/bin/sh
# the fake renderer: says where it runs, then waits to be stopped
echo "$$" >"$FAKE_MARK"
exec sleep 60
FAKE
chmod +x "$tmp/bin/chromium"

for pair in TERM:15 INT:2 HUP:1; do
    sig=${pair%:*} num=${pair#*:}
    work=$tmp/$sig
    mkdir -p "$work/tmp"
    export FAKE_MARK=$work/renderer.pid
    # env --default-signal: a background job of a script starts with SIGINT
    # ignored, and bcp rightly leaves an ignored signal alone.
    PATH=$tmp/bin:$PATH TMPDIR=$work/tmp env --default-signal="$sig" \
        "$BCP" build --format md,pdf -o "$work/out" examples/minimal.bcp 2>"$work/err" &
    pid=$!
    i=0
    while [ ! -s "$FAKE_MARK" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
    if [ ! -s "$FAKE_MARK" ]; then
        bad "$sig: the fake renderer never started"; cat "$work/err"; kill "$pid" 2>/dev/null; continue
    fi
    [ -n "$(ls "$work/tmp")" ] && ok "$sig: while rendering, the temporary folder exists ($(ls "$work/tmp"))"
    kill -s "$sig" "$pid"
    wait "$pid"
    status=$?
    want=$((128 + num))
    [ "$status" -eq "$want" ] && ok "$sig: bcp died of the signal (status $status)" ||
        { bad "$sig: exit status $status, not $want"; cat "$work/err"; }
    left=$(ls -A "$work/tmp")
    [ -z "$left" ] && ok "$sig: no temporary file or folder left" || bad "$sig: left behind: $left"
    [ ! -e "$work/out" ] && ok "$sig: nothing written (all or none)" || bad "$sig: wrote $(ls "$work/out")"
    renderer=$(cat "$FAKE_MARK")
    i=0
    while kill -0 "$renderer" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill -0 "$renderer" 2>/dev/null && { bad "$sig: the renderer still runs"; kill "$renderer"; } || ok "$sig: the renderer was stopped"
done
exit $fail
