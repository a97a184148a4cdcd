#!/usr/bin/env bash
# Prints measured figures: phase-change acknowledgement and live fan-out to N watchers, and the
# Azure Storage write underneath, against Azurite on ports 10200-10202.
#   bash deploy/bench.sh [watchers=50] [rounds=100]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
rm -rf "$ROOT/.azurite/bench"
start_azurite "$ROOT/.azurite/bench" 10200
trap stop_azurite EXIT INT TERM
export SI_TEST_STORAGE="$(azurite_connection 10200)"
dotnet run -c Release --project tests/SocialInnovation.Benchmarks -- "$@"
