#!/usr/bin/env bash
# Article extraction: sitrep's HTML reader and Readability.js (over linkedom) on the same
# pages of the article-extraction benchmark, in one run, each on one core, both scored by
# sitrep's re-implementation of the benchmark's scorer. See bench/README.md ("Extraction").
#
# It builds nothing: it expects a release build in $BUILD_DIR holding cli/sitrep, e.g.
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build sitrep
# and installs the peer's npm packages (bench/readability/package-lock.json) on first use.
#
# Settings (environment):
#   BUILD_DIR  build directory, relative to the repository root or absolute   [build]
#   DATA       the benchmark folder (ground-truth.json, html/*.html.gz)
#              [../shared/data/nlp/article-extraction-benchmark]
#   LIMIT      only the first N pages in id order; 0 for all                   [0]
#   CPU        the core both runs are pinned to (taskset), when taskset exists [0]
#
# Output: each extractor's speed line, its score lines, then a summary:
#   extraction-bench: sitrep_pages_per_s=.. readability_pages_per_s=.. speedup=..
# Speeds are pages per CPU second of the one thread that parses and extracts (reading and
# inflating the files excluded on both sides), so other work on the machine does not count.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
DATA=${DATA:-../shared/data/nlp/article-extraction-benchmark}
LIMIT=${LIMIT:-0}
CPU=${CPU:-0}
SITREP="$BUILD_DIR/cli/sitrep"

[ -x "$SITREP" ] || { echo "run_extraction_bench: no $SITREP; build it first (see the header)" >&2; exit 2; }
[ -f "$DATA/ground-truth.json" ] || { echo "run_extraction_bench: no benchmark data in $DATA" >&2; exit 2; }
command -v node >/dev/null || { echo "run_extraction_bench: node is needed for the Readability peer" >&2; exit 2; }
if [ ! -d bench/readability/node_modules ]; then
  (cd bench/readability && npm ci --no-audit --no-fund --loglevel=error)
fi

PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "$CPU"); fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-extraction-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== Readability.js 0.6.0 over linkedom 0.18.15 (node $(node --version), --single-threaded)"
# --single-threaded: V8's garbage collector and compiler run on the measured thread.
"${PIN[@]}" node --single-threaded bench/readability/run.mjs --data "$DATA" --limit "$LIMIT" \
  --out "$WORK/readability.json" | tee "$WORK/readability.txt"
"$SITREP" eval extraction --data "$DATA" --limit "$LIMIT" --predictions "$WORK/readability.json"

echo "== sitrep $("$SITREP" --version 2>/dev/null | awk '{print $2}')"
"${PIN[@]}" "$SITREP" eval extraction --data "$DATA" --limit "$LIMIT" | tee "$WORK/sitrep.txt"

pages_per_s() { sed -n 's/.* \([0-9.]*\) pages\/s.*/\1/p' "$1" | head -1; }
SITREP_RATE=$(pages_per_s "$WORK/sitrep.txt")
PEER_RATE=$(pages_per_s "$WORK/readability.txt")
awk -v s="$SITREP_RATE" -v r="$PEER_RATE" 'BEGIN {
  printf "extraction-bench: sitrep_pages_per_s=%.1f readability_pages_per_s=%.1f speedup=%.1f\n", s, r, s / r }'
