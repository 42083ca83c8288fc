// Cross-document DCT (see twin_dct.h).
#include "consolidate/twin_dct.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "annotate/dct_inference.h"
#include "code/event_stage.h"
#include "consolidate/doc_features.h"

namespace sitrep {

namespace {

CivilTime CivilOf(const nlohmann::json& v, CivilTime open) {
  DayRange r;
  if (!v.is_string() || !IsoDayRange(v.get<std::string>(), &r)) return open;
  return CivilFromDays(r.first);
}

// The estimate the timex stage wrote in the "dct" layer, read back: the content
// estimate, which a twin's date replaces but keeps (kContentBeforeTwin), so a
// consolidation run over documents it has already dated starts from the same place.
DctEstimate CurrentEstimate(const Doc& doc) {
  DctEstimate e;
  const std::vector<Annotation>* layer = doc.Layer("dct");
  if (!layer || layer->empty()) return e;
  nlohmann::json attrs = nlohmann::json::parse(layer->front().attrs, nullptr, false);
  if (!attrs.is_object()) return e;
  if (attrs.value("source", "none") == "twin") attrs = attrs.value(kContentBeforeTwin, nlohmann::json());
  if (!attrs.is_object() || attrs.value("source", "none") != "content") return e;
  e.source = DctEstimate::Source::kContent;
  e.earliest = CivilOf(attrs.value("earliest", nlohmann::json()), CivilTime{1, 1, 1});
  e.latest = CivilOf(attrs.value("latest", nlohmann::json()), CivilTime{9999, 12, 31});
  if (attrs.contains("evidence") && attrs["evidence"].is_array())
    for (const auto& ev : attrs["evidence"])
      if (ev.is_string()) e.evidence.push_back(ev.get<std::string>());
  return e;
}

// Keeps the content estimate `before` (the "dct" attrs it replaced) inside the new one.
void KeepContentEstimate(Doc& doc, const nlohmann::json& before) {
  const std::vector<Annotation>* layer = doc.Layer("dct");
  if (!layer || layer->empty() || !before.is_object()) return;
  std::vector<Annotation> updated = *layer;
  nlohmann::json attrs = nlohmann::json::parse(updated.front().attrs, nullptr, false);
  if (!attrs.is_object()) return;
  attrs[kContentBeforeTwin] = before.value("source", "none") == "twin" ? before.value(kContentBeforeTwin, nlohmann::json())
                                                                      : before;
  updated.front().attrs = attrs.dump();
  doc.SetLayer("dct", std::move(updated));
}

nlohmann::json DctAttrs(const Doc& doc) {
  const std::vector<Annotation>* layer = doc.Layer("dct");
  if (!layer || layer->empty()) return nullptr;
  return nlohmann::json::parse(layer->front().attrs, nullptr, false);
}

int64_t Days(const CivilTime& t) { return DaysFromCivil(t.year, t.month, t.day); }

}  // namespace

Result<std::vector<int>> TightenDctFromTwins(std::vector<Doc*>& docs, const StoryGrouping& stories,
                                             std::shared_ptr<const code::ActorLexicon> lexicon) {
  const code::EventStage recoder(std::move(lexicon));
  std::vector<int> changed;
  for (const std::vector<int>& members : stories.stories) {
    std::vector<std::pair<int64_t, int>> dated;  // (day, doc), earliest first
    for (int m : members) {
      DayRange r;
      if (docs[m]->meta().published && IsoDayRange(docs[m]->meta().published->iso, &r) && r.first == r.last)
        dated.emplace_back(r.first, m);
    }
    if (dated.empty()) continue;
    std::sort(dated.begin(), dated.end());
    for (int m : members) {
      Doc& doc = *docs[m];
      if (doc.meta().published || doc.tokens().empty()) continue;
      DctEstimate current = CurrentEstimate(doc);
      int twin = -1;
      for (const auto& [day, d] : dated) {
        bool agrees = current.source != DctEstimate::Source::kContent ||
                      (Days(current.earliest) <= day + 1 && day - 1 <= Days(current.latest));
        if (agrees) {
          twin = d;
          break;
        }
      }
      if (twin < 0) continue;
      DctEstimate tightened = TightenWithTwin(current, *docs[twin]->meta().published);
      const nlohmann::json before = DctAttrs(doc);
      SITREP_RETURN_IF_ERROR(ResolveTimexAgainst(doc, tightened));
      KeepContentEstimate(doc, before);
      // Events were dated against the old estimate: code them again, so "on Monday"
      // dates the meeting and not just its year.
      if (doc.Layer("events")) SITREP_RETURN_IF_ERROR(recoder.Process(doc));
      changed.push_back(m);
    }
  }
  std::sort(changed.begin(), changed.end());
  return changed;
}

}  // namespace sitrep
