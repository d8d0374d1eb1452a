#!/usr/bin/env bash
# Sets everything up and runs the Kassa desktop app on its embedded SQLite database, with
# the demo store loaded when the database is empty. The database is KASSA_DB if set, else
# the OS app-data folder; `scripts/app.sh --db PATH` picks another file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
kassa_setup
cd "$KASSA_ROOT"

log "Building the app (the first build takes several minutes)"
ui/node_modules/.bin/tauri build --debug --no-bundle --ci -- -p kassa-desktop >/dev/null
cargo build --quiet -p kassa-cli

database_args=()
if [ "${1:-}" = "--db" ] && [ -n "${2:-}" ]; then
  database_args=(--db "$2")
fi
"$CARGO_TARGET_DIR/debug/kassa" "${database_args[@]}" demo --if-empty

log "Starting Kassa"
exec "$CARGO_TARGET_DIR/debug/kassa-desktop" "${database_args[@]}"
