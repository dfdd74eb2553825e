#!/usr/bin/env bash
# ESLint with eslint.config.js (the recommended rules; browser globals in web/,
# Node's in tests/, bench/, scripts/) over every JS file in the tree. Each file
# counts once: passed when clean, failed with any error or warning.
set -uo pipefail
cd "$(dirname "$0")/../.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
npx --no-install eslint --max-warnings 0 --format json --output-file "$report" .
status=$?
node -e '
  const fs = require("fs");
  const [file, status] = process.argv.slice(1);
  let results;
  try { results = JSON.parse(fs.readFileSync(file, "utf8")); } catch {
    console.log(`eslint did not run (exit status ${status})`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  let passed = 0, failed = 0;
  for (const r of results) {
    const name = r.filePath.slice(process.cwd().length + 1);
    if (r.messages.length === 0) { passed++; continue; }
    failed++;
    for (const m of r.messages) {
      console.log(`${name}:${m.line ?? 0}:${m.column ?? 0}  ${m.severity === 2 ? "error" : "warning"}  ${m.message}  (${m.ruleId ?? "parse"})`);
    }
  }
  if (failed === 0 && status !== "0") { console.log(`eslint exited with status ${status}`); failed = 1; }
  console.log(`eslint: ${results.length} files checked`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
' "$report" "$status"
