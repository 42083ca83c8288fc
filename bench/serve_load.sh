#!/usr/bin/env bash
# The serving benchmark (not a test): a store of 1,000,000 SYNTHETIC events
# (make_events), `sitrep serve` on loopback, and wrk at 64 connections for 30 s
# against the aggregate endpoints and the filtered event lists; then every export of
# the whole store, timed, with its peak memory. Results go in bench/README.md,
# "## Serving".
#
#   bench/serve_load.sh                 uses ./build (cmake --build build --target sitrep make_events)
#   BUILD=build-serve EVENTS=100000 DURATION=10 bench/serve_load.sh
#   EXPORTS=0 bench/serve_load.sh       the load test only
# Needs wrk (apt-get install -y wrk). Traffic goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
EVENTS=${EVENTS:-1000000}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-64}          # sitrep serve worker threads: one per connection
PORT=${PORT:-18080}
WORK=${WORK:-/tmp/sitrep-serve-bench}
DB=$WORK/events-$EVENTS.db
SITREP=$BUILD/cli/sitrep
command -v wrk >/dev/null || { echo "serve_load: wrk is not installed (apt-get install -y wrk)"; exit 1; }
[ -x "$SITREP" ] && [ -x "$BUILD/bench/make_events" ] || { echo "serve_load: build sitrep and make_events in $BUILD first"; exit 1; }
mkdir -p "$WORK"

if [ ! -f "$DB" ]; then
  echo "== making $EVENTS synthetic events"
  /usr/bin/time -f "make_events: %e s, peak RSS %M KB" "$BUILD/bench/make_events" --db "$DB" --events "$EVENTS"
fi
ls -l "$DB" | awk '{printf "store: %.0f MB\n", $5/1e6}'

"$SITREP" serve --db "$DB" --port "$PORT" --threads "$THREADS" -q > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }

AGGREGATES=(
  "/api/aggregates/counts?bucket=month&by=type"
  "/api/aggregates/counts?bucket=week&by=type&country=PAK"
  "/api/aggregates/counts?bucket=day&by=type,country&from=2024-01-01&to=2024-12-31"
  "/api/aggregates/casualties"
  "/api/aggregates/casualties?country=AFG"
  "/api/aggregates/network?limit=60"
  "/api/aggregates/network?limit=60&type=ASSAULT"
  "/api/places?limit=400"
  "/api/places?limit=400&type=ASSAULT,COERCE"
)
LISTS=(
  "/api/events?limit=25"
  "/api/events?limit=25&actor=PAKGOV"
  "/api/events?limit=25&type=ASSAULT&country=PAK"
  "/api/events?limit=25&from=2023-01-01&to=2023-03-31"
  "/api/events?limit=25&cameo_root=19&offset=100"
  "/api/events?limit=25&country=AFG&type=CONSULT"
  "/api/events?limit=25&lat=33.7&lon=73.05&radius_km=50"
  "/api/events?limit=25&actor=USAGOV&actor_role=target"
)

echo "== cold: the first request of each URL (nothing cached), seconds"
for path in "${AGGREGATES[@]}" "${LISTS[@]}"; do
  printf '%8s  %s\n' "$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$path")" "$path"
done

run_wrk() {  # name, paths...
  local name=$1; shift
  local lua=$WORK/$name.lua
  { echo "local paths = {"; for p in "$@"; do echo "  \"$p\","; done; echo "}"
    echo 'local i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } > "$lua"
  echo "== wrk $name: $CONNECTIONS connections, $DURATION s (RSS before: $(rss) KB)"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$lua" "http://127.0.0.1:$PORT" | tee "$WORK/$name.wrk"
  echo "RSS after: $(rss) KB"
}
run_wrk aggregates "${AGGREGATES[@]}"
run_wrk lists "${LISTS[@]}"
kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT

[ "${EXPORTS:-1}" = 1 ] || exit 0
echo "== exports of all $EVENTS events"
for format in csv plover gdelt gdelt-mentions geojson graphml; do
  /usr/bin/time -f "$format: %e s, peak RSS %M KB" "$SITREP" export --db "$DB" --format "$format" --out "$WORK/export.$format"
  ls -l "$WORK/export.$format" | awk '{printf "  %.0f MB\n", $5/1e6}'
done
awk -F'\t' 'NF != 61 {bad++} END {printf "gdelt: %d rows, %d without 61 columns\n", NR, bad}' "$WORK/export.gdelt"
rm -f "$WORK"/export.*
