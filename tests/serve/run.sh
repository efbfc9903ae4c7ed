#!/bin/sh
# make serve-test (part of make test-one): `bcp serve` over loopback.
#   1. api-test.sh: every /v1/ endpoint and error path (curl, jq), the preview's
#      pages, /events, docs/openapi.yaml against the routes, no file written;
#   2. openapi-test.js: docs/openapi.yaml is valid OpenAPI 3.1, and every /v1/
#      response of api-test.sh matches its schema (npm, locked, like 3.);
#   3. browser-test.js: the live preview in Debian's headless Chromium, driven
#      by puppeteer-core (npm, locked in package-lock.json, installed with npm ci);
#   4. cancel.sh: a request past --time-limit is cancelled, its thread freed.
# usage: sh tests/serve/run.sh BCP
set -u
bcp=$(cd "$(dirname "${1:?usage: run.sh BCP}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
status=0
for tool in curl jq node npm python3; do
    command -v $tool >/dev/null 2>&1 || { echo "serve-test: $tool is missing (sh tools/deps.sh installs it)"; exit 1; }
done
responses=$(mktemp -d)
SERVE_RESPONSES=$responses timeout 300 sh "$here/api-test.sh" "$bcp" || status=1
sh "$here/../../tools/npm-ci.sh" "$here" serve-test || { rm -rf "$responses"; exit 1; }
(cd "$here" && timeout 120 node openapi-test.js "$here/../../docs/openapi.yaml" "$responses") || status=1
rm -rf "$responses"
# The 1 s of the preview's update holds for a release build; ASan/TSan builds get 10x.
case $bcp in */asan/*|*/tsan/*) scale=10 ;; *) scale=1 ;; esac
SERVE_TIME_SCALE=${SERVE_TIME_SCALE:-$scale} BCP="$bcp" timeout 300 node "$here/browser-test.js" "$bcp" || status=1
# serve13b: work past --time-limit is cancelled and its thread serves the next request.
timeout 300 sh "$here/cancel.sh" "$bcp" $((scale > 1 ? 2000 : 1000)) || status=1
[ $status = 0 ] && echo "serve-test: ok"
exit $status
