#!/bin/sh
# make serve-bench: tests/serve/bench.js (Node's own http client, no npm).
# usage: sh tests/serve/bench.sh BCP [REQUESTS] [CLIENTS]
set -u
bcp=$(cd "$(dirname "${1:?usage: bench.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
echo "== bcp serve: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec node "$here/bench.js" "$bcp" "${2:-${SERVE_BENCH_REQUESTS:-10000}}" "${3:-8}"
