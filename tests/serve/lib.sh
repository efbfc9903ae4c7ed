# Shared by tests/serve/*.sh: start `bcp serve` on a free port and stop it.
# serve_start DIR [OPTIONS...]: sets $pid, $port, $base; the server's stderr in $tmp/serve.err.
serve_start() {
    dir=$1; shift
    # Emptied first: the child truncates it only when it runs, and until then
    # the loop below would read the previous server's port (a restart under
    # load got status 000 for every request that way).
    : >"$tmp/serve.err"
    "$BCP" serve "$dir" --port 0 "$@" 2>"$tmp/serve.err" &
    pid=$!
    port=""
    i=0
    while [ $i -lt 200 ]; do
        port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$tmp/serve.err")
        [ -n "$port" ] && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.05
        i=$((i + 1))
    done
    [ -n "$port" ] || { echo "FAIL: serve: the server did not start: $(cat "$tmp/serve.err")"; return 1; }
    base="http://127.0.0.1:$port"
}
serve_stop() {
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
}
