#!/usr/bin/env bash
# Every C++ file in wasm/, tests/ and bench/ is already formatted by .clang-format
# (clang-format 14, Debian's; other versions may format a few lines
# differently). One result per file. To fix a file: clang-format -i FILE
set -uo pipefail
cd "$(dirname "$0")/../.."
tool=$(command -v clang-format || command -v clang-format-14 || true)
if [ -z "$tool" ]; then
  echo "clang-format not found (Debian/Ubuntu: apt-get install clang-format)"
  echo "0 passed, 1 failed"
  exit 1
fi
passed=0 failed=0
while IFS= read -r file; do
  if out=$("$tool" --dry-run --Werror "$file" 2>&1); then
    passed=$((passed + 1))
  else
    echo "format $file: FAILED ($(grep -c 'error:' <<<"$out") lines differ; first: $(grep -m1 -o ':[0-9]*:[0-9]*: error' <<<"$out" | cut -d: -f2))"
    failed=$((failed + 1))
  fi
done < <(find wasm tests bench -type f \( -name '*.cpp' -o -name '*.hpp' \) | sort)
echo "$passed passed, $failed failed"
