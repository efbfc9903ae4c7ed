#!/bin/sh
# docs/rules/*.md must match what the rule metadata and fixtures generate.
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/../../tools/check-rule-docs.sh" "${BCP:-build/bcp}"
