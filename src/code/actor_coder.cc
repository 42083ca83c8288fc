#include "code/actor_coder.h"

#include <algorithm>
#include <cstdlib>

#include "code/dictionaries/user_dictionaries.h"

namespace sitrep::code {

namespace {

bool Capitalized(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

bool IsPronoun(const SentenceGraph& g, int i) { return g.upos(i) == "PRON"; }

// "Afghans", "Pakistanis", "Americans": a people, not a state.
bool IsPeopleWord(std::string_view lower) {
  return lower.size() > 3 && (lower.ends_with("ans") || lower.ends_with("is") || lower.ends_with("ese"));
}

struct Match {
  const ActorWord* word;
  int first, last;  // positions in the phrase's word list
  std::string phrase;
};

}  // namespace

ActorCoder::ActorCoder(const Doc& doc, const ActorLexicon& lexicon, const std::vector<Annotation>* entities)
    : doc_(doc), lexicon_(lexicon), entities_(entities) {
  lowercase_doc_ = std::none_of(doc.text().begin(), doc.text().end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (doc.meta().published) day_ = dictionaries::DayOfIsoDate(doc.meta().published->iso);
}

std::string ActorCoder::HomeCountry() const {
  std::string dateline = doc_.meta().dateline_place;
  if (const ActorWord* w = dateline.empty() ? nullptr : lexicon_.Find(LowerAscii(dateline)); !w) dateline.clear();
  if (dateline.empty()) {
    // A dateline the reader left in the text: "ISLAMABAD: ...", "QUETTA (Reuters) - ...".
    for (const Token& t : doc_.tokens()) {
      std::string_view w = doc_.Slice(t.span);
      const size_t after = t.span.end;
      const bool caps = w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      const char next = after < doc_.text().size() ? doc_.text()[after] : '\0';
      const char next2 = after + 1 < doc_.text().size() ? doc_.text()[after + 1] : '\0';
      if (caps && (next == ':' || next == ',' || (next == ' ' && (next2 == '(' || next2 == '-')))) { dateline = w; break; }
      if (t.span.begin > 400) break;  // only near the top of the article
    }
  }
  if (!dateline.empty()) {
    if (const ActorWord* w = lexicon_.Find(LowerAscii(dateline));
        w && (w->kind == ActorWord::Kind::kCapital || w->kind == ActorWord::Kind::kCountry))
      return w->code;
  }
  std::map<std::string, int> counts;
  for (const Token& t : doc_.tokens()) {
    std::string_view word = doc_.Slice(t.span);
    if (!Capitalized(word) || word.size() < 3) continue;
    const ActorWord* w = lexicon_.Find(LowerAscii(word));
    if (w && (w->kind == ActorWord::Kind::kCapital || w->kind == ActorWord::Kind::kCountry)) ++counts[w->code];
  }
  std::string best;
  int most = 0;
  for (const auto& [code, n] : counts)
    if (n > most) best = code, most = n;
  return best;
}

const Annotation* ActorCoder::EntityAt(const SentenceGraph& g, int i) const {
  if (!entities_) return nullptr;
  const Span s = g.token(i).span;
  // The layer is sorted by span: find the last entity starting at or before the word.
  auto it = std::upper_bound(entities_->begin(), entities_->end(), s.begin,
                             [](uint32_t b, const Annotation& a) { return b < a.span.begin; });
  if (it == entities_->begin()) return nullptr;
  --it;
  return it->span.Contains(s) ? &*it : nullptr;
}

bool ActorCoder::InLocation(const SentenceGraph& g, int i) const {
  const Annotation* e = EntityAt(g, i);
  return e && e->label == "LOC";
}

std::optional<Span> ActorCoder::LocationAt(const SentenceGraph& g, int i) const {
  const Annotation* e = EntityAt(g, i);
  if (e && e->label == "LOC") return e->span;
  return std::nullopt;
}

std::optional<Span> ActorCoder::NamedActorAt(const SentenceGraph& g, int i) const {
  const Annotation* e = EntityAt(g, i);
  if (e && (e->label == "PER" || e->label == "ORG")) return e->span;
  return std::nullopt;
}

// The words that name an actor: the head with its name parts and modifiers
// (flat, compound, nmod:poss, amod, appos), and one level of "of/in/from/for/at"
// phrases ("officials in Islamabad", "secretary of state"); not clauses, participle
// phrases or deeper prepositional phrases ("entities involved in ... to Pakistan" is
// not Pakistan).
static std::vector<int> NounPhrase(const SentenceGraph& g, int head) {
  static const std::vector<std::string_view> kNamePart = {"flat", "flat:name", "compound", "nmod:poss", "nmod:desc",
                                                          "nmod:unmarked", "amod", "nummod", "appos", "fixed"};
  auto is_part = [&](int c) {
    return std::find(kNamePart.begin(), kNamePart.end(), std::string_view(g.deprel(c))) != kNamePart.end();
  };
  std::vector<int> words = {head}, stack = {head};
  std::vector<int> depth_of(g.size(), 0);
  while (!stack.empty() && words.size() < 24) {
    const int w = stack.back();
    stack.pop_back();
    for (int c : g.children(w)) {
      bool take = is_part(c) && !(g.deprel(c) == "amod" && !g.children(c).empty() && g.upos(c) == "VERB");
      if (!take && (g.deprel(c) == "nmod" || g.deprel(c) == "obl") && depth_of[w] == 0) {
        const std::string prep = g.CaseOf(c);
        take = prep == "of" || prep == "in" || prep == "from" || prep == "for" || prep == "at";
        // "officials in Washington" are Washington's; "Joe Biden in Lima" is only there.
        if ((prep == "in" || prep == "at") && g.upos(w) == "PROPN") take = false;
      }
      if (!take) continue;
      depth_of[c] = depth_of[w] + (g.deprel(c) == "nmod" || g.deprel(c) == "obl" ? 1 : 0);
      words.push_back(c);
      stack.push_back(c);
    }
  }
  std::sort(words.begin(), words.end());
  return words;
}

std::optional<CodedActor> ActorCoder::CodePhrase(const SentenceGraph& g, int head, DocMemory& memory,
                                                 const std::string& speaker_code) const {
  // The noun phrase: no clauses, no coordinated words (they are actors of their own).
  std::vector<int> words = NounPhrase(g, head);
  // A title and name is one chunk even where the parser breaks it ("the US Acting Under
  // Secretary ... John Bass" with "Acting" read as a verb): add the run of capitalised
  // words around the head, joined by "of" and "for", up to punctuation.
  if (Capitalized(g.word(head))) {
    auto joins = [&](int i) {
      if (i <= 0 || i >= g.size() - 1) return false;
      return (g.lower(i) == "of" || g.lower(i) == "for") && Capitalized(g.word(i - 1)) && Capitalized(g.word(i + 1));
    };
    // Nominal words only: a title-case headline ("Blinken Calls Dar") is not one name.
    // "Acting" and "Under" belong to a title; a headline's finite verb ("Calls") ends it.
    auto nominal = [&](int i) {
      const std::string& x = g.token(i).xpos;
      return g.upos(i) != "PUNCT" && x != "VBZ" && x != "VBD" && x != "VBP" && g.upos(i) != "AUX";
    };
    auto in_run = [&](int i) { return (Capitalized(g.word(i)) && nominal(i)) || joins(i); };
    int first = head, last = head;
    while (first > 0 && head - first < 12 && in_run(first - 1) && g.head(first - 1) != -1) --first;
    while (last + 1 < g.size() && last - head < 12 && in_run(last + 1)) ++last;
    // A headline's parse is unreliable ("Blinken phones Dar" as one phrase): there, only
    // the run of capitalised words itself counts.
    if (memory.in_heading) words.clear();
    for (int i = first; i <= last; ++i)
      if (std::find(words.begin(), words.end(), i) == words.end()) words.push_back(i);
    std::sort(words.begin(), words.end());
  }
  return Code(g, words, head, memory, speaker_code);
}

std::optional<CodedActor> ActorCoder::CodeWords(const SentenceGraph& g, const std::vector<int>& words,
                                                DocMemory& memory) const {
  if (words.empty()) return std::nullopt;
  int head = words.front();
  for (int w : words)  // the word whose head lies outside the span
    if (std::find(words.begin(), words.end(), g.head(w)) == words.end()) { head = w; break; }
  return Code(g, words, head, memory, "");
}

std::optional<CodedActor> ActorCoder::Code(const SentenceGraph& g, const std::vector<int>& words, int head,
                                           DocMemory& memory, const std::string& speaker_code) const {
  if (words.empty()) return std::nullopt;
  CodedActor actor;
  actor.span = g.SpanOf(words);
  actor.text = g.TextOf(words);
  if (words.size() == 1 && IsPronoun(g, words[0])) {
    const std::string& w = g.lower(words[0]);
    if (!speaker_code.empty() && (w == "we" || w == "i" || w == "us" || w == "our" || w == "my"))
      return actor.code = speaker_code, actor.how = "speaker", actor;
    if (!memory.last_person_code.empty() && (w == "he" || w == "she" || w == "him" || w == "her" || w == "his"))
      return actor.code = memory.last_person_code, actor.how = "pronoun", actor;
    return std::nullopt;
  }

  // Longest lexicon phrases, left to right.
  std::vector<Match> matches;
  const int n = static_cast<int>(words.size());
  for (int p = 0; p < n;) {
    int taken = 0;
    for (int len = std::min(lexicon_.max_words(), n - p); len >= 1 && !taken; --len) {
      std::string phrase;
      for (int k = 0; k < len; ++k) phrase += (k ? " " : "") + g.lower(words[p + k]);
      const ActorWord* w = lexicon_.Find(phrase);
      if (!w) continue;
      // Names of countries, capitals and groups are capitalised: "US" is a country, "us" is not.
      if (w->kind != ActorWord::Kind::kSector && !Capitalized(g.word(words[p])) && !lowercase_doc_) continue;
      if (phrase == "us" && g.word(words[p]) != "US") continue;
      matches.push_back(Match{w, p, p + len - 1, phrase});
      taken = len;
    }
    p += taken ? taken : 1;
  }
  // The user's dictionaries come first: the words their phrases cover are theirs, an
  // actor phrase decides the code (with an agent or a sector word composed onto it), and
  // an agent alone stands in for sitrep's sector word.
  std::string user_code, user_how, basis;  // basis: how sure, for the memory below
  ActorWord user_agent_word{ActorWord::Kind::kSector, ""};
  std::optional<dictionaries::UserMatch> user_agent;
  std::vector<dictionaries::UserMatch> user_matches;  // actors and agents found
  if (const auto* dicts = lexicon_.user_dictionaries()) {
    std::vector<std::string> lower;
    for (int w : words) lower.push_back(g.lower(w));
    dictionaries::UserCoding user = dicts->Read(lower, day_);
    // Names are capitalised, as for sitrep's own countries and groups: the stem "PLA"
    // (the army) must not take "plans". Agents are common nouns and match in any case.
    std::erase_if(user.actors, [&](const dictionaries::UserMatch& m) {
      return !lowercase_doc_ && !Capitalized(g.word(words[m.first]));
    });
    auto covered = [&](const Match& m) {
      auto overlaps = [&](const dictionaries::UserMatch& u) {
        return static_cast<int>(u.first) <= m.last && m.first <= static_cast<int>(u.last);
      };
      return std::any_of(user.actors.begin(), user.actors.end(), overlaps) ||
             std::any_of(user.agents.begin(), user.agents.end(), overlaps);
    };
    std::erase_if(matches, covered);
    user_matches = user.actors;
    user_matches.insert(user_matches.end(), user.agents.begin(), user.agents.end());
    const int at = static_cast<int>(std::find(words.begin(), words.end(), head) - words.begin());
    for (const dictionaries::UserMatch& a : user.agents)  // the agent nearest the head
      if (!a.code.empty() && (!user_agent || std::abs(static_cast<int>(a.last) - at) <= std::abs(static_cast<int>(user_agent->last) - at)))
        user_agent = a;
    for (const dictionaries::UserMatch& a : user.actors) {
      if (a.code.empty()) continue;
      // A compound code ("GME/GMW") names several actors; an argument holds one, the first.
      user_code = a.code.substr(0, a.code.find('/'));
      user_how = "dictionary " + a.origin;
      std::string agent_code;
      if (user_agent) agent_code = user_agent->code, user_how += " + " + user_agent->origin;
      for (const Match& m : matches)  // else sitrep's sector word: "Pakistani army"
        if (agent_code.empty() && m.word->kind == ActorWord::Kind::kSector) agent_code = "~" + m.word->code;
      if (!agent_code.empty()) user_code = dictionaries::ComposeAgent(user_code, agent_code);
      if (!day_ && a.has_dated) user_how += " (undated document: undated codes only)";
      basis = "phrase";
      break;
    }
    if (user_code.empty() && user_agent) {
      const std::string& c = user_agent->code;
      user_agent_word.code = c.substr(c.starts_with('~') ? 1 : 0, c.size() - 1);
      std::string phrase;
      for (size_t k = user_agent->first; k <= user_agent->last; ++k) phrase += (phrase.empty() ? "" : " ") + lower[k];
      matches.push_back(Match{&user_agent_word, static_cast<int>(user_agent->first), static_cast<int>(user_agent->last), phrase});
    }
  }
  // A dateline the parser hung on the first name ("LIMA — President Joe Biden met") says
  // where the report was filed, not whom the person serves. A person's name in the phrase:
  // a PER entity, or a mixed-case proper noun that names no country, capital or group
  // ("Men" tagged PROPN; not "Pakistan", not "PEN").
  bool names_person = false;
  for (size_t k = 0; k < words.size() && !names_person; ++k) {
    const int x = words[k];
    const Annotation* e = EntityAt(g, x);
    const std::string_view wx = g.word(x);
    const bool in_lexicon = std::any_of(matches.begin(), matches.end(), [&](const Match& o) {
      return o.first <= static_cast<int>(k) && static_cast<int>(k) <= o.last;
    });
    names_person = (e && e->label == "PER") ||
                   (x != 0 && !in_lexicon && g.upos(x) == "PROPN" && Capitalized(wx) &&
                    std::any_of(wx.begin(), wx.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  }
  if (names_person && g.size() >= 2 && g.upos(1) == "PUNCT") {
    std::erase_if(matches, [&](const Match& m) {
      if (words[m.first] != 0 || m.word->kind == ActorWord::Kind::kSector) return false;
      const std::string_view word = g.word(0);
      return word.size() > 2 && std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    });
  }
  const int head_pos = static_cast<int>(std::find(words.begin(), words.end(), head) - words.begin());
  const Match *country = nullptr, *sector = nullptr, *group = nullptr;
  for (const Match& m : matches) {
    switch (m.word->kind) {
      case ActorWord::Kind::kCountry:
      case ActorWord::Kind::kCapital:
        if (!country) country = &m;
        break;
      case ActorWord::Kind::kSector:
        // The sector word nearest the head decides: "Chief of Army Staff General Munir" is MIL.
        if (!sector || std::abs(m.last - head_pos) <= std::abs(sector->last - head_pos)) sector = &m;
        break;
      case ActorWord::Kind::kGroup:
        if (!group || (m.first <= head_pos && head_pos <= m.last)) group = &m;
        break;
    }
  }
  // Name words: in a PER entity, or proper nouns the lexicon does not know (the entity
  // model misses many short mentions like "Bass").
  std::vector<bool> in_match(words.size(), false);
  for (const Match& m : matches)
    for (int k = m.first; k <= m.last; ++k) in_match[k] = true;
  // Words of the user's phrases are not a person's name to remember ("China"), unless
  // the entity tagger says they are ("Barack Obama").
  for (const dictionaries::UserMatch& u : user_matches)
    for (size_t k = u.first; k <= u.last; ++k)
      if (const Annotation* e = EntityAt(g, words[k]); !(e && e->label == "PER")) in_match[k] = true;
  std::vector<std::string> person_words, lookup_words;
  bool has_person_entity = false;
  for (size_t k = 0; k < words.size(); ++k) {
    const int w = words[k];
    const Annotation* e = EntityAt(g, w);
    const bool person = e && e->label == "PER";
    has_person_entity |= person;
    if (!Capitalized(g.word(w)) || g.word(w).size() < 2 || in_match[k]) continue;
    if (person || (g.upos(w) == "PROPN" && !(e && e->label != "PER"))) person_words.push_back(g.lower(w));
    else if (!e) lookup_words.push_back(g.lower(w));  // looked up, never learnt: "Bass" tagged INTJ
  }
  lookup_words.insert(lookup_words.begin(), person_words.begin(), person_words.end());

  const bool group_is_head = group && group->first <= head_pos && head_pos <= group->last;
  // "Taliban militants": the group's code already says REB.
  const bool group_has_sector = group && sector && group->word->code.ends_with(sector->word->code);
  // "Houthi military sites in Yemen": a named armed group says more than its country.
  const bool group_over_country = group && country && group->word->code.size() == 6 &&
                                  !group->word->code.starts_with("IGO") && !group->word->code.starts_with("IMG");
  if (!user_code.empty()) {
    actor.code = user_code, actor.how = user_how;
  } else if (group && (group_is_head || !sector || group_has_sector || group_over_country)) {
    actor.code = group->word->code, actor.how = "group";
  } else if (!country && group && sector && (group->word->code.size() == 6 || group->word->code.size() == 3) && !group->word->code.starts_with("IGO") &&
             !group->word->code.starts_with("IMG")) {
    // "State Department's spokesperson": the group gives the country.
    actor.code = group->word->code.substr(0, 3) + sector->word->code, actor.how = "phrase";
    if (!memory.in_heading) memory.roles[sector->phrase] = group->word->code.substr(0, 3);
  } else if (country && sector) {
    actor.code = country->word->code + sector->word->code, actor.how = "phrase";
    if (!memory.in_heading) memory.roles[sector->phrase] = country->word->code;
  } else if (country && has_person_entity) {
    actor.code = country->word->code + "GOV", actor.how = "phrase";  // "US envoy John Smith" without a role word
  } else if (country) {
    const bool is_head = country->first <= head_pos && head_pos <= country->last;
    if (!is_head && g.upos(head) == "NOUN" && country->word->kind != ActorWord::Kind::kCapital)
      actor.code = country->word->code + "GOV", actor.how = "state";  // "Pakistan's cooperation": the state acts
    else if (!is_head) actor.code = country->word->code, actor.how = "phrase";  // "Beijing Research Institute"
    else if (country->word->kind == ActorWord::Kind::kCountry && IsPeopleWord(country->phrase))
      actor.code = country->word->code + "CVL", actor.how = "people";
    else actor.code = country->word->code + "GOV", actor.how = "state";
  } else if (sector) {
    // A person the text names with a country elsewhere ("US President Joe Biden") keeps
    // it, before any guess from the role word or the place of the report.
    for (auto w = person_words.rbegin(); w != person_words.rend() && actor.code.empty(); ++w) {
      auto it = memory.names.find(*w);
      auto strength = memory.name_strength.find(*w);
      if (it != memory.names.end() && it->second.size() >= 3 && strength != memory.name_strength.end() &&
          strength->second >= 3)
        actor.code = it->second.substr(0, 3) + sector->word->code, actor.how = "name-memory";
    }
    if (!actor.code.empty()) {
    } else if (auto it = memory.roles.find(sector->phrase); it != memory.roles.end()) {
      actor.code = it->second + sector->word->code, actor.how = "role-memory";
    } else {
      for (auto w = person_words.rbegin(); w != person_words.rend() && actor.code.empty(); ++w)
        if (auto it = memory.names.find(*w); it != memory.names.end() && it->second.size() >= 3)
          actor.code = it->second.substr(0, 3) + sector->word->code, actor.how = "name-memory";
      if (actor.code.empty() && !memory.home_country.empty())
        actor.code = memory.home_country + sector->word->code, actor.how = "home-country";
      // No country anywhere: the sector alone ("REB") still says who acted.
      if (actor.code.empty() && memory.home_country.empty()) actor.code = sector->word->code, actor.how = "sector-only";
    }
  } else {
    for (auto w = lookup_words.rbegin(); w != lookup_words.rend() && actor.code.empty(); ++w)
      if (auto it = memory.names.find(*w); it != memory.names.end()) actor.code = it->second, actor.how = "name-memory";
  }
  if (actor.code.empty()) return std::nullopt;
  if (user_agent && sector && sector->word == &user_agent_word) {
    // The user's agent was the sector word: compose it the TABARI way ("NGO~" goes first).
    const std::string& core = user_agent_word.code;
    const std::string base = actor.code.ends_with(core) ? actor.code.substr(0, actor.code.size() - core.size()) : actor.code;
    actor.code = dictionaries::ComposeAgent(base, user_agent->code);
    basis = actor.how;
    actor.how = "dictionary " + user_agent->origin + " (" + actor.how + ")";
  }
  if (basis.empty()) basis = actor.how;
  // A sector with no country ("GOV") names no one: it is not remembered as a person's code.
  if (!person_words.empty() && basis != "sector-only") {
    // A later mention replaces an earlier one only if it is as explicit: "US Secretary of
    // State Antony Blinken" is not undone by a bare "Blinken" coded from memory.
    const bool explicit_code = IsExplicitCode(basis);
    const int strength = explicit_code ? (memory.in_heading ? 2 : 3) : basis == "home-country" ? 0 : 1;
    for (const std::string& w : person_words) {
      auto it = memory.name_strength.find(w);
      if (it != memory.name_strength.end() && it->second > strength) continue;
      memory.names[w] = actor.code, memory.name_strength[w] = strength;
    }
    if (memory.last_person_code != actor.code) memory.other_person_code = memory.last_person_code;
    memory.last_person_code = actor.code;
  } else if (sector && actor.how != "group" && !g.lower(head).ends_with("s")) {
    static const std::vector<std::string> kPersonSectors = {"GOV", "MIL", "COP", "JUD", "LEG", "MED"};
    if (std::find(kPersonSectors.begin(), kPersonSectors.end(), sector->word->code) != kPersonSectors.end())
      memory.last_person_code = actor.code;  // "the spokesperson ... he said"
  }
  return actor;
}

}  // namespace sitrep::code
