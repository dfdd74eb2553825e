#!/usr/bin/env bash
# Runs every libFuzzer harness for a bounded time from its committed seed
# corpus (tests/fuzz/corpus/<name>/); a crash, leak or sanitizer report fails.
# Longer runs: build/fuzz/fuzz_<name> -max_total_time=3600 <dir> tests/fuzz/corpus/<name>
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${WEIGHTLAB_FUZZ_SECONDS:-20}
if ! log=$( { cmake --preset fuzz && cmake --build --preset fuzz; } 2>&1 ); then
  grep -E '(error|warning):' <<<"$log" | head -20
  echo "the fuzz build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
passed=0 failed=0
for harness in build/fuzz/fuzz_*; do
  [ -x "$harness" ] || continue
  name=${harness#build/fuzz/fuzz_}
  work=$(mktemp -d)
  if "$harness" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       "$work" "tests/fuzz/corpus/$name" >"$work.log" 2>&1; then
    echo "fuzz $name: ok, $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work.log" | grep -Eo '[0-9]+$') runs in ${seconds}s"
    passed=$((passed + 1))
  else
    echo "fuzz $name: FAILED"; tail -40 "$work.log"
    failed=$((failed + 1))
  fi
  rm -rf "$work" "$work.log"
done
echo "$passed passed, $failed failed"
