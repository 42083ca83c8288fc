#!/usr/bin/env bash
# Reproduces the trained models of the language core and prints their scores:
#   models/tagger.model      part-of-speech tagger (UPOS + Penn XPOS)
#   models/lemmatizer.model  lemmatizer
#   models/parser.model      dependency parser (UD relations)
# from UD English EWT (train split; dev picks the epochs) and WordNet 3.0 (Debian package
# wordnet-base, for words unseen in training), then scores them on EWT dev and test with
# `sitrep eval ud`. Deterministic: the same data and seed give the same files.
#
#   scripts/train-models.sh                 # defaults below
#   DATA=path/to/ud-ewt OUT=/tmp/models scripts/train-models.sh
#
# Takes about ten minutes on one core; needs about 2 GB of memory.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-../shared/data/nlp/ud-ewt}
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

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" --target sitrep -- -j1
SITREP="$BUILD_DIR/cli/sitrep"

mkdir -p "$OUT"
"$SITREP" train --data "$DATA" --out "$OUT" --wordnet "$WORDNET" --seed "$SEED"

echo
ls -l "$OUT"/tagger.model "$OUT"/lemmatizer.model "$OUT"/parser.model
du -ch "$OUT"/*.model | tail -1
for split in dev test; do
  echo
  echo "== EWT $split"
  SITREP_MODELS="$OUT" "$SITREP" eval ud --data "$DATA" --split "$split"
done
