#!/usr/bin/env bash
# Starts Azurite and N silos (default 2, at most 3) on this machine as ONE Orleans cluster, using Azure
# Table clustering on Azurite. Node i serves http://localhost:508i. A browser on any node sees changes
# made through any other. Ctrl+C stops everything.
#   bash deploy/cluster.sh [N]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

N="${1:-2}"
[[ "$N" =~ ^[1-3]$ ]] || { echo "usage: deploy/cluster.sh [1-3]" >&2; exit 2; }

build_web
start_azurite "$ROOT/.azurite/cluster" 10000
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  stop_azurite
}
trap cleanup EXIT INT TERM

say "Building the server"
dotnet build src/SocialInnovation.Server -c Release -v quiet -nologo
APP="$ROOT/src/SocialInnovation.Server/bin/Release/net10.0/SocialInnovation.Server.dll"
export Storage__ConnectionString="$(azurite_connection 10000)"
for i in $(seq 1 "$N"); do
  say "Starting silo $i on http://localhost:508$i"
  seed=false; [ "$i" = 1 ] && seed=true
  # The app itself is the background job (its output is prefixed through process substitution),
  # so stopping it is one signal and it shuts down gracefully.
  dotnet "$APP" --contentRoot "$ROOT/src/SocialInnovation.Server" \
    --urls "http://0.0.0.0:508$i" --Cluster:Mode=AzureTable --Cluster:Id=socialinnovation-local \
    --Cluster:SiloPort=$((11110 + i)) --Cluster:GatewayPort=$((30000 + i)) \
    --Platform:PublicBaseUrl="http://localhost:508$i" --Demo:Seed=$seed > >(sed -u "s/^/[silo $i] /") 2>&1 &
  pids+=($!)
  # The first silo seeds the demo camp and prints its links; later silos join once it is up.
  for _ in $(seq 1 120); do curl -fs "http://localhost:508$i/health" >/dev/null 2>&1 && break; sleep 0.5; done
done
say "$N silos are up. Open http://localhost:5081 and http://localhost:5082 side by side."
wait "${pids[@]}"
