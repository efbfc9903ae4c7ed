#!/bin/sh
# perf7: libmicrohttpd (and GnuTLS behind it) is loaded by bcp serve at first
# use (compiler/serve/mhd_lazy.c), not at every start of bcp:
#  - bcp does not need it at start-up (no DT_NEEDED entry, not mapped by
#    `bcp --version`);
#  - bcp serve still serves (GET /v1/plans over loopback);
#  - a bcp whose libmicrohttpd cannot be loaded says so and exits 2 from
#    bcp serve, while the other commands still work (a copy of bcp with the
#    soname it loads changed to one that does not exist).
set -u
: "${BCP:?BCP must point at the bcp binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
failed=0
ok() { echo "ok: lazy-load: $1"; }
bad() { echo "FAIL: lazy-load: $1"; failed=1; }

needed=$(readelf -d "$BCP" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
case $needed in
    *microhttpd* | *gnutls*) bad "bcp needs at start-up: $needed" ;;
    *) ok "no libmicrohttpd or GnuTLS among bcp's DT_NEEDED" ;;
esac
# What a plain run maps (LD_DEBUG=libs lists every library the loader opens).
LD_DEBUG=libs "$BCP" --version >/dev/null 2>"$tmp/libs"
if grep -q 'microhttpd\|gnutls' "$tmp/libs"; then
    bad "bcp --version loads: $(grep -o 'lib[a-z]*\(microhttpd\|gnutls\)[^ ]*' "$tmp/libs" | sort -u | tr '\n' ' ')"
elif grep -q 'calling init' "$tmp/libs"; then
    ok "bcp --version loads neither libmicrohttpd nor GnuTLS"
else
    bad "LD_DEBUG=libs showed nothing"
fi

# bcp serve loads it and serves.
mkdir -p "$tmp/plans"
cp "$root/examples/minimal.bcp" "$tmp/plans/"
"$BCP" serve --port 0 "$tmp/plans" 2>"$tmp/serve.err" &
pid=$!
port=""
for _ in $(seq 100); do
    port=$(sed -n 's#^listening on http://127\.0\.0\.1:\([0-9]*\)/$#\1#p' "$tmp/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
done
if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/v1/plans" >"$tmp/plans.json" 2>"$tmp/curl.err" &&
    grep -q minimal "$tmp/plans.json"; then
    ok "bcp serve loads libmicrohttpd and answers GET /v1/plans"
else
    bad "bcp serve (port ${port:-none})"; cat "$tmp/serve.err" "$tmp/curl.err" 2>/dev/null
fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""

# A bcp that cannot load it: the same binary, the soname's last two digits changed.
soname=$(LC_ALL=C grep -ao 'libmicrohttpd\.so\.[0-9][0-9]*' "$BCP" | head -n 1)
if [ -z "$soname" ]; then
    bad "no libmicrohttpd soname in $BCP"
else
    missing=$(echo "$soname" | sed 's/\.[0-9]*$/.X/')
    while [ ${#missing} -lt ${#soname} ]; do missing=${missing}X; done
    LC_ALL=C sed "s/$(echo "$soname" | sed 's/\./\\./g')/$missing/g" "$BCP" >"$tmp/bcp"
    chmod +x "$tmp/bcp"
    "$tmp/bcp" serve --port 0 "$tmp/plans" >"$tmp/out" 2>&1 </dev/null; rc=$?
    if [ "$rc" -eq 2 ] && grep -q "bcp serve: cannot load $missing (bcp serve needs libmicrohttpd)" "$tmp/out"; then
        ok "without $soname, bcp serve says so and exits 2"
    else
        bad "without $soname: exit $rc"; cat "$tmp/out"
    fi
    "$tmp/bcp" check --no-config "$root/examples/minimal.bcp" >"$tmp/check.out" 2>&1; rc=$?
    [ "$rc" -le 1 ] && ok "without $soname, bcp check still runs (exit $rc)" || { bad "bcp check without $soname: exit $rc"; cat "$tmp/check.out"; }
fi
exit $failed
