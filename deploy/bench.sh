#!/usr/bin/env bash
# The live-stream benchmark of issue 19. Starts Azurite, the product (one node), a bare SignalR hub and
# a naive hub (blob write, then broadcast) as separate processes, and runs the swarm (its own process)
# against each of them in turn, printing markdown tables with the ratios the goals are stated in.
#   bash deploy/bench.sh [scenario|all] [runs=1] [scale=1] [seconds=10]
# Ports: SI_BENCH_PORT (Azurite, default 10300), SI_BENCH_HTTP (product, bare, naive: default 5180-5182).
# Scenarios: spread (100 x 20 at 1/s), rooms (10 x 50 at 2/s), crowd (1 x 2000 at 5/s), join (2000
# people join one camp), slow (slow consumers), flood (a connection flooding Watch), boards (issue 16),
# votes (issue 18: 2000 and 10000 audience voters), judges (issue 18: 50 judges x 30 teams in 30 s);
# all = every one.
# scale multiplies watchers and people (0.1 for a quick look); seconds is how long changes are made.
# SI_BENCH_SHAPES keeps only the shapes whose name contains it; SI_BENCH_PRODUCT_ENV ("NAME=value ...") is
# the environment the product alone starts with (e.g. a GC setting tried against the same reference hubs).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PORT="${SI_BENCH_PORT:-10300}"
# The product, bare and naive hubs listen on HTTP, HTTP+1 and HTTP+2 (silo ports follow HTTP), so two
# benchmark runs on one machine with different SI_BENCH_HTTP do not answer each other's swarm.
HTTP="${SI_BENCH_HTTP:-5180}"
for p in "$HTTP" $((HTTP + 1)) $((HTTP + 2)); do
  # Otherwise the swarm would quietly measure (and load) whatever already answers there.
  if port_open "$p"; then echo "Port $p is in use (another benchmark?); pick other ports with SI_BENCH_HTTP." >&2; exit 1; fi
done

# An Azurite already there would be reused with whatever it holds, and its data folder deleted under it.
if port_open "$PORT"; then echo "Port $PORT is in use (another Azurite?); pick another with SI_BENCH_PORT." >&2; exit 1; fi
rm -rf "$ROOT/.azurite/bench"
start_azurite "$ROOT/.azurite/bench" "$PORT"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  stop_azurite
}
trap cleanup EXIT INT TERM
STORAGE="$(azurite_connection "$PORT")"

say "Building"
dotnet build src/SocialInnovation.Server -c Release -v quiet -nologo
dotnet build tests/SocialInnovation.Benchmarks -c Release -v quiet -nologo
APP="$ROOT/src/SocialInnovation.Server/bin/Release/net10.0/SocialInnovation.Server.dll"
BENCH="$ROOT/tests/SocialInnovation.Benchmarks/bin/Release/net10.0/SocialInnovation.Benchmarks.dll"

wait_for() { for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" 2>/dev/null && return; sleep 0.5; done; echo "$1 did not answer" >&2; exit 1; }

# The product as deploy/run.sh starts it, on its own storage container. Rate limits are the hardening
# settings turned up so the swarm measures the live path, not the limiter.
env ${SI_BENCH_PRODUCT_ENV:-} dotnet "$APP" --contentRoot "$ROOT/src/SocialInnovation.Server" --urls http://127.0.0.1:$HTTP \
  --Storage:ConnectionString="$STORAGE" --Storage:StateContainer=bench-state --Cluster:SiloPort=$((HTTP + 6000)) --Cluster:GatewayPort=$((HTTP + 25000)) \
  --Platform:OrganizerKey=test-organizer-key-0123456789abcdef --Logging:LogLevel:Default=Warning \
  --RateLimits:Enabled=false >"$ROOT/.azurite/bench/product.log" 2>&1 &
pids+=($!)
# The reference hubs run with the product's runtime settings (its csproj: server GC, tiered compilation
# off, no thread-pool spinning), so a ratio compares designs, not runtime flags. The swarm keeps the defaults.
HUB_RUNTIME=(DOTNET_gcServer=1 DOTNET_TieredCompilation=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)
env "${HUB_RUNTIME[@]}" dotnet "$BENCH" host bare http://127.0.0.1:$((HTTP + 1)) >"$ROOT/.azurite/bench/bare.log" 2>&1 &
pids+=($!)
env "${HUB_RUNTIME[@]}" dotnet "$BENCH" host naive http://127.0.0.1:$((HTTP + 2)) "$STORAGE" >"$ROOT/.azurite/bench/naive.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:$HTTP/health
sleep 1
# The swarm reads these processes' CPU time around each shape's changes (ProcessCpu.cs).
export SI_BENCH_PIDS="product=${pids[0]},bare=${pids[1]},naive=${pids[2]},storage=${AZURITE_PID}"

say "Running the swarm"
dotnet "$BENCH" swarm http://127.0.0.1:$((HTTP + 1)) http://127.0.0.1:$((HTTP + 2)) http://127.0.0.1:$HTTP "${1:-all}" "${2:-1}" "${3:-1}" "${4:-10}"
SI_TEST_STORAGE="$STORAGE" dotnet "$BENCH" baseline
