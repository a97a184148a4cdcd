#!/usr/bin/env bash
# Losing a node (issue 19): a 3-node cluster (Azure Table clustering on Azurite), watchers and writers
# through all nodes, and `kill -9` of one node per round, which is then started again. Prints, per
# round, kill -> next acknowledged write (worst camp), the surviving watchers' longest pause and how
# long the killed node's watchers were without events; then acknowledged writes lost or doubled and
# watchers left stale.
#   bash deploy/fault.sh [rounds=5]
# SI_BENCH_PORT: Azurite's first port (10300); SI_FAULT_PORT_OFFSET: added to the nodes' ports (HTTP 5291-5293,
# silo 11291-11293, gateway 30291-30293), so two runs on one machine do not collide; SI_FAULT_DEBUG: namespaces the
# nodes log at Debug, e.g. SocialInnovation.Grains.Live (the notifiers' node lists and sends, with times).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PORT="${SI_BENCH_PORT:-10300}"

rm -rf "$ROOT/.azurite/fault"
start_azurite "$ROOT/.azurite/fault" "$PORT"
trap stop_azurite EXIT INT TERM

say "Building"
dotnet build src/SocialInnovation.Server -c Release -v quiet -nologo
dotnet build tests/SocialInnovation.Benchmarks -c Release -v quiet -nologo
APP="$ROOT/src/SocialInnovation.Server/bin/Release/net10.0/SocialInnovation.Server.dll"
BENCH="$ROOT/tests/SocialInnovation.Benchmarks/bin/Release/net10.0/SocialInnovation.Benchmarks.dll"

say "Running $((${1:-5})) rounds (the program starts and kills the nodes itself)"
dotnet "$BENCH" fault "$APP" "$ROOT/src/SocialInnovation.Server" "$(azurite_connection "$PORT")" "${1:-5}" "$ROOT/.azurite/fault"
say "Node logs: .azurite/fault/node-*.log"
