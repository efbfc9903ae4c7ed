# Sourced by tools/bench.sh and tools/bench-build.sh; needs $work.
# measure CMD...: "seconds maxrss_kb" of the best of 3 runs (by time).
measure() {
    best=""
    for _ in 1 2 3; do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
        line=$(tail -n 1 "$work/time")
        if [ -z "$best" ] || [ "$(echo "$line $best" | awk '{ print ($1 < $3) }')" = 1 ]; then
            best=$line
        fi
    done
    echo "$best"
}
