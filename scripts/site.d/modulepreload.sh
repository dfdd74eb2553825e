#!/usr/bin/env bash
# Site step: index.html lists the first view's modules as modulepreload links
# (scripts/modulepreload.mjs); before sw.sh, which hashes the site.
set -euo pipefail
node "$(dirname "$0")/../modulepreload.mjs" "$1"
