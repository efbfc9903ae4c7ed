#!/bin/sh
# make bench, the lsp part: sh tests/lsp/bench.sh BCP [WORKDIR]
# Not a test: prints the figures (edit -> diagnostics on beijing-finance.bcp and
# on a generated 1 MB plan, completion latency, RSS with the examples open).
set -eu
bcp=$(cd "$(dirname "${1:?usage: bench.sh BCP [WORKDIR]}")" && pwd)/$(basename "$1")
work=${2:-${TMPDIR:-/tmp}/bcp-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$work"
bindir=$(dirname "$bcp")
[ -x "$bindir/genplan" ] || ${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$bindir/genplan" "$root/tools/genplan.c"
[ -f "$work/plan-1mb.bcp" ] || "$bindir/genplan" "$work/plan-1mb.bcp" 1000000
(cd "$here" && { cmp -s package-lock.json node_modules/.bcp-lock ||
    { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.bcp-lock; }; })
node "$here/bench.js" "$bcp" "$root" "$work/plan-1mb.bcp"
