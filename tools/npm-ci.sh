#!/bin/sh
# The locked npm packages of a test folder (tests/lsp, tests/mcp, tests/serve,
# tests/graph): `npm ci` in DIR, only when DIR/package-lock.json changed since
# the last install (DIR/node_modules/.bcp-lock keeps a copy of it), under
# flock so that two runs do not install at the same time.  Quiet when all is
# well; on failure it prints "NAME: npm ci in DIR failed:" and npm's log, and
# exits 1.  Extra arguments go to npm ci (e.g. --ignore-scripts).
# usage: sh tools/npm-ci.sh DIR NAME [NPM-CI-ARGUMENTS...]
set -u
dir=$(cd "${1:?usage: npm-ci.sh DIR NAME [ARGS...]}" && pwd) || exit 1
name=${2:?usage: npm-ci.sh DIR NAME [ARGS...]}
shift 2
install='cmp -s package-lock.json node_modules/.bcp-lock ||
    { npm ci --no-audit --no-fund --loglevel=error "$@" && cp package-lock.json node_modules/.bcp-lock; }'
log=$(mktemp "${TMPDIR:-/tmp}/bcp-npm-ci.XXXXXX") || exit 1
if command -v flock >/dev/null 2>&1; then
    (cd "$dir" && flock "/tmp/bcp-$name-npm.lock" sh -c "$install" sh "$@") >"$log" 2>&1
else
    (cd "$dir" && sh -c "$install" sh "$@") >"$log" 2>&1
fi
if [ ! -f "$dir/node_modules/.bcp-lock" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.bcp-lock"; then
    echo "$name: npm ci in $dir failed:"
    cat "$log"
    rm -f "$log"
    exit 1
fi
rm -f "$log"
