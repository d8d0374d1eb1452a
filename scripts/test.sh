#!/usr/bin/env bash
# Sets everything up and runs every check and test: formatting, clippy (warnings are
# errors), the UI's type check, linter, unit tests and build, the Rust tests, the
# TypeScript bindings' freshness, and the end-to-end test that drives the real desktop
# app under Xvfb. CI runs exactly this (.ci/run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
kassa_setup
install_npm_packages "$KASSA_ROOT/tests/e2e"
install_test_servers
cd "$KASSA_ROOT"

# Tests must never touch the user's real data folder: point every app-data lookup at a
# throwaway folder and check it is still empty at the end.
sandbox_home="$(mktemp -d)"
trap 'rm -rf "$sandbox_home"' EXIT
export XDG_DATA_HOME="$sandbox_home/data" XDG_CONFIG_HOME="$sandbox_home/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
unset KASSA_DB

log "Formatting"
cargo fmt --all -- --check

log "UI: type check, lint, unit tests, build"
(cd ui && npm run --silent check && npm run --silent lint && npm run --silent test && npm run --silent build)

log "Clippy (all crates and targets, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

log "Rust tests"
cargo test --quiet

log "Generated TypeScript bindings are up to date"
if [ -n "$(git status --porcelain -- ui/src/lib/api/bindings)" ]; then
  git status --porcelain -- ui/src/lib/api/bindings
  echo "The bindings in ui/src/lib/api/bindings changed when the tests regenerated them: commit them." >&2
  exit 1
fi

log "Building the desktop app with the embedded UI"
ui/node_modules/.bin/tauri build --debug --no-bundle --ci -- -p kassa-desktop >/dev/null

log "End-to-end tests in the real app"
# Fresh screenshots; the document pictures the cargo tests left in subfolders stay.
find tests/artifacts -maxdepth 1 -name '*.png' -delete 2>/dev/null || true
export KASSA_DESKTOP_BIN="$CARGO_TARGET_DIR/debug/kassa-desktop"
# The app keeps the SMTP password in memory here: tests never touch the user's keyring.
export KASSA_SECRETS=memory
export KASSA_CLI_BIN="$CARGO_TARGET_DIR/debug/kassa"
# A hard limit: a stuck driver or app must fail the run, never hold CI until its own
# limit; and nothing the tests started may outlive them (it would hold the output open).
e2e_status=0
(cd tests/e2e && timeout --kill-after=30 1800 dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' npm test --silent) || e2e_status=$?
pkill -KILL -x tauri-driver 2>/dev/null || true
pkill -KILL -x WebKitWebDriver 2>/dev/null || true
pkill -KILL -f "$KASSA_DESKTOP_BIN" 2>/dev/null || true
if [ "$e2e_status" -ne 0 ]; then
  echo "The end-to-end tests failed (exit status $e2e_status; 124 means they ran out of time)." >&2
  exit "$e2e_status"
fi

# (WebKit keeps its own web storage there; what must never appear is a Kassa database.)
if [ -n "$(find "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" -name '*.sqlite3*' -print -quit)" ]; then
  echo "A test created a database in the (sandboxed) user data folder: tests must use --db or KASSA_DB." >&2
  find "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" -name '*.sqlite3*' >&2
  exit 1
fi
log "All checks and tests passed"
