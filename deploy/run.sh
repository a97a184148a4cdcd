#!/usr/bin/env bash
# Runs the platform locally with the "TechBootCamp demo" camp: installs npm packages, builds the web
# app, starts Azurite (data in .azurite/, ignored by git), maildev (the SMTP server whose web UI shows
# every mail the platform sends) and the server, and stops Azurite and maildev on exit.
set -euo pipefail
# Ctrl+C stops the platform first (its grains write their last state), then Azurite and maildev (the trap below):
# signalled together, the platform waited ~24 s on storage that had already gone.
export SI_DETACH_HELPERS=1
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PORT="${PORT:-5080}"
# Azurite's blob port (queue and table on the next two): another one already listening there would be
# used as is, with its own data.
AZURITE_PORT="${AZURITE_PORT:-10000}"
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
build_web
start_azurite "$ROOT/.azurite/dev" "$AZURITE_PORT"
trap 'stop_maildev; stop_azurite' EXIT INT TERM
start_maildev "$ROOT/.azurite/maildev" "$MAIL_SMTP_PORT" "$MAIL_WEB_PORT"
say "Mail the platform sends (application links, decisions) shows at http://localhost:$MAIL_WEB_PORT"

say "Starting the platform on http://localhost:$PORT (Ctrl+C stops it)"
export Storage__ConnectionString="$(azurite_connection "$AZURITE_PORT")"
export Mail__Host=127.0.0.1 Mail__Port="$MAIL_SMTP_PORT" Mail__Security=None
dotnet run --project src/SocialInnovation.Server -c Release -- \
  --urls "http://0.0.0.0:$PORT" --Demo:Seed=true "$@"
