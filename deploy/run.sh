#!/usr/bin/env bash
# Runs the platform locally with the "TechBootCamp demo" camp: installs npm packages, builds the web
# app, starts Azurite (data in .azurite/, ignored by git) and the server, and stops Azurite on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PORT="${PORT:-5080}"
build_web
start_azurite "$ROOT/.azurite/dev" 10000
trap stop_azurite EXIT INT TERM

say "Starting the platform on http://localhost:$PORT (Ctrl+C stops it)"
export Storage__ConnectionString="$(azurite_connection 10000)"
dotnet run --project src/SocialInnovation.Server -c Release -- \
  --urls "http://0.0.0.0:$PORT" --Demo:Seed=true "$@"
