#!/bin/sh
# Writes a plan whose N functions form a chain: f0 needs system s0, and each
# f(i) needs f(i-1) (tools/bench-simulate-chain.sh, tests/cli/test_simulate.sh).
# usage: sh tools/gen-chain.sh N FILE
set -eu
awk -v n="${1:?usage: gen-chain.sh N FILE}" 'BEGIN {
    printf "plan p {\n  title = \"Chain\"\n  organization = \"Gen Ltd\"\n  reviewed = 2026-09-01\n}\n"
    printf "system s0 {\n  title = \"S0\"\n  rto = 4h\n}\n"
    printf "function f0 {\n  title = \"F0\"\n  rto = 8h\n  needs = [system.s0]\n}\n"
    for (i = 1; i < n; i++) printf "function f%d {\n  title = \"F%d\"\n  rto = 8h\n  needs = [function.f%d]\n}\n", i, i, i - 1
}' >"${2:?usage: gen-chain.sh N FILE}"
