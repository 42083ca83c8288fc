// The analyst's desk, reading: filtered event lists, one event with its mentions,
// streaming for exports, and the aggregates the dashboard draws (counts by period,
// casualties, the actor network, places), plus actors, stories and documents.
//
// Every filter goes through BuildFilterSql, which binds values as parameters. The
// aggregates are plain GROUP BY queries over indexed columns; the server caches their
// answers, so a million events are scanned once per change of the store, not per view.
#include <fmt/format.h>

#include "store/event_filter_sql.h"
#include "store/sqlite_store.h"

namespace sitrep::sqlite {

namespace {

// The columns DeskEvent is read from, in ReadEvent's order.
constexpr std::string_view kEventColumns =
    "id, date, ifnull(date_precision, ''), type, ifnull(mode, ''), ifnull(context, ''), ifnull(cameo, ''),"
    " ifnull(quad_class, 0), goldstein, ifnull(source_actor, ''), ifnull(target_actor, ''), ifnull(place, ''),"
    " ifnull(country, ''), ifnull(admin1, ''), latitude, longitude, killed, injured, ifnull(confidence, 0),"
    " story_id, status, merged_into, coded_by, created_at, ifnull(merge_note, '')";
constexpr int kEventColumnCount = 25;

std::optional<double> OptReal(const Statement& s, int c) {
  return s.IsNull(c) ? std::nullopt : std::optional<double>(s.Real(c));
}
std::optional<int64_t> OptInt(const Statement& s, int c) {
  return s.IsNull(c) ? std::nullopt : std::optional<int64_t>(s.Int(c));
}

DeskEvent ReadEvent(const Statement& s) {
  DeskEvent e;
  e.id = s.Int(0), e.date = s.Text(1), e.date_precision = s.Text(2), e.type = s.Text(3);
  e.mode = s.Text(4), e.context = s.Text(5), e.cameo = s.Text(6), e.quad_class = static_cast<int>(s.Int(7));
  e.goldstein = OptReal(s, 8), e.source_actor = s.Text(9), e.target_actor = s.Text(10), e.place = s.Text(11);
  e.country = s.Text(12), e.admin1 = s.Text(13), e.latitude = OptReal(s, 14), e.longitude = OptReal(s, 15);
  e.killed = OptInt(s, 16), e.injured = OptInt(s, 17), e.confidence = s.Real(18), e.story_id = OptInt(s, 19);
  e.status = s.Text(20), e.merged_into = OptInt(s, 21), e.coded_by = s.Text(22), e.created_at = s.Text(23);
  e.merge_note = s.Text(24);
  return e;
}

// A failed step of a query that carries an FTS5 match: the user's syntax, not the store.
Status StepError(const Result<bool>& row, const Statement& stmt, const EventFilter& filter) {
  if (!filter.text.empty() && stmt.last_error() == SQLITE_ERROR)
    return Status(Code::kInvalidArgument,
                  fmt::format("filter q: cannot search for '{}': {}", filter.text, stmt.last_message()));
  return row.status();
}

Status CheckPage(const Page& page) {
  if (page.limit < 1 || page.limit > 1000)
    return Status(Code::kInvalidArgument, fmt::format("limit {} is not between 1 and 1000", page.limit));
  if (page.offset < 0) return Status(Code::kInvalidArgument, "offset is negative");
  return Status::Ok();
}

// Runs `stmt` to the end, calling `row` for each row.
template <typename Fn>
Status EachRow(Statement& stmt, const EventFilter& filter, Fn&& row) {
  for (;;) {
    Result<bool> step = stmt.Step();
    if (!step.ok()) return StepError(step, stmt, filter);
    if (!*step) return Status::Ok();
    row(stmt);
  }
}

}  // namespace

Result<int64_t> SqliteStore::DataVersion() { return db_->QueryInt("PRAGMA data_version"); }

Result<EventPage> SqliteStore::QueryEvents(const EventFilter& filter, const Page& page) {
  SITREP_RETURN_IF_ERROR(CheckPage(page));
  Result<FilterSql> where = BuildFilterSql(filter);
  if (!where.ok()) return where.status();
  EventPage out;
  {
    Result<Statement> stmt = db_->Prepare(fmt::format(
        "SELECT {}, (SELECT count(*) FROM event_mentions WHERE event_id = events.id) FROM events {}"
        " ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
        kEventColumns, where->where));
    if (!stmt.ok()) return stmt.status();
    int next = where->Bind(*stmt);
    stmt->BindInt(next, page.limit).BindInt(next + 1, page.offset);
    SITREP_RETURN_IF_ERROR(EachRow(*stmt, filter, [&](Statement& s) {
      out.events.push_back(ReadEvent(s));
      out.events.back().mentions = s.Int(kEventColumnCount);
    }));
  }
  // Counting every match of a broad filter over a million rows costs more than the page
  // itself, so the count stops at a cap and says so.
  Result<Statement> count = db_->Prepare(
      fmt::format("SELECT count(*) FROM (SELECT 1 FROM events {} LIMIT ?)", where->where));
  if (!count.ok()) return count.status();
  count->BindInt(where->Bind(*count), EventPage::kCountCap + 1);
  SITREP_RETURN_IF_ERROR(EachRow(*count, filter, [&](Statement& s) { out.total = s.Int(0); }));
  out.total_capped = out.total > EventPage::kCountCap;
  if (out.total_capped) out.total = EventPage::kCountCap;
  return out;
}

Result<DeskEvent> SqliteStore::GetEvent(int64_t id) {
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT {}, (SELECT count(*) FROM event_mentions WHERE event_id = ?1"
      " OR event_id IN (SELECT id FROM events WHERE merged_into = ?1)) FROM events WHERE id = ?1",
      kEventColumns));
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status(Code::kNotFound, fmt::format("there is no event {}", id));
  DeskEvent event = ReadEvent(*stmt);
  event.mentions = stmt->Int(kEventColumnCount);
  return event;
}

Result<std::vector<DeskMention>> SqliteStore::EventMentions(int64_t id) {
  Result<Statement> stmt = db_->Prepare(
      "SELECT m.event_id, m.doc_id, ifnull(m.sentence_begin, 0), ifnull(m.sentence_end, 0), m.evidence_begin,"
      " m.evidence_end, ifnull(m.confidence, 0), ifnull(d.title, ''), ifnull(d.source, ''), ifnull(d.url, ''),"
      " ifnull(d.published, ''), d.text_hash,"
      " CAST(substr(CAST(d.clean_text AS BLOB), m.evidence_begin + 1, m.evidence_end - m.evidence_begin) AS TEXT),"
      " length(CAST(d.clean_text AS BLOB)), d.input_path"
      " FROM event_mentions AS m JOIN documents AS d ON d.id = m.doc_id"
      " WHERE m.event_id = ?1 OR m.event_id IN (SELECT id FROM events WHERE merged_into = ?1)"
      " ORDER BY d.published, m.doc_id, m.evidence_begin");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id);
  std::vector<DeskMention> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, EventFilter{}, [&](Statement& s) {
    DeskMention m;
    m.event_id = s.Int(0), m.doc_id = s.Int(1);
    m.sentence = {static_cast<uint32_t>(s.Int(2)), static_cast<uint32_t>(s.Int(3))};
    m.evidence = {static_cast<uint32_t>(s.Int(4)), static_cast<uint32_t>(s.Int(5))};
    m.confidence = s.Real(6), m.title = s.Text(7), m.source = s.Text(8), m.url = s.Text(9);
    m.published = s.Text(10), m.text_hash = s.Text(11), m.evidence_text = s.Text(12), m.doc_bytes = s.Int(13);
    m.path = s.Text(14);
    out.push_back(std::move(m));
  }));
  return out;
}

Status SqliteStore::ForEachEvent(const EventFilter& filter, const std::function<bool(const DeskEvent&)>& fn) {
  Result<FilterSql> where = BuildFilterSql(filter);
  if (!where.ok()) return where.status();
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT {}, (SELECT count(*) FROM event_mentions WHERE event_id = events.id) FROM events {} ORDER BY id",
      kEventColumns, where->where));
  if (!stmt.ok()) return stmt.status();
  where->Bind(*stmt);
  for (;;) {
    Result<bool> step = stmt->Step();
    if (!step.ok()) return StepError(step, *stmt, filter);
    if (!*step) return Status::Ok();
    DeskEvent event = ReadEvent(*stmt);
    event.mentions = stmt->Int(kEventColumnCount);
    if (!fn(event)) return Status::Ok();
  }
}

Result<std::vector<CountCell>> SqliteStore::CountEvents(const EventFilter& filter, const std::string& bucket,
                                                        bool by_type, bool by_country) {
  std::string period;
  if (bucket == "day") period = "substr(date, 1, 10)";
  else if (bucket == "week") period = "ifnull(date(substr(date, 1, 10), '-6 days', 'weekday 1'), substr(date, 1, 7))";
  else if (bucket == "month") period = "substr(date, 1, 7)";
  else return Status(Code::kInvalidArgument, fmt::format("bucket '{}' is not day, week or month", bucket));
  Result<FilterSql> where = BuildFilterSql(filter);
  if (!where.ok()) return where.status();
  std::string type = by_type ? "type" : "''", country = by_country ? "ifnull(country, '')" : "''";
  Result<Statement> stmt = db_->Prepare(
      fmt::format("SELECT {0} AS p, {1} AS t, {2} AS c, count(*) FROM events {3} GROUP BY p, t, c ORDER BY p, t, c",
                  period, type, country, where->where));
  if (!stmt.ok()) return stmt.status();
  where->Bind(*stmt);
  std::vector<CountCell> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, filter, [&](Statement& s) {
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3)});
  }));
  return out;
}

Result<std::vector<CasualtyCell>> SqliteStore::Casualties(const EventFilter& filter) {
  Result<FilterSql> where = BuildFilterSql(filter);
  if (!where.ok()) return where.status();
  std::string cond = where->where.empty() ? "WHERE " : where->where + " AND ";
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT ifnull(country, ''), ifnull(admin1, ''), substr(date, 1, 7) AS month, sum(ifnull(killed, 0)),"
      " sum(ifnull(injured, 0)), count(*) FROM events {}(killed > 0 OR injured > 0)"
      " GROUP BY 1, 2, month ORDER BY 1, 2, month",
      cond));
  if (!stmt.ok()) return stmt.status();
  where->Bind(*stmt);
  std::vector<CasualtyCell> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, filter, [&](Statement& s) {
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4), s.Int(5)});
  }));
  return out;
}

Result<std::vector<NetworkEdge>> SqliteStore::ActorNetwork(const EventFilter& filter, int limit) {
  if (limit < 1 || limit > 5000) return Status(Code::kInvalidArgument, "limit must be between 1 and 5000");
  Result<FilterSql> where = BuildFilterSql(filter);
  if (!where.ok()) return where.status();
  std::string cond = where->where.empty() ? "WHERE " : where->where + " AND ";
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT source_actor, target_actor, ifnull(quad_class, 0), count(*) AS n FROM events"
      " {}source_actor <> '' AND target_actor <> '' GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?",
      cond));
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(where->Bind(*stmt), limit);
  std::vector<NetworkEdge> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, filter, [&](Statement& s) {
    out.push_back({s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Int(3)});
  }));
  return out;
}

Result<std::vector<PlaceCell>> SqliteStore::Places(const EventFilter& filter, int limit) {
  if (limit < 1 || limit > 5000) return Status(Code::kInvalidArgument, "limit must be between 1 and 5000");
  Result<FilterSql> where = BuildFilterSql(filter);
  if (!where.ok()) return where.status();
  std::string cond = where->where.empty() ? "WHERE " : where->where + " AND ";
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT place, ifnull(country, ''), ifnull(admin1, ''), avg(latitude), avg(longitude), count(*) AS n,"
      " sum(ifnull(killed, 0)) FROM events {}latitude IS NOT NULL AND longitude IS NOT NULL AND place <> ''"
      " GROUP BY 1, 2, 3 ORDER BY n DESC, 1 LIMIT ?",
      cond));
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(where->Bind(*stmt), limit);
  std::vector<PlaceCell> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, filter, [&](Statement& s) {
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Real(3), s.Real(4), s.Int(5), s.Int(6)});
  }));
  return out;
}

// ---- Actors, stories, documents ----

namespace {
constexpr std::string_view kActorColumns =
    "a.id, a.code, a.name, a.kind, ifnull(a.country, ''), a.added_by,"
    " (SELECT count(*) FROM event_actors WHERE actor_id = a.id AND role = 'source'),"
    " (SELECT count(*) FROM event_actors WHERE actor_id = a.id AND role = 'target')";
Actor ReadActor(const Statement& s) {
  Actor a;
  a.id = s.Int(0), a.code = s.Text(1), a.name = s.Text(2), a.kind = s.Text(3), a.country = s.Text(4);
  a.added_by = s.Text(5), a.as_source = s.Int(6), a.as_target = s.Int(7);
  return a;
}
}  // namespace

Result<std::vector<Actor>> SqliteStore::ListActors(const std::string& query, const Page& page) {
  SITREP_RETURN_IF_ERROR(CheckPage(page));
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT {} FROM actors AS a WHERE ?1 = '' OR a.name LIKE ?2 ESCAPE '\\' OR a.code LIKE ?2 ESCAPE '\\'"
      " ORDER BY a.name, a.id LIMIT ?3 OFFSET ?4",
      kActorColumns));
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, query).BindText(2, "%" + EscapeLike(query) + "%").BindInt(3, page.limit).BindInt(4, page.offset);
  std::vector<Actor> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, EventFilter{}, [&](Statement& s) { out.push_back(ReadActor(s)); }));
  return out;
}

Result<Actor> SqliteStore::GetActor(int64_t id) {
  Actor actor;
  {
    Result<Statement> stmt = db_->Prepare(fmt::format("SELECT {} FROM actors AS a WHERE a.id = ?1", kActorColumns));
    if (!stmt.ok()) return stmt.status();
    stmt->BindInt(1, id);
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status(Code::kNotFound, fmt::format("there is no actor {}", id));
    actor = ReadActor(*stmt);
  }
  Result<Statement> roles = db_->Prepare(
      "SELECT role, ifnull(code, ''), ifnull(start_date, ''), ifnull(end_date, ''), doc_id FROM actor_roles"
      " WHERE actor_id = ?1 ORDER BY ifnull(start_date, ''), id");
  if (!roles.ok()) return roles.status();
  roles->BindInt(1, id);
  SITREP_RETURN_IF_ERROR(EachRow(*roles, EventFilter{}, [&](Statement& s) {
    actor.roles.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), OptInt(s, 4)});
  }));
  return actor;
}

Result<ActorCode> SqliteStore::GetActorCode(const std::string& code) {
  if (!IsActorCode(code)) return Status(Code::kInvalidArgument, fmt::format("'{}' is not an actor code like PAKGOV", code));
  ActorCode out;
  out.code = code;
  {
    Result<Statement> stmt = db_->Prepare(
        "SELECT (SELECT count(*) FROM events WHERE source_actor = ?1 AND status NOT IN ('wrong', 'merged')),"
        " (SELECT count(*) FROM events WHERE target_actor = ?1 AND status NOT IN ('wrong', 'merged'))");
    if (!stmt.ok()) return stmt.status();
    stmt->BindText(1, code);
    SITREP_RETURN_IF_ERROR(EachRow(*stmt, EventFilter{}, [&](Statement& s) {
      out.as_source = s.Int(0), out.as_target = s.Int(1);
    }));
  }
  {
    Result<Statement> members = db_->Prepare(fmt::format(
        "SELECT {} FROM actors AS a WHERE a.code = ?1 OR a.id IN (SELECT actor_id FROM actor_roles WHERE code = ?1)"
        " ORDER BY a.name LIMIT 200",
        kActorColumns));
    if (!members.ok()) return members.status();
    members->BindText(1, code);
    SITREP_RETURN_IF_ERROR(EachRow(*members, EventFilter{}, [&](Statement& s) { out.members.push_back(ReadActor(s)); }));
  }
  return CompleteActorCode(std::move(out));
}

Result<std::vector<Story>> SqliteStore::ListStories(const Page& page) {
  SITREP_RETURN_IF_ERROR(CheckPage(page));
  Result<Statement> stmt = db_->Prepare(
      "SELECT s.id, s.label, s.created_at, (SELECT group_concat(doc_id) FROM story_documents WHERE story_id = s.id),"
      " (SELECT count(*) FROM events WHERE story_id = s.id) FROM stories AS s ORDER BY s.id DESC LIMIT ?1 OFFSET ?2");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, page.limit).BindInt(2, page.offset);
  std::vector<Story> out;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, EventFilter{}, [&](Statement& s) {
    Story story{s.Int(0), s.Text(1), s.Text(2), {}, s.Int(4)};
    std::string ids = s.Text(3);
    for (size_t begin = 0; begin < ids.size();) {
      size_t end = ids.find(',', begin);
      if (end == std::string::npos) end = ids.size();
      story.doc_ids.push_back(std::stoll(ids.substr(begin, end - begin)));
      begin = end + 1;
    }
    out.push_back(std::move(story));
  }));
  return out;
}

Result<Story> SqliteStore::GetStory(int64_t id) {
  Result<Statement> stmt = db_->Prepare("SELECT label, created_at, (SELECT count(*) FROM events WHERE story_id = ?1)"
                                        " FROM stories WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->BindInt(1, id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status(Code::kNotFound, fmt::format("there is no story {}", id));
  Story story{id, stmt->Text(0), stmt->Text(1), {}, stmt->Int(2)};
  Result<Statement> docs = db_->Prepare("SELECT doc_id FROM story_documents WHERE story_id = ?1 ORDER BY doc_id");
  if (!docs.ok()) return docs.status();
  docs->BindInt(1, id);
  SITREP_RETURN_IF_ERROR(EachRow(*docs, EventFilter{}, [&](Statement& s) { story.doc_ids.push_back(s.Int(0)); }));
  return story;
}

Result<std::vector<DocumentRow>> SqliteStore::ListDocuments(const std::string& text, const Page& page) {
  SITREP_RETURN_IF_ERROR(CheckPage(page));
  std::string match = text.empty() ? "" : FtsQuery(text);
  // An empty MATCH is an FTS5 error even where OR would never need it: two queries.
  Result<Statement> stmt = db_->Prepare(fmt::format(
      "SELECT d.id, ifnull(d.title, ''), ifnull(d.source, ''), ifnull(d.url, ''), ifnull(d.published, ''),"
      " d.ingested_at, (SELECT count(DISTINCT event_id) FROM event_mentions WHERE doc_id = d.id), d.input_path"
      " FROM documents AS d"
      " WHERE {} ORDER BY d.id DESC LIMIT ?2 OFFSET ?3",
      match.empty() ? "?1 = ''" : "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1)"));
  if (!stmt.ok()) return stmt.status();
  stmt->BindText(1, match).BindInt(2, page.limit).BindInt(3, page.offset);
  std::vector<DocumentRow> out;
  EventFilter as_search;
  as_search.text = text;
  SITREP_RETURN_IF_ERROR(EachRow(*stmt, as_search, [&](Statement& s) {
    out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(7), s.Int(6)});
  }));
  return out;
}

}  // namespace sitrep::sqlite
