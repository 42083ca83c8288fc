#!/usr/bin/env bash
# The main job on the project's own sample corpus: install, build, ingest examples/news
# into a fresh SQLite store, then print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
DB=${DB:-sitrep-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
sitrep=build/cli/sitrep
echo
$sitrep ingest examples/news --db "$DB" || true   # exit 1 only says some input failed
echo
echo "== What sitrep found in examples/news (store: $DB) =="
sqlite3 -header -column "$DB" "
  SELECT id, substr(title, 1, 58) AS title, coalesce(published, '?') AS published,
         coalesce(nullif(dateline_place, ''), '-') AS dateline, coalesce(nullif(source, ''), '-') AS source,
         length(clean_text) AS chars, json_array_length(dropped) AS dropped
  FROM documents ORDER BY id;"
echo
echo "== What was left out, by reason =="
sqlite3 -column "$DB" "
  SELECT count(*) AS n, json_extract(d.value, '$.reason') AS reason
  FROM documents, json_each(documents.dropped) AS d GROUP BY reason ORDER BY n DESC;"
echo
$sitrep show dar-bass --db "$DB" | head -40
echo
echo "== Full-text search: Munir =="
$sitrep search Munir --db "$DB"
echo
$sitrep events --db "$DB"
