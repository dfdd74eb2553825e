#!/usr/bin/env bash
# The native GoogleTest suite again, built with AddressSanitizer and UBSan.
set -uo pipefail
cd "$(dirname "$0")/../.."
cmake --preset asan >/dev/null 2>&1 && cmake --build --preset asan 2>&1 | grep -E '(error|warning):' || true
scripts/ctest-summary asan
