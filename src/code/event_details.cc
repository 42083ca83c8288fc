#include "code/event_details.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

namespace sitrep::code {

using nlohmann::json;

namespace {

json Attrs(const Annotation& a) { return json::parse(a.attrs, nullptr, /*allow_exceptions=*/false); }

// A string field of another stage's attrs, "" when absent or of another type: a layer
// written by a different version must not stop the coder.
std::string Text(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return "";
  return j[key].get<std::string>();
}

Span SpanAttr(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_array() || j[key].size() != 2) return Span{};
  if (!j[key][0].is_number_unsigned() || !j[key][1].is_number_unsigned()) return Span{};
  return Span{j[key][0].get<uint32_t>(), j[key][1].get<uint32_t>()};
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// The word of `g` whose span starts at or covers byte `at`, -1 if none.
int WordAt(const SentenceGraph& g, uint32_t at) {
  for (int i = 0; i < g.size(); ++i)
    if (g.token(i).span.begin <= at && at < g.token(i).span.end) return i;
  return -1;
}

int YearOf(const std::string& iso) {
  if (iso.size() < 4 || !std::all_of(iso.begin(), iso.begin() + 4, ::isdigit)) return 0;
  return std::stoi(iso.substr(0, 4));
}

}  // namespace

DocLayers::DocLayers(const Doc& doc) {
  entities = doc.Layer("entity"), timexes = doc.Layer("timex"), quantities = doc.Layer("quantity");
  quotes = doc.Layer("quote"), paragraphs = doc.Layer("paragraph"), places = doc.Layer("place");
  if (const auto* dct = doc.Layer("dct"); dct && !dct->empty()) {
    json j = Attrs(dct->front());
    if (j.is_object()) {
      dct_iso = Text(j, "value");
      dct_year = YearOf(dct_iso);
      if (!dct_year && j.contains("earliest") && j["earliest"].is_string())
        dct_year = dct_earliest_year = YearOf(j["earliest"].get<std::string>());
    }
  }
  if (dct_iso.empty() && doc.meta().published) dct_iso = doc.meta().published->iso, dct_year = YearOf(dct_iso);
  if (paragraphs)
    for (const Annotation& p : *paragraphs)
      if (p.label == "body") { lead_paragraph = p.span; break; }
  if (quotes)
    for (const Annotation& q : *quotes) {
      const json j = Attrs(q);
      quote_spans.push_back(QuoteSpans{SpanAttr(j, "content"), SpanAttr(j, "speaker")});
    }
}

void ReadModes(const SentenceGraph& g, int trigger, int governor, CodedEvent* e) {
  for (int word : {trigger, governor}) {
    if (word < 0) continue;
    for (int c : g.children(word)) {
      const std::string& d = g.deprel(c);
      const std::string& l = g.lemma(c);
      if ((d == "advmod" || d == "neg") && (l == "not" || l == "never" || l == "n't")) e->negated = true;
      if (d == "det" && l == "no" && word == trigger) e->negated = true;
      if (d == "aux" && (l == "will" || l == "shall" || g.lower(c) == "'ll" || l == "would")) e->future = true;
      if (d == "aux" && (l == "could" || l == "might" || l == "may" || l == "should" || l == "must")) e->hypothetical = true;
      if (d == "mark" && (l == "if" || l == "unless" || l == "whether")) e->hypothetical = true;
    }
    // "plans to hold talks", "agreed to meet": an intended act, not yet done.
    const int head = g.head(word);
    if (head >= 0 && (g.deprel(word) == "xcomp" || g.deprel(word) == "acl") && g.Child(word, "mark") >= 0 &&
        g.lower(g.Child(word, "mark")) == "to") {
      static const char* kIntent[] = {"plan", "set", "schedule", "intend", "expect", "prepare", "agree", "decide",
                                      "aim", "hope", "seek", "want", "promise", "pledge", "vow", "plans", "intention",
                                      "willing", "ready", "prepared"};
      for (const char* w : kIntent)
        if (g.lemma(head) == w) e->future = true;
      // "declined to resign", "refused to release them": the act is refused, not done.
      static const char* kRefusal[] = {"decline", "refuse", "reject"};
      for (const char* w : kRefusal)
        if (g.lemma(head) == w) e->negated = true;
    }
  }
}

void RefineCameoForModes(CodedEvent* e) {
  // CAMEO has codes of their own for intended and refused material cooperation, where
  // PLOVER keeps the type and marks the mode: "will not lift the ban" is PLOVER CONCEDE,
  // negated, and CAMEO 1241 (refuse to ease administrative sanctions); "is ready to
  // provide a loan" is AID, future, and CAMEO 0331 (intent to provide economic aid).
  struct Row { std::string_view code, intent, refusal; };
  static constexpr Row kRows[] = {
      {"060", "031", "121"}, {"061", "0311", "1211"}, {"062", "0312", "1212"}, {"063", "0313", "121"},
      {"064", "0314", "121"}, {"070", "033", "122"}, {"071", "0331", "1221"}, {"072", "0332", "1222"},
      {"073", "0333", "1223"}, {"074", "0332", "1224"}, {"075", "033", "122"}, {"080", "035", "124"},
      {"081", "0351", "1241"}, {"0813", "0351", "1241"}, {"0814", "0351", "1241"}, {"0831", "035", "124"},
      {"0841", "0353", "1243"}, {"085", "0354", "1244"}, {"086", "0355", "1245"}, {"0871", "0356", "1246"},
      {"0872", "0356", "1246"}, {"0874", "0356", "1246"}};
  if (!e->negated && !e->future) return;
  for (const Row& r : kRows)
    if (e->cameo == r.code) {
      e->cameo = std::string(e->negated ? r.refusal : r.intent);
      return;
    }
}

namespace {

// The date a sentence without one of its own inherits from the sentence just before it:
// "Dar on Monday emphasised ... . Dar said this during an interaction with Bass" is
// Monday's meeting. Only a day (or finer) DATE/TIME of that one sentence counts, and
// only when the current sentence has no time expression at all: news narrates a
// development in the lede's time frame, and a vaguer or older anchor ("last year",
// "since 2021") says nothing about the sentence after it.
const Annotation* NarrativeDate(const Doc& doc, const DocLayers& layers, Span sentence) {
  if (!layers.timexes) return nullptr;
  const std::vector<Sentence>& sentences = doc.sentences();
  auto at = std::lower_bound(sentences.begin(), sentences.end(), sentence.begin,
                             [](const Sentence& s, uint32_t begin) { return s.span.begin < begin; });
  if (at == sentences.begin() || at == sentences.end() || at->span.begin != sentence.begin) return nullptr;
  const Span previous = (at - 1)->span;
  const Annotation* found = nullptr;
  for (const Annotation& t : *layers.timexes) {
    if (sentence.Contains(t.span)) return nullptr;  // a time of its own, even a vague one
    if (!previous.Contains(t.span) || (t.label != "DATE" && t.label != "TIME")) continue;
    const std::string granularity = Text(Attrs(t), "granularity");
    if (granularity != "day" && granularity != "minute" && granularity != "hour" && granularity != "second") continue;
    if (found) return nullptr;  // two days before: which one is ambiguous
    found = &t;
  }
  return found;
}

}  // namespace

void ReadDate(const Doc& doc, const DocLayers& layers, const SentenceGraph& g, int trigger, int governor,
              const std::vector<bool>& is_trigger, CodedEvent* e) {
  const Annotation* best = nullptr;
  int best_depth = 1 << 20;
  if (layers.timexes) {
    for (const Annotation& t : *layers.timexes) {
      if (!e->sentence.Contains(t.span) || (t.label != "DATE" && t.label != "TIME")) continue;
      const int word = WordAt(g, t.span.begin);
      if (word < 0) continue;
      int depth = g.DepthBelow(trigger, word);
      if (depth < 0 && governor >= 0 && (depth = g.DepthBelow(governor, word)) >= 0) depth += 1;
      if (depth < 0) {
        // Attached higher up: usable only if the first predicate above it is ours.
        int w = g.head(word), steps = 0;
        while (w >= 0 && !is_trigger[w] && g.head(w) >= 0 && steps++ < g.size()) w = g.head(w);
        if (w < 0 || (is_trigger[w] && w != trigger && w != governor)) continue;
        if (!is_trigger[w] && g.DepthBelow(w, trigger) < 0) continue;
        depth = 100 + g.DepthBelow(w, trigger);
      }
      if (depth < best_depth) best = &t, best_depth = depth;
    }
  }
  const char* from = "timex";
  if (!best) best = NarrativeDate(doc, layers, e->sentence), from = "context";
  if (best) {
    json j = Attrs(*best);
    e->date_value = Text(j, "value");
    e->date_precision = Text(j, "granularity");
    e->date_from = from;
    e->date_span = best->span;
    static const std::regex kIso(R"(\d{4}(-\d{2}(-\d{2})?)?)");
    if (std::regex_match(e->date_value, kIso)) e->date_iso = e->date_value;
    if (e->date_from == "timex") e->arguments.emplace_back("date", best->span);  // context: outside the sentence
  } else if (!layers.dct_iso.empty()) {
    e->date_value = layers.dct_iso;
    e->date_iso = layers.dct_iso.substr(0, std::min<size_t>(layers.dct_iso.size(), 10));
    e->date_precision = "day";
    e->date_from = "dct";
  } else {
    e->date_from = "none";
  }
  if (!e->date_iso.empty()) {
    e->date_best = e->date_iso;
    e->date_best_precision = e->date_iso.size() == 4 ? "year" : e->date_iso.size() == 7 ? "month" : "day";
  } else if (!layers.dct_iso.empty()) {
    e->date_best = layers.dct_iso.substr(0, std::min<size_t>(layers.dct_iso.size(), 10)), e->date_best_precision = "day";
  } else if (layers.dct_earliest_year) {
    e->date_best = std::to_string(layers.dct_earliest_year), e->date_best_precision = "year";
  }
  const int year = YearOf(e->date_iso.empty() ? e->date_value : e->date_iso);
  if (year && layers.dct_year && layers.dct_year - year >= 2) e->historical = true;
}

void ReadPlace(const Doc& doc, const ActorCoder& actors, const SentenceGraph& g, int trigger, int governor,
               CodedEvent* e) {
  int best_depth = 1 << 20;
  for (int i = 0; i < g.size(); ++i) {
    std::optional<Span> loc = actors.LocationAt(g, i);
    if (!loc || loc->begin != g.token(i).span.begin) continue;  // each entity once, at its first word
    // The entity's head word carries the preposition.
    int head = i;
    while (g.head(head) >= 0 && loc->Contains(g.token(g.head(head)).span)) head = g.head(head);
    const std::string prep = g.CaseOf(head);
    if (prep != "in" && prep != "at" && prep != "near" && prep != "across" && prep != "along") continue;
    int depth = g.DepthBelow(trigger, head);
    if (depth < 0 && governor >= 0 && (depth = g.DepthBelow(governor, head)) >= 0) depth += 1;
    if (depth < 0 || depth >= best_depth) continue;
    bool is_actor = false;
    for (const auto* list : {&e->sources, &e->targets})
      for (const CodedActor& a : *list) is_actor |= a.span.Contains(*loc);
    if (is_actor) continue;
    best_depth = depth;
    e->place = std::string(doc.Slice(*loc)), e->place_span = *loc, e->place_from = "entity";
  }
  if (e->place.empty() && e->root_event && !doc.meta().dateline_place.empty())
    e->place = doc.meta().dateline_place, e->place_from = "dateline";
  if (e->place_from == "entity") e->arguments.emplace_back("place", e->place_span);
}

void GeocodePlace(const DocLayers& layers, CodedEvent* e) {
  if (!layers.places || e->place_from.empty()) return;
  for (const Annotation& a : *layers.places) {
    bool overlaps = a.span.begin < e->place_span.end && e->place_span.begin < a.span.end;
    if (e->place_from == "entity" && !overlaps) continue;
    json j = Attrs(a);
    if (!j.is_object() || (e->place_from == "dateline" && !j.value("dateline", false))) continue;
    CodedEvent::Geo g;
    g.name = Text(j, "name"), g.level = a.label, g.geonames_id = j.value("geonames_id", int64_t{0});
    g.country = Text(j, "country"), g.admin1 = Text(j, "admin1"), g.confidence = j.value("confidence", 0.0);
    if (j.contains("lat") && j["lat"].is_number() && j.contains("lon") && j["lon"].is_number())
      g.latitude = j["lat"].get<double>(), g.longitude = j["lon"].get<double>();
    e->place_geo = std::move(g);
    return;
  }
}

void ReadSize(const DocLayers& layers, Span sentence, CodedEvent* e) {
  if (!layers.quantities) return;
  for (const Annotation& q : *layers.quantities) {
    if (!sentence.Contains(q.span)) continue;
    json j = Attrs(q);
    if (!j.is_object() || !j.contains("outcome") || !j["outcome"].is_string()) continue;
    const std::string outcome = j["outcome"].get<std::string>();
    std::optional<int64_t> value;
    bool lower_bound = false;
    const bool exact = !j.contains("exact") || !j["exact"].is_boolean() || j["exact"].get<bool>();
    if (j.contains("value") && j["value"].is_number() && exact) value = j["value"].get<int64_t>();
    else if (j.contains("min") && j["min"].is_number()) value = j["min"].get<int64_t>(), lower_bound = true;
    else if (j.contains("value") && j["value"].is_number()) value = j["value"].get<int64_t>(), lower_bound = true;
    if (!value) continue;
    if (outcome == "killed" && !e->killed) e->killed = value, e->killed_lower_bound = lower_bound;
    else if (outcome == "injured" && !e->injured) e->injured = value, e->injured_lower_bound = lower_bound;
    else continue;
    if (e->size_span.empty()) e->size_span = q.span;
    e->arguments.emplace_back("size", q.span);
  }
}

void ReadQuote(const Doc& doc, const DocLayers& layers, const ActorCoder& actors, DocMemory& memory, CodedEvent* e) {
  for (const DocLayers::QuoteSpans& q : layers.quote_spans) {
    const Span content = q.content;
    if (content.empty() || !content.Contains(e->trigger)) continue;
    e->in_quote = true;
    const Span speaker = q.speaker;
    if (speaker.empty()) return;
    e->speaker_span = speaker;
    e->speaker = std::string(doc.Slice(speaker));
    for (const Sentence& s : doc.sentences()) {
      if (!Overlaps(s.span, speaker)) continue;
      if (s.token_end > doc.tokens().size() || s.token_begin >= s.token_end) break;
      SentenceGraph g(doc, s.token_begin, s.token_end);
      std::vector<int> words;
      for (int i = 0; i < g.size(); ++i)
        if (speaker.Contains(g.token(i).span)) words.push_back(i);
      DocMemory scratch = memory;  // coding the speaker must not disturb the running memory
      if (auto a = actors.CodeWords(g, words, scratch)) e->speaker_code = a->code;
      break;
    }
    return;
  }
}

}  // namespace sitrep::code
