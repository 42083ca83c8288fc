#!/usr/bin/env bash
# Workers on the queue, measured: articles per second with 1 and 2 workers, and CPU per
# article split into the workers, PostgreSQL and nats-server; then the PostgreSQL write
# alone (bench/pg_write_bench.cc) with the server's cost per statement from
# pg_stat_statements. docs/scale-out.md ("Measured on this machine") has the results.
#
#   bench/run_queue_bench.sh       # BUILD_DIR=build DOCS=1000 SEED=1 WORKERS="1 2" BATCH=16
#   PARTS=write bench/run_queue_bench.sh    # only the write benchmark (PARTS=queue: only workers)
#
# It starts its own PostgreSQL (initdb in a temporary directory, durable settings: fsync
# and synchronous_commit on) and nats-server on 127.0.0.1, and removes both at the end.
# CPU times come from /proc: the postmaster with every child, live or reaped. On a shared
# machine CPU seconds are the measure; wall time grows with everyone else's load, so
# the load average is printed with each result.
set -euo pipefail

BUILD_DIR=${BUILD_DIR:-build}
DOCS=${DOCS:-1000}
SEED=${SEED:-1}
WORKERS=${WORKERS:-"1 2"}
BATCH=${BATCH:-16}
PARTS=${PARTS:-"queue write"}
PG_BIN=${SITREP_PG_BIN:-/usr/lib/postgresql/15/bin}
SITREP=$BUILD_DIR/cli/sitrep
CORPUS=${CORPUS:-${TMPDIR:-/tmp}/sitrep-bench-corpus-$DOCS-s$SEED}
TICK=$(getconf CLK_TCK)

[ -x "$SITREP" ] || { echo "no $SITREP: build sitrep, make_corpus and pg_write_bench first" >&2; exit 1; }
[ -d "$CORPUS" ] || "$BUILD_DIR/bench/make_corpus" "$CORPUS" --docs "$DOCS" --seed "$SEED" >/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-queue-bench-XXXXXX")
AS=""
if [ "$(id -u)" = 0 ]; then chown nobody "$WORK"; AS="runuser -u nobody --"; fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port)
NATS_PORT=$(free_port)
NATS=nats://127.0.0.1:$NATS_PORT
NATS_PID=""

cleanup() {
  set +e  # a killed server's exit status must not stop the rest of the cleanup
  [ -n "$NATS_PID" ] && kill "$NATS_PID" 2>/dev/null && wait "$NATS_PID" 2>/dev/null
  $AS "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

$AS "$PG_BIN/initdb" -D "$WORK/data" -U sitrep -A trust -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1
$AS "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w start -o "-c listen_addresses=127.0.0.1 -p $PG_PORT \
  -k $WORK -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" >/dev/null
PG_PID=$(head -1 "$WORK/data/postmaster.pid")
nats-server -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$WORK/js" >"$WORK/nats.log" 2>&1 &
NATS_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null && break; sleep 0.1; done

uri() { echo "postgresql://sitrep@127.0.0.1:$PG_PORT/$1"; }
sql() { psql -qAtX -d "$(uri "$1")" -c "$2"; }

# CPU seconds of one process (utime + stime), and of the whole server: the postmaster,
# its live children and the children it has reaped (cutime + cstime).
proc_cpu() { awk -v t="$TICK" '{ sub(/^.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat"; }
server_cpu() {
  local total
  total=$(awk -v t="$TICK" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / t }' "/proc/$PG_PID/stat")
  for child in $(pgrep -P "$PG_PID"); do
    total=$(echo "$total + $(proc_cpu "$child" 2>/dev/null || echo 0)" | bc -l)
  done
  echo "$total"
}
ms_per_doc() { echo "scale=2; 1000 * ($1) / $DOCS" | bc -l; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# A fresh database, migrated (an empty merge opens it for writing), statistics zeroed.
new_db() {
  sql postgres "CREATE DATABASE $1" >/dev/null
  sql "$1" "CREATE EXTENSION pg_stat_statements" >/dev/null
  "$BUILD_DIR/bench/pg_write_bench" /dev/null --db "$(uri "$1")"
  sql "$1" "SELECT pg_stat_statements_reset()" >/dev/null
}

# The statements of database $1 by server time, per article.
statements() {
  sql "$1" "SELECT round((total_exec_time / $DOCS)::numeric, 3) || ' ms/doc  ' || calls || ' calls  ' ||
    left(regexp_replace(query, '\s+', ' ', 'g'), 110)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$1')
    ORDER BY total_exec_time DESC LIMIT 12" | sed 's/^/  /'
}

echo "machine: $(nproc) cores, load $(load), $(date -u +%FT%TZ), docs=$DOCS batch=$BATCH"

if [[ " $PARTS " == *" queue "* ]]; then
  for w in $WORKERS; do
    db=queue_w$w stream=BENCH_W$w
    new_db "$db"
    nats_before=$(proc_cpu "$NATS_PID")
    /usr/bin/time -f '%U %S' -o "$WORK/submit.time" \
      "$SITREP" submit "$CORPUS" --queue "$NATS" --stream "$stream" >/dev/null
    submit_cpu=$(awk '{ print $1 + $2 }' "$WORK/submit.time")
    # A backend that has exited but is not yet reaped is in neither count: let psql's go first.
    sleep 1
    pg_before=$(server_cpu) nats_mid=$(proc_cpu "$NATS_PID") load_before=$(load)
    start=$(date +%s.%N)
    pids=()
    for i in $(seq "$w"); do
      /usr/bin/time -f '%U %S' -o "$WORK/worker$i.time" "$SITREP" worker -q --queue "$NATS" --stream "$stream" \
        --db "$(uri "$db")" --threads 1 --batch "$BATCH" --idle-exit 2 &
      pids+=($!)
    done
    wait "${pids[@]}"
    sleep 1  # the workers' backends exit after them
    pg_after=$(server_cpu) nats_after=$(proc_cpu "$NATS_PID")
    # Drained at the last commit, not when the workers noticed the queue was empty.
    last=$(sql "$db" "SELECT extract(epoch FROM max(committed_at)) FROM store_commits")
    stored=$(sql "$db" "SELECT count(*) FROM documents")
    worker_cpu=$(cat "$WORK"/worker*.time | awk '{ s += $1 + $2 } END { print s }')
    rm -f "$WORK"/worker*.time
    wall=$(echo "$last - $start" | bc -l)
    printf 'queue: workers=%s docs=%s stored=%s wall_s=%.1f articles_per_s=%.1f worker_cpu_ms=%s pg_cpu_ms=%s nats_cpu_ms=%s submit_cpu_ms=%s submit_nats_cpu_ms=%s load_before=%s load_after=%s\n' \
      "$w" "$DOCS" "$stored" "$wall" "$(echo "$DOCS / $wall" | bc -l)" "$(ms_per_doc "$worker_cpu")" \
      "$(ms_per_doc "$pg_after - $pg_before")" "$(ms_per_doc "$nats_after - $nats_mid")" \
      "$(ms_per_doc "$submit_cpu")" "$(ms_per_doc "$nats_mid - $nats_before")" "${load_before// /,}" "$(load | tr ' ' ,)"
    statements "$db"
  done
fi

if [[ " $PARTS " == *" write "* ]]; then
  CODED=${CODED:-${TMPDIR:-/tmp}/sitrep-bench-coded-$DOCS-s$SEED.jsonl}
  [ -s "$CODED" ] || "${ANNOTATE:-$SITREP}" annotate --threads 1 --format coded "$CORPUS" >"$CODED"
  new_db write
  echo "write: load $(load)"
  "$BUILD_DIR/bench/pg_write_bench" "$CODED" --db "$(uri write)" --batch "$BATCH"
  statements write
  # Written a second time: every document is found and nothing is added.
  "$BUILD_DIR/bench/pg_write_bench" "$CODED" --db "$(uri write)" --batch "$BATCH" | sed 's/^pg_write:/pg_rewrite:/'
fi
