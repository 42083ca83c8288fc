// sitrep explain EVENT --db FILE: one event, every report of it with the sentence that
// says so, and why its mentions were merged: by consolidation (the story, type, actors,
// dates and people it compared, as it recorded them) or by an analyst (the correction).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "sitrep/store.h"

namespace sitrep::cli {

namespace {

using nlohmann::json;

struct ExplainArgs {
  std::string db = "sitrep.db";
  int64_t event = 0;
  std::string format = "text";
};

std::string Actors(const DeskEvent& e) {
  return fmt::format("{} -> {}", e.source_actor.empty() ? "?" : e.source_actor,
                     e.target_actor.empty() ? "?" : e.target_actor);
}

std::string DateFrom(const std::string& from) {
  if (from == "timex") return "stated in its sentence";
  if (from == "context") return "stated in the sentence before";
  if (from == "dct") return "the publication date";
  return "no date";
}

std::string Join(const json& list) {
  std::string out;
  if (list.is_array())
    for (const auto& v : list) out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  return out.empty() ? "none named" : out;
}

// The consolidation note of a merged event, in words.
std::string WhyMerged(const DeskEvent& member, const DeskEvent& kept) {
  json n = json::parse(member.merge_note, nullptr, false);
  if (!n.is_object()) return fmt::format("merged into {} by consolidation", kept.id);
  std::vector<std::string> reasons;
  reasons.push_back(fmt::format("same story ({})", n.value("story", "?")));
  reasons.push_back(fmt::format("same type {}", n.value("type", member.type)));
  const json& a = n.value("actors", json::object());
  if (n.value("two_sided", false))
    reasons.push_back(fmt::format("same actors, either side ({} / {} against {} / {})", a.value("source", ""),
                                  a.value("target", ""), n["kept_actors"].value("source", ""),
                                  n["kept_actors"].value("target", "")));
  else
    reasons.push_back(fmt::format("same actors ({} -> {})", a.value("source", ""), a.value("target", "")));
  reasons.push_back(fmt::format("compatible dates: {} ({}) with the event's {}", n.value("date", "?"),
                                DateFrom(n.value("date_from", "")), n.value("event_date", "?")));
  reasons.push_back(fmt::format("people: {} within {}", Join(n.value("persons", json())),
                                Join(n.value("event_persons", json()))));
  std::string out = fmt::format("event {} merged into {}:", member.id, kept.id);
  for (const std::string& r : reasons) out += "\n      - " + r;
  return out;
}

int RunExplain(const ExplainArgs& args) {
  if (args.format != "text" && args.format != "json")
    return ReportError(Status(Code::kInvalidArgument, "--format must be text or json")), kExitUsage;
  auto store = Store::OpenReadOnly(args.db);
  if (!store.ok()) return ReportError(store.status());
  auto asked = (*store)->GetEvent(args.event);
  if (!asked.ok()) return ReportError(asked.status());
  // A merged event is explained through the event it was merged into.
  DeskEvent kept = *asked;
  if (kept.status == "merged" && kept.merged_into) {
    auto into = (*store)->GetEvent(*kept.merged_into);
    if (!into.ok()) return ReportError(into.status());
    kept = *into;
  }
  auto mentions = (*store)->EventMentions(kept.id);
  if (!mentions.ok()) return ReportError(mentions.status());
  std::map<int64_t, DeskEvent> members;  // every event whose mentions are listed
  std::map<int64_t, std::string> sentences;
  for (const DeskMention& m : *mentions) {
    if (!members.count(m.event_id)) {
      auto e = (*store)->GetEvent(m.event_id);
      if (!e.ok()) return ReportError(e.status());
      members[m.event_id] = *e;
    }
    auto doc = (*store)->LoadDocument(m.doc_id);
    if (!doc.ok()) return ReportError(doc.status());
    const Span s = m.sentence.end > m.sentence.begin ? m.sentence : m.evidence;
    sentences[m.doc_id * 1'000'000'007LL + s.begin] = std::string(doc->doc.Slice(s));
  }
  std::vector<Correction> corrections;
  for (const auto& [id, e] : members) {
    Status st = (*store)->ForEachCorrection(id, [&](const Correction& c) {
      corrections.push_back(c);
      return true;
    });
    if (!st.ok()) return ReportError(st);
  }

  if (args.format == "json") {
    json out = {{"event", kept.id}, {"asked", args.event}, {"type", kept.type}, {"cameo", kept.cameo},
                {"source", kept.source_actor}, {"target", kept.target_actor}, {"date", kept.date},
                {"status", kept.status}, {"mentions", json::array()}, {"merged", json::array()},
                {"corrections", json::array()}};
    for (const DeskMention& m : *mentions) {
      const Span s = m.sentence.end > m.sentence.begin ? m.sentence : m.evidence;
      out["mentions"].push_back({{"event", m.event_id}, {"doc", m.doc_id}, {"source", m.source},
                                 {"title", m.title}, {"published", m.published},
                                 {"sentence", {m.sentence.begin, m.sentence.end}},
                                 {"evidence", {m.evidence.begin, m.evidence.end}},
                                 {"text", sentences[m.doc_id * 1'000'000'007LL + s.begin]}});
    }
    for (const auto& [id, e] : members)
      if (id != kept.id)
        out["merged"].push_back({{"event", id}, {"by", e.merge_note.empty() ? "analyst" : "consolidation"},
                                 {"note", json::parse(e.merge_note.empty() ? "null" : e.merge_note, nullptr, false)}});
    for (const Correction& c : corrections)
      out["corrections"].push_back({{"id", c.id}, {"event", c.event_id}, {"action", c.action}, {"author", c.author}});
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }

  std::cout << fmt::format("event {}: {} (CAMEO {}) {}, {}{}, status {}\n", kept.id, kept.type,
                           kept.cameo.empty() ? "-" : kept.cameo, Actors(kept), kept.date,
                           kept.place.empty() ? "" : ", " + kept.place, kept.status);
  if (kept.id != args.event) std::cout << fmt::format("  (event {} was merged into it)\n", args.event);
  std::cout << fmt::format("{} mention(s) in {} event row(s):\n", mentions->size(), members.size());
  for (const DeskMention& m : *mentions) {
    const Span s = m.sentence.end > m.sentence.begin ? m.sentence : m.evidence;
    std::cout << fmt::format("  [event {}] document {} \"{}\" ({}{}), bytes {}-{}:\n      \"{}\"\n", m.event_id,
                             m.doc_id, m.title, m.source.empty() ? "unknown outlet" : m.source,
                             m.published.empty() ? "" : ", " + m.published, m.evidence.begin, m.evidence.end,
                             sentences[m.doc_id * 1'000'000'007LL + s.begin]);
  }
  bool any = false;
  for (const auto& [id, e] : members) {
    if (id == kept.id) continue;
    if (!any) std::cout << "why they are one event:\n", any = true;
    if (!e.merge_note.empty()) std::cout << "  " << WhyMerged(e, kept) << "\n";
    else std::cout << fmt::format("  event {} merged into {} by an analyst\n", id, kept.id);
  }
  if (!any) std::cout << "no other report was merged into it\n";
  // Figures are never averaged away: each report's count, side by side, and their range.
  std::string figures;
  int64_t low = -1, high = -1;
  int reports = 0;
  for (const auto& [id, e] : members) {
    if (!e.killed) continue;
    ++reports;
    figures += fmt::format("{}{} (event {})", figures.empty() ? "" : "; ", *e.killed, id);
    low = low < 0 ? *e.killed : std::min(low, *e.killed), high = std::max(high, *e.killed);
  }
  if (reports > 1)
    std::cout << fmt::format("killed, as each report says: {}; range {}{}\n", figures, low,
                             high > low ? fmt::format("-{}", high) : "");
  for (const Correction& c : corrections)
    std::cout << fmt::format("  correction {} on event {}: {} by {}{}\n", c.id, c.event_id, c.action, c.author,
                             c.note.empty() ? "" : " (" + c.note + ")");
  return kExitOk;
}

}  // namespace

void AddExplainCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "Show an event's reports and why they were merged into one event");
  cmd->add_option("event", args->event, "The event id")->required();
  cmd->add_option("--db", args->db, "The store: a SQLite file")->capture_default_str();
  cmd->add_option("--format", args->format, "text or json")->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunExplain(*args); });
}

}  // namespace sitrep::cli
