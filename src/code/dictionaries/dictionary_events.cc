#include "code/dictionaries/dictionary_events.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <string>
#include <utility>

#include "code/actor_coder.h"
#include "code/cameo_table.h"
#include "code/dictionaries/dictionary_lexicon.h"
#include "code/event_details.h"
#include "code/sentence_graph.h"

namespace sitrep::code::dictionaries {

namespace {

// CAMEO -> PLOVER, by code prefix (the longest listed one wins). Written for this project
// from the PLOVER codebook's CAMEO crosswalk, with the modes and contexts sitrep's own
// predicate lexicon (lexicon/predicates.tsv) gives the same codes. 01 (public statements)
// has no PLOVER event type and is left out.
struct PloverRow {
  std::string_view cameo, type, mode, context;
};
constexpr std::array kPlover = {
    PloverRow{"02", "REQUEST", "", "diplomatic"},
    PloverRow{"021", "REQUEST", "", "economic"},
    PloverRow{"03", "AGREE", "", "diplomatic"},
    PloverRow{"04", "CONSULT", "", "diplomatic"},
    PloverRow{"041", "CONSULT", "phone", "diplomatic"},
    PloverRow{"042", "CONSULT", "visit", "diplomatic"},
    PloverRow{"043", "CONSULT", "visit", "diplomatic"},
    PloverRow{"05", "SUPPORT", "", "diplomatic"},
    PloverRow{"057", "AGREE", "", "diplomatic"},
    PloverRow{"06", "COOPERATE", "", ""},
    PloverRow{"061", "COOPERATE", "", "economic"},
    PloverRow{"062", "COOPERATE", "", "military"},
    PloverRow{"063", "COOPERATE", "", "legal"},
    PloverRow{"064", "COOPERATE", "", "intelligence"},
    PloverRow{"07", "AID", "", ""},
    PloverRow{"071", "AID", "", "economic"},
    PloverRow{"072", "AID", "", "military"},
    PloverRow{"073", "AID", "", "humanitarian"},
    PloverRow{"074", "AID", "", "military"},
    PloverRow{"08", "CONCEDE", "", ""},
    PloverRow{"087", "RETREAT", "", "military"},
    PloverRow{"09", "ACCUSE", "investigate", "legal"},
    PloverRow{"10", "REQUEST", "", "diplomatic"},
    PloverRow{"11", "ACCUSE", "disapprove", "diplomatic"},
    PloverRow{"112", "ACCUSE", "allege", "diplomatic"},
    PloverRow{"114", "ACCUSE", "allege", "diplomatic"},
    PloverRow{"115", "ACCUSE", "", "legal"},
    PloverRow{"12", "REJECT", "", "diplomatic"},
    PloverRow{"13", "THREATEN", "", ""},
    PloverRow{"138", "THREATEN", "", "military"},
    PloverRow{"14", "PROTEST", "", ""},
    PloverRow{"141", "PROTEST", "demo", ""},
    PloverRow{"143", "PROTEST", "strike", ""},
    PloverRow{"145", "PROTEST", "riot", ""},
    PloverRow{"15", "MOBILIZE", "", "military"},
    PloverRow{"154", "MOBILIZE", "troops", "military"},
    PloverRow{"16", "SANCTION", "", ""},
    PloverRow{"161", "SANCTION", "", "diplomatic"},
    PloverRow{"163", "SANCTION", "", "economic"},
    PloverRow{"166", "SANCTION", "expel", "diplomatic"},
    PloverRow{"17", "COERCE", "", ""},
    PloverRow{"171", "COERCE", "seize", ""},
    PloverRow{"173", "COERCE", "arrest", "legal"},
    PloverRow{"174", "COERCE", "deport", "legal"},
    PloverRow{"18", "ASSAULT", "", ""},
    PloverRow{"181", "ASSAULT", "abduct", ""},
    PloverRow{"183", "ASSAULT", "explosives", ""},
    PloverRow{"1831", "ASSAULT", "suicide-attack", "terrorism"},
    PloverRow{"186", "ASSAULT", "assassinate", ""},
    PloverRow{"19", "ASSAULT", "", "military"},
    PloverRow{"193", "ASSAULT", "firearms", "military"},
    PloverRow{"194", "ASSAULT", "heavy-weapons", "military"},
    PloverRow{"20", "ASSAULT", "", ""},
    PloverRow{"202", "ASSAULT", "massacre", ""},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> SplitCodes(const std::string& code) {
  std::vector<std::string> out;
  for (size_t b = 0; b <= code.size();) {
    size_t e = code.find('/', b);
    if (e == std::string::npos) e = code.size();
    if (e > b) out.push_back(code.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// Words from `first` to `last` (inclusive) of a sentence as a range, for distances.
struct WordRange {
  int first = -1, last = -1;
  std::string how;
  bool found() const { return first >= 0; }
};

int Distance(const WordRange& r, int v) {
  if (!r.found()) return 0;
  return v < r.first ? r.first - v : v > r.last ? v - r.last : 0;
}

// The actor and agent phrases of the user's dictionaries in one sentence, read as the
// dictionary coder reads them (coded_sentence.h): words joined by "_" are split, a name
// must be capitalised unless the sentence is all lower case, null codes name no actor.
class SentencePhrases {
 public:
  SentencePhrases(const std::vector<ParsedWord>& words, const UserDictionaries& dicts, std::optional<DayNumber> day,
                  const DictionaryCoderOptions& options) {
    std::vector<std::string> parts;
    std::vector<size_t> owner;
    bool any_upper = false;
    for (size_t w = 0; w < words.size(); ++w) {
      const std::string lower = Lower(words[w].text);
      any_upper |= std::any_of(words[w].text.begin(), words[w].text.end(),
                               [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
      for (size_t b = 0; b <= lower.size();) {
        size_t e = lower.find('_', b);
        if (e == std::string::npos) e = lower.size();
        if (e > b || lower.empty()) parts.push_back(lower.substr(b, e - b)), owner.push_back(w);
        b = e + 1;
      }
    }
    for (const ParsedWord& w : words)
      heads_.push_back(w.head >= 0 && w.head < static_cast<int>(words.size()) ? w.head : -1);
    UserCoding coding = dicts.Read(parts, day, options.phrase_gaps);
    for (UserMatch& m : coding.actors) {
      m.first = owner[m.first], m.last = owner[m.last];
      if (m.code.empty()) continue;
      if (!options.actors_in_any_case && any_upper && !words[m.first].text.empty() &&
          !std::isupper(static_cast<unsigned char>(words[m.first].text[0])))
        continue;
      actors_.push_back(std::move(m));
    }
    for (UserMatch& m : coding.agents) {
      m.first = owner[m.first], m.last = owner[m.last];
      if (!m.code.empty()) agents_.push_back(std::move(m));
    }
  }

  // The phrases that give actor code `code`: an actor (or a part of a compound actor),
  // alone or with an agent composed onto it, the agent in the tree just above or below
  // the actor ("Pakistani army", "soldiers from Gondor", "Minister Telemar"), as the
  // coder composes them. Failing that, with any agent of the sentence.
  std::vector<WordRange> Giving(const std::string& code) const {
    std::vector<WordRange> out = Giving(code, true);
    return out.empty() ? Giving(code, false) : out;
  }

 private:
  // Whether word `up` is `x` or among its `steps` nearest heads.
  bool Above(size_t up, size_t x, int steps) const {
    for (int k = 0; k <= steps && x < heads_.size(); ++k) {
      if (x == up) return true;
      if (heads_[x] < 0) return false;
      x = static_cast<size_t>(heads_[x]);
    }
    return false;
  }
  bool Linked(const UserMatch& a, const UserMatch& b) const {
    constexpr int kSteps = 3;
    for (size_t x = a.first; x <= a.last; ++x)
      for (size_t y = b.first; y <= b.last; ++y)
        if (Above(x, y, kSteps) || Above(y, x, kSteps)) return true;
    return false;
  }

  std::vector<WordRange> Giving(const std::string& code, bool linked) const {
    std::vector<WordRange> out;
    for (const UserMatch& a : actors_)
      for (const std::string& part : SplitCodes(a.code)) {
        if (part == code) out.push_back({static_cast<int>(a.first), static_cast<int>(a.last), "dictionary " + a.origin});
        for (const UserMatch& g : agents_) {
          if (linked && !Linked(a, g)) continue;
          if (ComposeAgent(part, g.code) == code || (ComposeAgent(part, "~ELI") == code && part != code))
            out.push_back({static_cast<int>(std::min(a.first, g.first)), static_cast<int>(std::max(a.last, g.last)),
                           "dictionary " + a.origin + " + " + g.origin});
        }
      }
    for (const UserMatch& g : agents_)  // an agent standing alone (DictionaryCoderOptions::lone_agents)
      if (ComposeAgent(std::string(), g.code) == code || ComposeAgent("---", g.code) == code)
        out.push_back({static_cast<int>(g.first), static_cast<int>(g.last), "dictionary " + g.origin});
    return out;
  }

  std::vector<int> heads_;  // each word's head in the sentence, -1 for the root
  std::vector<UserMatch> actors_, agents_;
};

// The phrase of `candidates` nearest to word `v`; of two as near, the one before it.
WordRange Nearest(const std::vector<WordRange>& candidates, int v) {
  WordRange best;
  int best_distance = std::numeric_limits<int>::max();
  for (const WordRange& r : candidates) {
    const int d = Distance(r, v) * 2 + (r.first > v ? 1 : 0);
    if (d < best_distance) best = r, best_distance = d;
  }
  return best;
}

bool InBody(const DocLayers& layers, Span sentence) {
  if (!layers.paragraphs) return true;
  for (const Annotation& p : *layers.paragraphs)
    if (p.span.Contains(sentence)) return p.label == "body";
  return true;
}

// One dictionary triple tied to its words.
struct Placed {
  const DyadEvent* dyad = nullptr;
  int verb = -1;
  WordRange source, target;
};

// Copies date, place and size from sitrep's event on the same trigger.
void KeepDetails(const CodedEvent& from, CodedEvent* to) {
  to->date_value = from.date_value, to->date_iso = from.date_iso, to->date_precision = from.date_precision;
  to->date_from = from.date_from, to->date_best = from.date_best, to->date_best_precision = from.date_best_precision;
  to->date_span = from.date_span;
  to->historical = from.historical;
  to->place = from.place, to->place_span = from.place_span, to->place_from = from.place_from;
  to->place_geo = from.place_geo;
  to->killed = from.killed, to->injured = from.injured;
  to->killed_lower_bound = from.killed_lower_bound, to->injured_lower_bound = from.injured_lower_bound;
  to->size_span = from.size_span;
  std::erase_if(to->arguments, [](const auto& a) { return a.first == "date" || a.first == "place" || a.first == "size"; });
  for (const auto& a : from.arguments)
    if (a.first == "date" || a.first == "place" || a.first == "size") to->arguments.push_back(a);
}

// Owns the lexicon a LexiconWithVerbs pointer points to, and carries the verb coder with
// it (found again with std::get_deleter).
struct LexiconOwner {
  std::shared_ptr<const DictionaryEventCoder> events;
  void operator()(const ActorLexicon* lexicon) const { delete lexicon; }
};

}  // namespace

std::optional<PloverType> PloverOfCameo(std::string_view cameo) {
  if (cameo.size() < 2 || !std::all_of(cameo.begin(), cameo.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const PloverRow* best = nullptr;
  for (const PloverRow& row : kPlover)
    if (cameo.starts_with(row.cameo) && (!best || row.cameo.size() > best->cameo.size())) best = &row;
  if (!best) return std::nullopt;
  return PloverType{best->type, best->mode, best->context};
}

DictionaryEventCoder::DictionaryEventCoder(std::shared_ptr<const VerbDictionary> verbs,
                                           std::shared_ptr<const UserDictionaries> actors,
                                           DictionaryCoderOptions options)
    : verbs_(std::move(verbs)),
      actors_(actors ? std::move(actors) : std::make_shared<const UserDictionaries>()),
      options_(options),
      coder_(verbs_, actors_, options_) {}

std::vector<CodedEvent> DictionaryEventCoder::Code(const Doc& doc, const ActorLexicon& lexicon) const {
  std::vector<CodedEvent> out;
  if (!verbs_ || doc.sentences().empty()) return out;
  const std::vector<Token>& tokens = doc.tokens();
  DocLayers layers(doc);
  ActorCoder actor_coder(doc, lexicon, layers.entities);
  DocMemory memory;  // for the speakers of quotations only
  memory.home_country = actor_coder.HomeCountry();
  std::optional<DayNumber> day;
  if (doc.meta().published) day = DayOfIsoDate(doc.meta().published->iso);

  for (const Sentence& s : doc.sentences()) {
    if (s.token_begin >= s.token_end || s.token_end > tokens.size()) continue;
    // As sitrep's own coder: headings, bullets and captions summarise; they report nothing new.
    if (!InBody(layers, s.span)) continue;
    // The coder's input, from the tokens, tags and tree the syntax stage made.
    std::vector<ParsedWord> words;
    words.reserve(s.token_end - s.token_begin);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = tokens[t];
      ParsedWord w{std::string(doc.Slice(tok.span)), tok.lemma, tok.upos, tok.deprel, -1};
      if (tok.head >= static_cast<int32_t>(s.token_begin) && tok.head < static_cast<int32_t>(s.token_end))
        w.head = tok.head - static_cast<int>(s.token_begin);
      words.push_back(std::move(w));
    }
    const SentenceCoding coding = coder_.Code(words, day);
    if (coding.discarded || coding.events.empty()) continue;

    // The words a verb entry names, and the entries and patterns ("FILE:LINE") each can
    // have been coded by.
    const int n = static_cast<int>(words.size());
    std::vector<std::vector<std::string>> origins(n);
    std::vector<int> verbs;
    for (int i = 0; i < n; ++i) {
      if (words[i].upos != "VERB" && !options_.verbs_by_word) continue;
      for (const VerbEntry* entry : verbs_->Candidates(Lower(words[i].text), Lower(words[i].lemma))) {
        origins[i].push_back(entry->origin);
        for (const VerbPattern& p : verbs_->Patterns(*entry)) origins[i].push_back(p.origin);
      }
      if (!origins[i].empty()) verbs.push_back(i);
    }
    if (verbs.empty())
      for (int i = 0; i < n; ++i)
        if (words[i].upos == "VERB") verbs.push_back(i);
    if (verbs.empty()) continue;

    const SentencePhrases phrases(words, *actors_, day, options_);
    std::vector<Placed> placed;
    for (const DyadEvent& d : coding.events) {
      const std::vector<WordRange> sources = phrases.Giving(d.source), targets = phrases.Giving(d.target);
      // The verb whose entry or pattern gave the code; of several (a verb twice, two verbs
      // of one block), the one nearest to its actors.
      std::vector<int> named;
      for (int v : verbs)
        if (std::find(origins[v].begin(), origins[v].end(), d.origin) != origins[v].end()) named.push_back(v);
      if (named.empty()) named = verbs;
      Placed p;
      p.dyad = &d;
      int best_cost = std::numeric_limits<int>::max();
      for (int v : named) {
        const WordRange src = Nearest(sources, v), tgt = Nearest(targets, v);
        const int cost = Distance(src, v) + Distance(tgt, v);
        if (cost < best_cost) best_cost = cost, p.verb = v, p.source = src, p.target = tgt;
      }
      placed.push_back(std::move(p));
    }

    const SentenceGraph g(doc, s.token_begin, s.token_end);
    // The sentence's predicates, for the date rule: the verbs the dictionary coded.
    std::vector<bool> is_trigger(g.size(), false);
    for (const Placed& p : placed) is_trigger[p.verb] = true;
    auto span_of = [&](const WordRange& r) {
      return r.found() ? Span{tokens[s.token_begin + r.first].span.begin, tokens[s.token_begin + r.last].span.end}
                       : Span{};
    };
    for (const Placed& p : placed) {
      const DyadEvent& d = *p.dyad;
      const std::optional<PloverType> plover = PloverOfCameo(d.code);
      if (!plover) continue;  // a public statement (01x), or not a CAMEO code: no PLOVER event
      CodedEvent e;
      e.type = plover->type;
      e.mode = std::string(plover->mode), e.context = std::string(plover->context);  // "" for none, as the lexicon's "-"
      e.cameo = d.code;
      if (auto cameo = LookupCameo(d.code)) e.quad_class = cameo->quad_class, e.goldstein = cameo->goldstein;
      e.lexicon_source = "dictionary";
      e.sentence = s.span;
      e.trigger = tokens[s.token_begin + p.verb].span;
      e.root_event = layers.lead_paragraph.Contains(s.span);
      auto actor = [&](const WordRange& r, const std::string& code) {
        const Span span = span_of(r);
        return CodedActor{r.found() ? std::string(doc.Slice(span)) : std::string(), span, code,
                          r.found() ? r.how : "dictionary " + d.origin};
      };
      e.sources.push_back(actor(p.source, d.source));
      e.targets.push_back(actor(p.target, d.target));
      if (p.source.found()) e.arguments.emplace_back("source", e.sources.back().span);
      if (p.target.found()) e.arguments.emplace_back("target", e.targets.back().span);
      ReadQuote(doc, layers, actor_coder, memory, &e);
      ReadModes(g, p.verb, -1, &e);
      ReadDate(doc, layers, g, p.verb, -1, is_trigger, &e);
      ReadPlace(doc, actor_coder, g, p.verb, -1, &e);
      GeocodePlace(layers, &e);
      if (e.type == "ASSAULT") ReadSize(layers, s.span, &e);
      // Both sides named by the user's own dictionaries: as sure as sitrep's best.
      e.confidence = e.in_quote ? 0.75 : 0.8;
      out.push_back(std::move(e));
    }
  }
  return out;
}

void DictionaryEventCoder::CodeDocument(const Doc& doc, const ActorLexicon& lexicon,
                                        std::vector<CodedEvent>* events) const {
  std::vector<CodedEvent> mine = Code(doc, lexicon);
  if (mine.empty()) return;
  // One event per trigger word: the dictionary's code wins, sitrep's date, place and size stay.
  std::vector<bool> replaced(events->size(), false);
  for (CodedEvent& e : mine)
    for (size_t k = 0; k < events->size(); ++k)
      if ((*events)[k].trigger == e.trigger) {
        KeepDetails((*events)[k], &e);
        replaced[k] = true;
        break;
      }
  size_t k = 0;
  std::erase_if(*events, [&](const CodedEvent&) { return replaced[k++]; });
  for (CodedEvent& e : mine) events->push_back(std::move(e));
  std::stable_sort(events->begin(), events->end(), [](const CodedEvent& a, const CodedEvent& b) {
    return a.trigger.begin != b.trigger.begin ? a.trigger.begin < b.trigger.begin : a.trigger.end < b.trigger.end;
  });
}

std::shared_ptr<const ActorLexicon> AttachDictionaryEvents(ActorLexicon lexicon,
                                                           std::shared_ptr<const DictionaryEventCoder> events) {
  return std::shared_ptr<const ActorLexicon>(new ActorLexicon(std::move(lexicon)), LexiconOwner{std::move(events)});
}

std::shared_ptr<const DictionaryEventCoder> DictionaryEventsOf(const std::shared_ptr<const ActorLexicon>& lexicon) {
  if (!lexicon) return nullptr;
  const LexiconOwner* owner = std::get_deleter<LexiconOwner>(lexicon);
  return owner ? owner->events : nullptr;
}

Result<std::shared_ptr<const ActorLexicon>> LexiconWithVerbs(const DictionaryOptions& options) {
  // Without verb files, exactly what the actor dictionaries alone give.
  if (options.verbs.empty()) return LexiconWithDictionaries(options);
  std::vector<std::string> warnings;
  auto dicts = UserDictionaries::Load(options.actors, options.agents, &warnings);
  Status status = dicts.ok() ? Status::Ok() : dicts.status();
  auto verbs = std::make_shared<VerbDictionary>();
  for (const std::string& path : options.verbs) {
    if (!status.ok()) break;
    status = verbs->Load(path, &warnings);
  }
  if (status.ok() && options.actors.empty() && options.agents.empty())
    warnings.push_back("--verbs without --actors: the verb dictionaries code only actors of the user's actor "
                       "dictionaries, so they code nothing");
  if (options.warn) {
    constexpr size_t kShown = 50;  // as LexiconWithDictionaries: the first ones say enough
    for (size_t i = 0; i < warnings.size() && i < kShown; ++i) options.warn(warnings[i]);
    if (warnings.size() > kShown)
      options.warn(fmt::format("... and {} more dictionary warnings", warnings.size() - kShown));
  }
  if (!status.ok()) return status;
  ActorLexicon lexicon = ActorLexicon::Default();
  // Without actor files sitrep's own actor coding stays as it is.
  if (!options.actors.empty() || !options.agents.empty()) lexicon.set_user_dictionaries(*dicts);
  auto events = std::make_shared<const DictionaryEventCoder>(std::move(verbs), std::move(*dicts));
  return AttachDictionaryEvents(std::move(lexicon), std::move(events));
}

}  // namespace sitrep::code::dictionaries
