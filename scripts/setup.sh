#!/usr/bin/env bash
# Installs what sitrep needs from Debian 12's packages and builds it (release build in
# ./build). Safe to run again: it installs only what is missing and rebuilds only what
# changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libre2-dev libsqlite3-dev sqlite3 zlib1g-dev libxxhash-dev libuchardet-dev
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev libcpp-httplib-dev
  postgresql libpqxx-dev libpq-dev nats-server libnats-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes
  chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

# The web UI (web/dist, which `sitrep serve` serves) and playwright-core for its browser
# tests; npm ci only when the lock file changed since the last install.
if command -v node >/dev/null && command -v npm >/dev/null; then
  (
    cd web
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund
    fi
    npm run build --silent
  )
fi
