#!/usr/bin/env bash
# The native GoogleTest suite again, built with AddressSanitizer and UBSan.
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! log=$( { cmake --preset asan && cmake --build --preset asan; } 2>&1 ); then
  grep -E '(error|warning):' <<<"$log" | head -20
  echo "the asan build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
scripts/ctest-summary asan
