#!/usr/bin/env bash
# Site step (runs last: "zz"): a gzip copy beside every compressible file,
# file.gz next to file, for servers that send pre-compressed files
# (scripts/serve.mjs does when the client accepts gzip). -n leaves the name
# and time out of the header, so the same input gives the same bytes; a .gz
# that would not be smaller is not kept. Compressed copies are cached by
# content hash in build/gzip-cache, so a rebuild only compresses what changed.
set -euo pipefail
cache="$(dirname "$0")/../../build/gzip-cache"
mkdir -p "$cache"
find "$1" -type f \( -name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.wasm' \
  -o -name '*.json' -o -name '*.svg' -o -name '*.wlm' -o -name '*.webmanifest' \) -print0 |
while IFS= read -r -d '' file; do
  cached="$cache/$(sha256sum "$file" | cut -c1-64).gz"
  [ -f "$cached" ] || { gzip -9 -n -c "$file" > "$cached.tmp" && mv "$cached.tmp" "$cached"; }
  if [ "$(stat -c %s "$cached")" -lt "$(stat -c %s "$file")" ]; then cp "$cached" "$file.gz"; fi
done
