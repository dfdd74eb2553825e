#!/usr/bin/env bash
# Site step, first: fewer, larger files for the page's first load (issue 16):
# the ES modules bundled with code splitting (scripts/bundle-js.mjs), the
# stylesheets concatenated (scripts/bundle-css.mjs). Before modulepreload.sh
# and sw.sh, which read the bundled site.
set -euo pipefail
node "$(dirname "$0")/../bundle-js.mjs" "$1"
node "$(dirname "$0")/../bundle-css.mjs" "$1"
