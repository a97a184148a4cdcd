#!/usr/bin/env bash
# Runs every test: the web app's vitest tests, grain tests (Orleans TestingHost), integration tests against a real Azurite (HTTP,
# SignalR, restart, two-silo cluster, authorization matrix) and browser tests in Debian's Chromium.
# Installs what it needs (npm packages, chromium when root), starts its own Azurite on ports
# 10100-10102 with fresh data and a maildev (SMTP 10105, REST API 10106) that the tests read sent
# mail from, and stops both at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build_web
ensure_chromium
port="${SI_TEST_AZURITE_PORT:-10100}"
rm -rf "$ROOT/.azurite/test-$port"
start_azurite "$ROOT/.azurite/test-$port" "$port"
trap 'stop_maildev; stop_azurite' EXIT INT TERM
export SI_TEST_STORAGE="$(azurite_connection "$port")"
mail_port="${SI_TEST_MAILDEV_PORT:-$((port+5))}"
start_maildev "$ROOT/.azurite/test-$port/maildev" "$mail_port" $((mail_port+1))
export SI_TEST_MAIL_SMTP="$mail_port" SI_TEST_MAIL_WEB=$((mail_port+1))

mkdir -p "$ROOT/.azurite"
say "Running the web app's tests (vitest)"
web_report="$ROOT/.azurite/vitest.json"
rm -f "$web_report"
set +e
(cd "$ROOT/src/SocialInnovation.Web" && npx vitest run --reporter=default --reporter=json --outputFile="$web_report")
web_status=$?
set -e

say "Running the tests"
log="$ROOT/.azurite/dotnet-test.log"
set +e
dotnet test SocialInnovation.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The web app's counts join the total in the same "Passed: N" form; a test file that failed to load
# counts as one failure, and a run that wrote no report failed.
{
  echo "Web app (vitest):"
  node -e 'const fs = require("fs"); const f = process.argv[1];
    const r = fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0 };
    const broken = (r.testResults || []).filter(f => f.status === "failed" && f.assertionResults.length === 0).length;
    console.log(`Passed: ${r.numPassedTests}\nFailed: ${r.numFailedTests + broken}\nSkipped: ${r.numPendingTests + r.numTodoTests}`);' "$web_report"
} | tee -a "$log"
if [ "$status" -eq 0 ] && [ "$web_status" -ne 0 ]; then status=$web_status; fi

# One closing line for the whole run, summed over the test projects' summaries
# ("Passed: N" / "Failed: N" / "Skipped: N" lines of the console logger).
awk '$1 == "Passed:" { p += $2 } $1 == "Failed:" { f += $2 } $1 == "Skipped:" { s += $2 }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
