#!/usr/bin/env bash
# Runs the VS Code client's checks: type check, formatting, unit tests, the .vsix, and the end-to-end test in code-server.
# Needs ../server/target/strata.jar (built by Maven) and scripts/ci-setup.sh to have run.
# Ends with one line "N passed, N failed" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0

record() { # name, exit status
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1"; fi
}

npm run -s typecheck
record "type check" $?

npm run -s format:check
record "formatting (prettier)" $?

# Unit tests: node's runner prints TAP; its closing counts are added to ours.
unit_log=$(mktemp)
{ node scripts/build.mjs --tests && node --test --test-reporter=tap out-test/; } 2>&1 | tee "$unit_log"
unit_status=${PIPESTATUS[0]}
unit_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$unit_log" | tail -1)
unit_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$unit_log" | tail -1)
rm -f "$unit_log"
if [ -z "$unit_passed" ]; then
  record "unit tests ran" 1
else
  passed=$((passed + unit_passed))
  failed=$((failed + unit_failed))
  [ "$unit_status" -eq 0 ] || [ "$unit_failed" -gt 0 ] || record "unit test runner exit status" "$unit_status"
fi

rm -f strata-0.1.0.vsix
npm run -s package
record "package strata-0.1.0.vsix with the server jar" $?
# The listing is read whole: with pipefail, grep -q closing the pipe early would fail unzip with SIGPIPE.
vsix_listing=$( [ -f strata-0.1.0.vsix ] && unzip -l strata-0.1.0.vsix || true)
if [[ "$vsix_listing" == *extension/server/strata.jar* ]]; then
  record "the .vsix contains server/strata.jar" 0
else
  record "the .vsix contains server/strata.jar" 1
fi

if [ -f strata-0.1.0.vsix ]; then
  node e2e/run.mjs
  e2e_status=$?
  if [ -f test-results/e2e-summary.json ]; then
    read -r e2e_passed e2e_failed e2e_skipped < <(node -e '
      const s = require("./test-results/e2e-summary.json"); console.log(s.passed, s.failed, s.skipped)')
    passed=$((passed + e2e_passed))
    failed=$((failed + e2e_failed))
    skipped=$((skipped + e2e_skipped))
    [ "$e2e_status" -eq 0 ] || [ "$e2e_failed" -gt 0 ] || record "e2e driver exit status" "$e2e_status"
  else
    record "e2e driver produced a summary" 1
  fi
else
  echo "skip - end-to-end test: no .vsix"
  skipped=$((skipped + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
