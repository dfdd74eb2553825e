#!/usr/bin/env bash
# The native GoogleTest suite again, built with AddressSanitizer and UBSan.
set -uo pipefail
cd "$(dirname "$0")/../.."
cmake --preset asan >/dev/null 2>&1 && cmake --build --preset asan 2>&1 | grep -E '(error|warning):' || true
log=$(mktemp)
ctest --preset asan >"$log" 2>&1
grep -E 'tests passed|Failed|\*\*\*' "$log"
line=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$log")
total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line"); bad=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
echo "$((${total:-0} - ${bad:-0})) passed, ${bad:-0} failed"
rm -f "$log"
