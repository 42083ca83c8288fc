#!/usr/bin/env bash
# Ingest throughput: how fast `sitrep ingest` reads, annotates and stores a corpus, per core
# (one thread) and on two threads, and how much of that is reading and annotating alone
# (`sitrep annotate`, whose JSON goes to /dev/null). See bench/README.md for what the numbers mean.
#
# It builds nothing: it expects a release build in $BUILD_DIR (default build) holding
# cli/sitrep and bench/make_corpus, e.g.
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build sitrep make_corpus
#
# Settings (environment):
#   BUILD_DIR   build directory, relative to the repository root or absolute   [build]
#   DOCS, SEED  size and seed of the generated corpus                           [10000, 1]
#   CORPUS      corpus directory; generated there if it has no .make_corpus file
#               [${TMPDIR:-/tmp}/sitrep-bench-corpus-$DOCS-s$SEED]
#   RUNS        timed runs per measurement; the median is reported              [3]
#   TIMER       hyperfine or time (GNU /usr/bin/time); hyperfine if installed
#
# Output: one key=value line per measurement, e.g.
#   ingest: threads=1 docs=10000 mb=47.33 seconds=10.09 mb_per_s=4.69 docs_per_s=991.4 stored=10000 failed=0
#           max_rss_mb=18.2 cpu_seconds=6.08 mb_per_cpu_s=7.78 docs_per_cpu_s=1644.3        (one line)
# MB are 10^6 bytes of input files; seconds are wall-clock seconds, cpu_seconds user + system
# time of the process (medians of RUNS).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
DOCS=${DOCS:-10000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
CORPUS=${CORPUS:-${TMPDIR:-/tmp}/sitrep-bench-corpus-$DOCS-s$SEED}
if [ -z "${TIMER:-}" ]; then
  if command -v hyperfine >/dev/null; then TIMER=hyperfine; else TIMER="time"; fi
fi

SITREP=$BUILD_DIR/cli/sitrep
MAKE_CORPUS=$BUILD_DIR/bench/make_corpus
die() { echo "run_ingest_bench: $*" >&2; exit 1; }
[ -x "$SITREP" ] || die "no $SITREP; build it first (see the top of this script)"
[ -x /usr/bin/time ] || die "needs GNU time (apt-get install time)"
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || true)
case "$build_type" in
  Release | RelWithDebInfo) ;;
  *) echo "run_ingest_bench: warning: $BUILD_DIR is a '${build_type:-unknown}' build, not Release" >&2 ;;
esac

# ---- The corpus ----
if [ ! -f "$CORPUS/.make_corpus" ]; then
  [ -x "$MAKE_CORPUS" ] || die "no corpus at $CORPUS and no $MAKE_CORPUS to make one"
  rm -rf "$CORPUS"
  "$MAKE_CORPUS" "$CORPUS" --docs "$DOCS" --seed "$SEED" >&2
fi
# What sitrep will read: the article files it takes from a folder (hidden files are skipped).
input_bytes=$(find "$CORPUS" -type f ! -name '.*' \( -name '*.txt' -o -name '*.html' -o -name '*.jsonl' \) \
  -printf '%s\n' | awk '{s += $1} END {print s + 0}')
corpus_docs=$(sed -n 's/.*docs=\([0-9]*\).*/\1/p' "$CORPUS/.make_corpus")
mb=$(awk -v b="$input_bytes" 'BEGIN {printf "%.2f", b / 1e6}')

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/bench.db

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
# The load average says how far wall seconds can be trusted on a shared machine.
echo "machine: nproc=$(nproc) cpu=\"$cpu\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" timer=$TIMER runs=$RUNS" \
  "build=$BUILD_DIR ($build_type)"
echo "corpus: path=$CORPUS docs=$corpus_docs mb=$mb files=$(find "$CORPUS" -type f ! -name '.*' | wc -l)"

# ---- Timing ----
# measure NAME PREPARE COMMAND: median wall seconds over RUNS runs into $seconds,
# median CPU seconds (user + system) into $cpu, max RSS (MB) into $rss_mb; the last run's
# stdout stays in $WORK/NAME.out. CPU seconds matter on a shared machine: wall seconds grow
# with other people's load, CPU seconds much less.
measure() {
  local name=$1 prepare=$2 cmd=$3
  if [ "$TIMER" = hyperfine ]; then
    # --ignore-failure: a run where some articles failed still counts; the failures are reported.
    hyperfine --style none --ignore-failure --runs "$RUNS" --prepare "$prepare" --export-json "$WORK/$name.json" \
      "$cmd" >&2
    seconds=$(jq '.results[0].median' "$WORK/$name.json")
    cpu=$(jq '[.results[0].user, .results[0].system] | add' "$WORK/$name.json")
    # hyperfine does not record memory: one more run under GNU time for the peak RSS.
    bash -c "$prepare"
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" bash -c "$cmd" >"$WORK/$name.out" || true
    rss_mb=$(tail -1 "$WORK/$name.time" | awk '{printf "%.1f", $2 / 1024}')
  else
    : >"$WORK/$name.times"
    for _ in $(seq "$RUNS"); do
      bash -c "$prepare"
      # A non-zero exit (some articles failed) still counts; GNU time then writes a line
      # about it first, so only the last line is the measurement.
      /usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" bash -c "$cmd" >"$WORK/$name.out" || true
      tail -1 "$WORK/$name.time" >>"$WORK/$name.times"
    done
    seconds=$(sort -n "$WORK/$name.times" | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
    cpu=$(awk '{print $3 + $4}' "$WORK/$name.times" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
    rss_mb=$(awk '$2 > m {m = $2} END {printf "%.1f", m / 1024}' "$WORK/$name.times")
  fi
}

# report LABEL THREADS DOCS [EXTRA]: one result line.
report() {
  awk -v label="$1" -v threads="$2" -v docs="$3" -v mb="$mb" -v s="$seconds" -v extra="${4:-}" -v rss="$rss_mb" \
    -v cpu="$cpu" \
    'BEGIN {printf "%s: threads=%s docs=%s mb=%s seconds=%.2f mb_per_s=%.2f docs_per_s=%.1f%s max_rss_mb=%s" \
                   " cpu_seconds=%.2f mb_per_cpu_s=%.2f docs_per_cpu_s=%.1f\n",
            label, threads, docs, mb, s, mb / s, docs / s, extra, rss, cpu, mb / cpu, docs / cpu}'
}

for threads in 1 2; do
  name=ingest-t$threads
  measure "$name" "rm -f '$DB' '$DB-wal' '$DB-shm' '$DB-journal'" \
    "'$SITREP' ingest '$CORPUS' --db '$DB' --threads $threads"
  # "10000 records in 20.91 s: 10000 documents added (0 new revisions), 0 unchanged, 0 failed -> ..."
  summary=$(grep -E '^[0-9]+ records in' "$WORK/$name.out" | tail -1 || true)
  if [ -z "$summary" ]; then
    cat "$WORK/$name.out" >&2
    die "sitrep ingest printed no summary line (its output is above)"
  fi
  records=$(sed -E 's/^([0-9]+) records.*/\1/' <<<"$summary")
  stored=$(sed -E 's/.*: ([0-9]+) documents added.*/\1/' <<<"$summary")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")
  report ingest "$threads" "$records" " stored=$stored failed=$failed"
  if [ "$records" != "$corpus_docs" ] || [ "$stored" != "$corpus_docs" ]; then
    echo "run_ingest_bench: warning: $corpus_docs documents in the corpus, $records read, $stored stored" >&2
  fi
done

# Reading and annotating without the store; the JSON it prints is thrown away (its cost is
# in these numbers). Two threads show whether the reading side scales on its own.
for threads in 1 2; do
  measure "annotate-t$threads" "true" "'$SITREP' annotate '$CORPUS' --threads $threads > /dev/null"
  report annotate "$threads" "$corpus_docs"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
