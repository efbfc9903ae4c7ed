#!/bin/sh
# make fuzz: the whole pipeline under libFuzzer + ASan + UBSan (clang).
# usage: sh tools/fuzz.sh BUILDDIR [SECONDS]   (not part of make test)
# Seeds: the examples, the stdlib and the grammar corpus inputs; crashes are
# written to BUILDDIR/fuzz/ as crash-* files.
set -eu
out=${1:?usage: fuzz.sh BUILDDIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)" >&2; exit 2; }
mkdir -p "$out/fuzz/seeds"
srcs=$(ls compiler/*/*.c rules/*.c | grep -v '^compiler/cli/main.c$')
cflags="-std=c11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -Iinclude -Icompiler -I. -Igrammar/src $(pkg-config --cflags tree-sitter libcmark-gfm libpcre2-8 jansson)"
# The rule fixtures are embedded under other symbol names (see the Makefile).
# shellcheck disable=SC2086
clang $cflags -Dbcp_embedded_stdlib=bcp_rule_fixtures -Dbcp_embedded_stdlib_count=bcp_rule_fixture_count \
    -c "$out/rule_fixtures.c" -o "$out/fuzz/rule_fixtures.o"
# shellcheck disable=SC2086
clang $cflags -fsanitize=fuzzer tests/fuzz/fuzz_pipeline.c $srcs grammar/src/parser.c "$out/stdlib_embedded.c" \
    "$out/fuzz/rule_fixtures.o" $(pkg-config --libs tree-sitter libcmark-gfm libpcre2-8 jansson) \
    -lcmark-gfm-extensions -pthread -o "$out/fuzz/fuzz_pipeline"
n=0
for f in examples/*.bcp examples/*/*.bcp stdlib/*/*.bcp tests/rules/*.bcp; do
    n=$((n + 1))
    cp "$f" "$out/fuzz/seeds/seed-$n.bcp"
done
cd "$out/fuzz"
./fuzz_pipeline -max_total_time="$seconds" -max_len=65536 -timeout=20 seeds
