# Shared by run.sh, test.sh and cluster.sh: installs what the platform needs and runs Azurite.
# Sourced, not run. Everything it installs comes from the project's own pinned package files.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# npm ci when node_modules is missing or older than the lock file.
npm_install() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in ${dir#$ROOT/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_web() {
  npm_install "$ROOT/src/SocialInnovation.Web"
  say "Building the web app"
  (cd "$ROOT/src/SocialInnovation.Web" && npm run build --silent)
}

# The connection string for an Azurite whose blob service listens on $1 (queue $1+1, table $1+2).
azurite_connection() {
  local p="$1"
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$p/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((p+1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((p+2))/devstoreaccount1;"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# SI_DETACH_HELPERS=1 (deploy/run.sh) starts Azurite and maildev in a session of their own, so a terminal's Ctrl+C
# reaches only the platform: it shuts down while its storage still answers, and the script's trap stops the rest after.
DETACH=""
[ "${SI_DETACH_HELPERS:-0}" = 1 ] && DETACH="setsid"

# start_azurite <data-dir> <blob-port>: starts Azurite unless one already answers on that port.
AZURITE_PID=""
start_azurite() {
  local dir="$1" port="$2"
  npm_install "$ROOT/deploy"
  if port_open "$port"; then
    say "Azurite already listening on $port; using it"
    return
  fi
  mkdir -p "$dir"
  say "Starting Azurite on ports $port-$((port+2)), data in ${dir#$ROOT/}"
  # Azurite's request log (--debug) costs it CPU on every request, which the benchmark and the tests
  # share with the platform on a small machine: only when asked for (SI_AZURITE_DEBUG=1).
  local debug=()
  [ "${SI_AZURITE_DEBUG:-0}" = 1 ] && debug=(--debug "$dir/debug.log")
  $DETACH "$ROOT/deploy/node_modules/.bin/azurite" --silent --location "$dir" "${debug[@]}" \
    --blobHost 127.0.0.1 --blobPort "$port" --queueHost 127.0.0.1 --queuePort $((port+1)) \
    --tableHost 127.0.0.1 --tablePort $((port+2)) --skipApiVersionCheck --loose --disableTelemetry >"$dir/azurite.out" 2>&1 &
  AZURITE_PID=$!
  wait_for_ports "$AZURITE_PID" Azurite "$dir/azurite.out" 30 "$port" $((port+2))
}

stop_azurite() {
  stop_server "$AZURITE_PID" Azurite
  AZURITE_PID=""
}

# wait_for_ports <pid> <name> <log> <seconds> <port>...: until the server started as <pid> listens on every
# port; fails at once, showing its log, if it exits first.
wait_for_ports() {
  local pid="$1" name="$2" log="$3" seconds="$4"
  shift 4
  for _ in $(seq 1 $((seconds * 2))); do
    local all=1 p
    for p in "$@"; do port_open "$p" || all=0; done
    [ "$all" = 1 ] && return
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "$name did not start" >&2; return 1; fi
    sleep 0.5
  done
  echo "$name did not open its ports within $seconds s" >&2
  return 1
}

# stop_server <pid> <name>: stops a server this script started (nothing when it did not start one).
stop_server() {
  local pid="$1" name="$2"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "Stopping $name"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

# start_maildev <data-dir> <smtp-port> <web-port>: an SMTP server that keeps every mail it gets and shows
# them in a web UI (and its REST API, GET /api/email), unless one already answers on the SMTP port.
MAILDEV_PID=""
start_maildev() {
  local dir="$1" smtp="$2" web="$3"
  npm_install "$ROOT/deploy"
  if port_open "$smtp"; then
    say "An SMTP server already listens on $smtp; using it"
    return
  fi
  mkdir -p "$dir"
  say "Starting maildev: SMTP on $smtp, mails shown at http://localhost:$web"
  $DETACH "$ROOT/deploy/node_modules/.bin/maildev" --smtp "$smtp" --web "$web" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --mail-directory "$dir" --silent >"$dir/maildev.out" 2>&1 &
  MAILDEV_PID=$!
  wait_for_ports "$MAILDEV_PID" maildev "$dir/maildev.out" 60 "$smtp" "$web"
}

stop_maildev() {
  stop_server "$MAILDEV_PID" maildev
  MAILDEV_PID=""
}

# Debian's chromium for the browser tests; Playwright's own browser download does not work here.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return
  if [ "$(id -u)" = "0" ]; then
    say "Installing chromium (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
    return 1
  fi
}
