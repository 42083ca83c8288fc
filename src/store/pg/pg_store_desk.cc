// The analyst's desk on PostgreSQL: one event with its mentions and corrections (what
// `sitrep explain` and the event page read). The lists and aggregates are in
// pg_store_query.cc, corrections in pg_store_review.cc.
#include <fmt/format.h>

#include <pqxx/pqxx>

#include "store/pg/pg_rows.h"
#include "store/pg/pg_store.h"

namespace sitrep::pg {

// With the mentions of the events merged into it counted, as in SQLite.
Result<DeskEvent> PgStore::GetEvent(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        fmt::format("SELECT {}, (SELECT count(*) FROM event_mentions WHERE event_id = $1"
                    " OR event_id IN (SELECT id FROM events WHERE merged_into = $1)) FROM events WHERE id = $1",
                    kEventColumns),
        id);
    if (rows.empty()) return Status(Code::kNotFound, fmt::format("there is no event {}", id));
    DeskEvent e = ReadEvent(rows[0]);
    e.mentions = rows[0][kEventColumnCount].as<int64_t>();
    return e;
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading event {}", id), e);
  }
}

// `sitrep explain` lists the corrections with every event, and the export writes them.
// The rows are read before `fn` sees any, with the transaction closed, so `fn` may call
// the store itself (one connection holds one transaction at a time).
Status PgStore::ForEachCorrection(std::optional<int64_t> event_id, const std::function<bool(const Correction&)>& fn) {
  try {
    pqxx::result rows;
    {
      pqxx::read_transaction tx(*conn_);
      rows = tx.exec_params(
          "SELECT id, event_id, action, payload::text, replaced::text, anchor::text, result_event, author,"
          " coalesce(note, ''), created_at FROM corrections"
          " WHERE $1::bigint IS NULL OR event_id = $1 OR result_event = $1 ORDER BY id",
          event_id);
    }
    for (const auto& r : rows) {
      Correction c;
      c.id = r[0].as<int64_t>(), c.event_id = r[1].as<int64_t>(), c.action = Text(r[2]), c.payload = Text(r[3]);
      c.before = Text(r[4]), c.anchor = Text(r[5]), c.result_event = Opt<int64_t>(r[6]);
      c.author = Text(r[7]), c.note = Text(r[8]), c.created_at = Text(r[9]);
      if (!fn(c)) break;
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return Failed("reading corrections", e);
  }
}

// The evidence is cut from the text's bytes (offsets are byte offsets) and handed back
// as bytes, so a span that splits a character cannot fail the query.
Result<std::vector<DeskMention>> PgStore::EventMentions(int64_t id) {
  try {
    pqxx::read_transaction tx(*conn_);
    pqxx::result rows = tx.exec_params(
        "SELECT m.event_id, m.doc_id, coalesce(m.sentence_begin, 0), coalesce(m.sentence_end, 0), m.evidence_begin,"
        " m.evidence_end, coalesce(m.confidence, 0), coalesce(d.title, ''), coalesce(d.source, ''),"
        " coalesce(d.url, ''), coalesce(d.published, ''), d.text_hash,"
        " substring(convert_to(d.clean_text, 'UTF8') FROM (m.evidence_begin + 1)::integer"
        "  FOR (m.evidence_end - m.evidence_begin)::integer),"
        " octet_length(d.clean_text), d.input_path"
        " FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
        " WHERE m.event_id = $1 OR m.event_id IN (SELECT id FROM events WHERE merged_into = $1)"
        " ORDER BY d.published, m.doc_id, m.evidence_begin",
        id);
    std::vector<DeskMention> out;
    for (const auto& r : rows) {
      DeskMention m;
      m.event_id = r[0].as<int64_t>(), m.doc_id = r[1].as<int64_t>();
      m.sentence = {r[2].as<uint32_t>(), r[3].as<uint32_t>()};
      m.evidence = {r[4].as<uint32_t>(), r[5].as<uint32_t>()};
      m.confidence = r[6].as<double>(), m.title = Text(r[7]), m.source = Text(r[8]), m.url = Text(r[9]);
      m.published = Text(r[10]), m.text_hash = Text(r[11]), m.evidence_text = pqxx::binarystring(r[12]).str();
      m.doc_bytes = r[13].as<int64_t>(), m.path = Text(r[14]);
      out.push_back(std::move(m));
    }
    return out;
  } catch (const std::exception& e) {
    return Failed(fmt::format("reading the mentions of event {}", id), e);
  }
}

}  // namespace sitrep::pg
