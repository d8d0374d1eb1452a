#!/usr/bin/env bash
# Installs what Kassa needs on a Debian/Ubuntu machine, and nothing when it is all there:
# system packages (WebKitGTK, Xvfb, test tools), the UI's and the e2e tests' npm packages,
# tauri-driver, and for the tests aiosmtpd (the SMTP server the mail tests start). Sourced
# by scripts/app.sh and scripts/test.sh; safe to run again.
set -euo pipefail

KASSA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KASSA_ROOT
# Builds are reused across clones and runs; a cold target folder still works.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kassa/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

APT_PACKAGES=(
  build-essential pkg-config curl wget file libssl-dev libxdo-dev
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev libdbus-1-dev
  xvfb xauth webkit2gtk-driver dbus dbus-x11 at-spi2-core
  imagemagick poppler-utils zbar-tools python3-pip
)
# The real SMTP server the mail tests send to (aiosmtpd, from PyPI).
AIOSMTPD_VERSION=1.4.6
TAURI_DRIVER_VERSION=2.1.0

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

check_toolchains() {
  if ! command -v cargo >/dev/null; then
    echo "Rust is missing: install it with rustup (Rust 1.94 or newer), then run this again." >&2
    exit 1
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "Installing Node.js and npm"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
}

# npm ci only when the lock file changed since the last install in that folder.
install_npm_packages() {
  local folder="$1" stamp hash
  stamp="$folder/node_modules/.kassa-lock-hash"
  hash="$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    log "Installing npm packages in ${folder#"$KASSA_ROOT"/}"
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
}

install_cargo_tools() {
  if ! command -v tauri-driver >/dev/null || ! tauri-driver --help 2>/dev/null | grep -q -- '--port'; then
    log "Installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install "tauri-driver@$TAURI_DRIVER_VERSION" --locked --quiet
  fi
}

install_test_servers() {
  # aiosmtpd.smtp, not aiosmtpd: a Python can have the package without its dependencies.
  if ! python3 -c 'import aiosmtpd.smtp' 2>/dev/null; then
    log "Installing aiosmtpd $AIOSMTPD_VERSION (the SMTP server of the mail tests)"
    python3 -m pip install --quiet --user --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION" 2>/dev/null ||
      python3 -m pip install --quiet --user --disable-pip-version-check --break-system-packages "aiosmtpd==$AIOSMTPD_VERSION"
  fi
}

kassa_setup() {
  install_system_packages
  check_toolchains
  install_npm_packages "$KASSA_ROOT/ui"
  install_cargo_tools
  export PATH="$HOME/.cargo/bin:$PATH"
}
