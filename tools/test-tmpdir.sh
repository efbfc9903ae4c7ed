#!/bin/sh
# make test: runs COMMAND with TMPDIR set to a folder of its own, then fails
# if anything is left in it (a test that does not clean up after itself:
# two suites left a file or a folder in /tmp on every run until session 10).
# The folder is removed either way.
# usage: sh tools/test-tmpdir.sh COMMAND [ARG...]
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
TMPDIR=$tmp "$@"
status=$?
[ $status = 0 ] || exit $status
left=$(cd "$tmp" && ls -A)
if [ -n "$left" ]; then
    echo "make test: the suites left these in TMPDIR ($tmp):"
    printf '%s\n' "$left" | head -n 20 | sed 's/^/  /'
    exit 1
fi
