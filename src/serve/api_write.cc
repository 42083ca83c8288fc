// The writes of the HTTP API, made only when the server was started with a token and
// the request carries it (server.cc checks): a correction of an event, and a document
// ingested through the real pipeline and stored like `sitrep ingest` stores it.
#include <fmt/format.h>

#include "serve/api.h"
#include "store/export/desk_json.h"

namespace sitrep::serve {

using nlohmann::json;
using exporting::ToJson;

namespace {
Status Bad(std::string message) { return Status(Code::kInvalidArgument, std::move(message)); }
}  // namespace

// Body: {"action": "set_type", "payload": {"type": "ACCUSE"}, "author": "ana", "note": "..."}
Result<json> PostCorrection(Store& store, int64_t event_id, const std::string& body) {
  json request = json::parse(body, nullptr, false);
  if (!request.is_object()) return Bad("the body must be a JSON object: {\"action\": ..., \"payload\": {...}}");
  Correction c;
  c.event_id = event_id;
  auto text = [&](const char* name, std::string* out, const char* fallback) -> Status {
    auto it = request.find(name);
    if (it == request.end() || it->is_null()) return *out = fallback, Status::Ok();
    if (!it->is_string()) return Bad(fmt::format("\"{}\" must be a string", name));
    *out = it->get<std::string>();
    return Status::Ok();
  };
  SITREP_RETURN_IF_ERROR(text("action", &c.action, ""));
  if (c.action.empty()) return Bad("\"action\" is missing: mark_wrong, restore, set_type, set_actors, set_date, merge or split");
  SITREP_RETURN_IF_ERROR(text("author", &c.author, "analyst"));
  SITREP_RETURN_IF_ERROR(text("note", &c.note, ""));
  auto payload = request.find("payload");
  if (payload != request.end() && !payload->is_object()) return Bad("\"payload\" must be a JSON object");
  c.payload = payload == request.end() ? "{}" : payload->dump();
  Result<Correction> stored = store.Correct(c);
  if (!stored.ok()) return stored.status();
  Result<DeskEvent> event = store.GetEvent(event_id);
  if (!event.ok()) return event.status();
  return json{{"correction", ToJson(*stored)}, {"event", ToJson(*event)}};
}

// Body: the article as text/plain, text/html or a JSON object (application/json) with
// the fields a JSON Lines record has. Query: url and source, optional.
Result<json> PostDocument(Store& store, const Pipeline& pipeline, const ApiRequest& request) {
  Record record;
  const std::string type = request.content_type.substr(0, request.content_type.find(';'));
  if (type == "text/plain") record.format = Format::kText;
  else if (type == "text/html") record.format = Format::kHtml;
  else if (type == "application/json") record.format = Format::kJsonl;
  else return Bad(fmt::format("Content-Type '{}' is not text/plain, text/html or application/json", type));
  if (request.body.empty()) return Bad("the body is empty: send the article");
  record.bytes = request.body;
  if (record.format == Format::kJsonl) {
    // A JSON Lines record is one line: pretty-printed JSON is made compact first.
    json parsed = json::parse(request.body, nullptr, false);
    if (!parsed.is_object()) return Bad("the body is not a JSON object");
    record.bytes = parsed.dump();
  }
  Result<std::string> url = One(request.params, "url"), source = One(request.params, "source");
  if (!url.ok()) return url.status();
  if (!source.ok()) return source.status();
  record.url = *url, record.source = *source;
  record.origin = {"POST /api/documents", 0, std::string(FormatName(record.format))};

  std::vector<Outcome> batch;
  batch.push_back(pipeline.RunOne(record));
  if (!batch[0].doc) {
    const Status& why = batch[0].failures.empty() ? Status(Code::kInternal, "no document and no failure")
                                                  : batch[0].failures[0].status;
    return Status(Code::kInvalidArgument, fmt::format("the article could not be read: {}", why.ToString()));
  }
  const std::string hash = batch[0].doc->content_hash();
  const std::string title = batch[0].doc->meta().title;
  Result<BatchStats> stats = store.WriteBatch(batch);
  if (!stats.ok()) return stats.status();
  Result<std::vector<int64_t>> ids = store.FindDocuments(hash);
  if (!ids.ok()) return ids.status();
  if (ids->empty()) return Status(Code::kInternal, "the document was written but cannot be found");
  json failures = json::array();
  for (const Failure& f : batch[0].failures) failures.push_back({{"stage", f.stage}, {"message", f.status.ToString()}});
  return json{{"id", ids->back()}, {"added", stats->added > 0}, {"title", title}, {"failures", failures}};
}

}  // namespace sitrep::serve
