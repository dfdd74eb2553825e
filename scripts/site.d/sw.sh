#!/usr/bin/env bash
# The service worker's precache list and version (see web/sw.js).
set -euo pipefail
node "$(dirname "$0")/../make-sw.mjs" "$1"
