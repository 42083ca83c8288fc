#include "code/event_coder.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "code/actor_coder.h"
#include "code/cameo_table.h"
#include "code/event_details.h"
#include "code/predicate_finder.h"
#include "code/predicate_readings.h"
#include "code/sentence_graph.h"

namespace sitrep::code {

namespace {

using nlohmann::json;

struct Trigger {
  int word = -1;
  const PredicateEntry* entry = nullptr;
};

class SentenceCoder {
 public:
  SentenceCoder(const Doc& doc, const SentenceGraph& g, const DocLayers& layers, const ActorCoder& actors,
                DocMemory& memory, const PredicateLexicon& lexicon, const ActorLexicon& actor_lexicon,
                const CoderOptions& options, Span sentence)
      : doc_(doc), g_(g), layers_(layers), actors_(actors), memory_(memory), actor_lexicon_(actor_lexicon),
        options_(options), sentence_(sentence) {
    is_trigger_.assign(g.size(), false);
    for (int i = 0; i < g.size(); ++i)
      for (const PredicateEntry* e : ChooseEntries(g, i, lexicon)) triggers_.push_back({i, e}), is_trigger_[i] = true;
  }

  void Code(std::vector<CodedEvent>* out) {
    const size_t first = out->size();
    for (const Trigger& t : triggers_) {
      if (static_cast<int>(out->size() - first) >= options_.max_events_per_sentence) break;
      if (Folded(t) || PurposeOfMeeting(t)) continue;
      CodedEvent e;
      if (!Build(t, &e)) continue;
      bool duplicate = false;
      // One attack told in several words ("the attacks that targeted ..., the murder of 23").
      for (size_t k = first; k < out->size() && !duplicate; ++k) {
        CodedEvent& o = (*out)[k];
        if (o.type != "ASSAULT" || e.type != "ASSAULT") continue;
        if (!e.sources.empty() && !o.sources.empty() && e.sources[0].code != o.sources[0].code) continue;
        if (o.sources.empty()) o.sources = e.sources;
        for (const CodedActor& a : e.targets)
          if (std::none_of(o.targets.begin(), o.targets.end(), [&](const CodedActor& t) { return t.code == a.code; }))
            o.targets.push_back(a);
        if (!o.killed && e.killed) o.killed = e.killed, o.killed_lower_bound = e.killed_lower_bound;
        duplicate = true;
      }
      for (size_t k = first; k < out->size(); ++k) {
        const CodedEvent& o = (*out)[k];
        duplicate |= o.type == e.type && FirstCode(o.sources) == FirstCode(e.sources) &&
                     FirstCode(o.targets) == FirstCode(e.targets);
      }
      if (!duplicate) out->push_back(std::move(e));
    }
  }

 private:
  static std::string FirstCode(const std::vector<CodedActor>& a) { return a.empty() ? "" : a.front().code; }

  const PredicateEntry* EntryAt(int word) const {
    for (const Trigger& t : triggers_)
      if (t.word == word) return t.entry;
    return nullptr;
  }

  // A predicate that only restates another: "promised to provide" (the promise is the
  // event), "the attack that killed four" (the attack is).
  bool Folded(const Trigger& t) const {
    const int head = g_.head(t.word);
    if (head < 0) return false;
    const PredicateEntry* governing = EntryAt(head);
    if (!governing) return false;
    const std::string& d = g_.deprel(t.word);
    if (governing->type == "AGREE" && (d == "xcomp" || d == "ccomp")) return true;
    if (governing->type == "ASSAULT" && t.entry->type == "ASSAULT" && (d == "acl" || d == "acl:relcl")) return true;
    return false;
  }

  // "met X to discuss Y": the purpose clause is the meeting, not a second one.
  bool PurposeOfMeeting(const Trigger& t) const {
    if (t.entry->type != "CONSULT" || t.entry->pos != 'V') return false;
    const int mark = g_.Child(t.word, "mark");
    if (mark < 0 || g_.lower(mark) != "to") return false;
    for (const Trigger& other : triggers_)
      if (other.word < t.word && other.entry->type == "CONSULT") return true;
    return false;
  }

  // The subject of `verb`, climbing through control and shared subjects.
  // The nsubj of `w`; of two, not a dateline read as one ("ISLAMABAD: The United States said").
  int SubjectChild(int w) const {
    int s = -1;
    bool dateline_subject = false;
    for (int c : g_.children(w)) {
      if (g_.deprel(c) != "nsubj") continue;
      const std::string_view word = g_.word(c);
      const bool dateline = c == 0 && word.size() > 2 &&
                            std::none_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (s < 0 || (dateline_subject && !dateline)) s = c, dateline_subject = dateline;
    }
    return s;
  }

  int SubjectOf(int verb) const {
    for (int w = verb, steps = 0; w >= 0 && steps < 4; w = g_.head(w), ++steps) {
      int s = SubjectChild(w);
      if (s >= 0) {
        // "The US said it had promised": "it" is the one who said.
        if (g_.upos(s) == "PRON" && (g_.lower(s) == "it" || g_.lower(s) == "they")) {
          for (int up = g_.head(w), k = 0; up >= 0 && k < 3; up = g_.head(up), ++k) {
            if (!IsSayVerb(g_.lemma(up))) continue;
            if (int outer = SubjectChild(up); outer >= 0) return outer;
            break;
          }
        }
        return s;
      }
      if (!SharesSubject(g_.deprel(w))) break;
      // "The Houthis said five fighters were killed and vowed to retaliate": a conjunct
      // read as coordinated with a passive clause under a verb of saying shares the
      // sayer's subject, never the passive one (which is what was done to).
      if (g_.deprel(w) == "conj" && g_.head(w) >= 0) {
        const int h = g_.head(w);
        if (SubjectChild(h) < 0 && g_.Child(h, "nsubj:pass") >= 0 && g_.head(h) >= 0 &&
            (g_.deprel(h) == "ccomp" || g_.deprel(h) == "parataxis") && IsSayVerb(g_.lemma(g_.head(h))))
          if (int sayer = SubjectChild(g_.head(h)); sayer >= 0) return sayer;
      }
      // "Gunmen opened fire ..., officials said": who reports an act did not do it.
      if (g_.deprel(w) == "parataxis" && g_.head(w) >= 0 && IsSayVerb(g_.lemma(g_.head(w)))) break;
      // Object control: in "prevent them from launching attacks", "urged Kabul to act",
      // the governor's object does the act, not its subject.
      if ((g_.deprel(w) == "xcomp" || g_.deprel(w).starts_with("advcl")) && g_.head(w) >= 0)
        if (int obj = g_.Child(g_.head(w), "obj"); obj >= 0 && obj < w) return obj;
    }
    // "Bass, also called on ...": the comma made the parser read the name as an
    // interjection. A capitalised first word hanging from the verb is its subject.
    for (int c : g_.children(verb))
      if (c == 0 && c < verb &&
          (g_.deprel(c) == "discourse" || g_.deprel(c) == "vocative" || g_.deprel(c) == "dep" ||
           g_.deprel(c) == "advcl" || g_.deprel(c) == "csubj") &&
          !g_.word(c).empty() && g_.word(c)[0] >= 'A' && g_.word(c)[0] <= 'Z')
        return c;
    // "Bass, also called on ...": a finite verb read as a clause modifying the name before it.
    if (g_.deprel(verb) == "acl" && g_.token(verb).xpos == "VBD" && g_.head(verb) >= 0 && g_.head(verb) < verb)
      return g_.head(verb);
    return -1;
  }

  int AgentOf(int verb) const {
    int a = g_.Child(verb, "obl:agent");
    if (a >= 0) return a;
    for (int c : g_.children(verb))
      if ((g_.deprel(c) == "obl" || g_.deprel(c) == "nmod") && g_.CaseOf(c) == "by") return c;
    return -1;
  }

  int ObliqueWith(int word, std::initializer_list<std::string_view> preps) const {
    for (int c : g_.children(word)) {
      const std::string& d = g_.deprel(c);
      if (d != "obl" && d != "nmod" && !d.starts_with("obl:") && !(d.starts_with("nmod:") && d != "nmod:poss")) continue;
      if (InTimex(c)) continue;  // "met on Thursday": a time, not a party
      std::string p = g_.CaseOf(c);
      // "with US Acting Ambassador Natalie Baker": the parse may hang the preposition on
      // the title before the name.
      for (int t : g_.children(c))
        if (p.empty() && t < c && (g_.deprel(t) == "nmod:desc" || g_.deprel(t) == "compound")) p = g_.CaseOf(t);
      for (std::string_view want : preps)
        if (p == want) return c;
    }
    return -1;
  }

  bool InTimex(int w) const {
    if (!layers_.timexes) return false;
    const Span s = g_.token(w).span;
    auto it = std::upper_bound(layers_.timexes->begin(), layers_.timexes->end(), s.begin,
                                [](uint32_t b, const Annotation& a) { return b < a.span.begin; });
    return it != layers_.timexes->begin() && std::prev(it)->span.Contains(s);
  }

  // The actors of argument `head` and the words coordinated with it.
  std::vector<CodedActor> Actors(int head, const std::string& speaker_code, std::string_view role, CodedEvent* e) {
    std::vector<CodedActor> out;
    if (head < 0) return out;
    // "LIMA — Joe Biden and Xi Jinping agreed": a dateline read as the subject, with the
    // real one in apposition; what is coordinated hangs from either.
    std::vector<int> heads = {head};
    if (head == 0 && g_.Child(head, "appos") >= 0) {
      const std::string_view w = g_.word(head);
      if (w.size() > 2 && std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        head = g_.Child(head, "appos");
        heads = {head};
        for (int c : g_.children(0))
          if (g_.deprel(c) == "conj") heads.push_back(c);
      }
    }
    for (size_t k = 0; k < heads.size() && static_cast<int>(heads.size()) < options_.max_actors; ++k)
      for (int c : g_.children(heads[k]))
        if (g_.deprel(c) == "conj" && static_cast<int>(heads.size()) < options_.max_actors) heads.push_back(c);
    // "Biden and Chinese President Xi" parsed with "Chinese" as a conjunct of its own: an
    // adjective just before another conjunct modifies it; it is not a party of its own.
    const std::vector<int> conjuncts = heads;
    std::erase_if(heads, [&](int c) {
      return c != head && g_.upos(c) == "ADJ" && std::any_of(conjuncts.begin(), conjuncts.end(), [&](int o) {
               return o > c && o - c <= 3 && g_.upos(o) != "ADJ";
             });
    });
    // "Both sides", "the two countries": the two parties of the last reciprocal event.
    if (memory_.last_pair.size() == 2) {
      for (int c : g_.children(head))
        if ((g_.lower(c) == "both" || g_.lower(c) == "two") && heads.size() == 1) return memory_.last_pair;
    }
    // "their first meeting": after a reciprocal event, its two sides. Not "they", which
    // as a subject names too many other groups.
    const bool mutual = e->type == "CONSULT" || e->type == "AGREE" || e->type == "COOPERATE";
    if (mutual && role == "source" && heads.size() == 1 && memory_.last_pair.size() == 2 &&
        g_.lower(head) == "their") {
      e->arguments.emplace_back(std::string(role), g_.token(head).span);
      return memory_.last_pair;
    }
    // "Biden addressed a letter to Sharif in which he extended ...": "he" is the subject
    // of the sentence when that subject is a name, before falling back on the memory.
    if (heads.size() == 1 && g_.upos(head) == "PRON" && (g_.lower(head) == "he" || g_.lower(head) == "she")) {
      for (int i = 0; i < head; ++i)
        if (g_.deprel(i) == "nsubj" && g_.upos(i) == "PROPN") {
          if (auto a = actors_.CodePhrase(g_, i, memory_, speaker_code)) {
            a->how = "pronoun";
            e->arguments.emplace_back(std::string(role), g_.token(head).span);
            return {*a};
          }
          break;
        }
    }
    for (int h : heads) {
      auto a = actors_.CodePhrase(g_, h, memory_, speaker_code);
      // The parser sometimes splits one noun phrase: "on Deputy | Prime Minister ... Dar".
      for (int sib = h + 1; !a && g_.head(h) >= 0 && sib < g_.size() && sib <= h + 3; ++sib)
        if (g_.head(sib) == g_.head(h) && g_.Child(sib, "case") < 0 &&
            (g_.deprel(sib) == "nmod" || g_.deprel(sib) == "appos" || g_.deprel(sib) == "obl"))
          a = actors_.CodePhrase(g_, sib, memory_, speaker_code);
      // "Theresa May met German Chancellor Angela Merkel" with nothing in the text to say
      // who May is: a named person or organisation is still a party, uncoded (Build
      // keeps such an event only when another party is coded).
      if (!a && g_.upos(h) == "PROPN")
        if (auto named = actors_.NamedActorAt(g_, h))
          a = CodedActor{std::string(doc_.Slice(*named)), *named, "", "name"};
      if (a) {
        e->arguments.emplace_back(std::string(role), a->span);
        out.push_back(std::move(*a));
      }
    }
    return out;
  }

  bool Build(const Trigger& t, CodedEvent* e) {
    const int v = t.word;
    const PredicateEntry& entry = *t.entry;
    e->type = entry.type, e->mode = entry.mode, e->context = entry.context, e->cameo = entry.cameo;
    e->lexicon_source = entry.source;
    e->sentence = sentence_;
    e->trigger = g_.token(v).span;
    e->root_event = layers_.lead_paragraph.Contains(sentence_);
    ReadQuote(doc_, layers_, actors_, memory_, e);

    int source = -1, target = -1, pair = -1, governor = -1;
    bool receiver_is_speaker = false;
    if (entry.pos == 'V') {
      source = SubjectOf(v);
      if (int pass = g_.Child(v, "nsubj:pass"); pass >= 0) target = pass, source = AgentOf(v);
      if (!entry.pattern.empty()) target = std::max(target, ObliqueWith(v, {entry.pattern}));
      // "sent tents to Turkey", "gave Nigeria assistance": the aid's recipient, not what is given.
      if (target < 0 && entry.type == "AID") {
        target = g_.Child(v, "iobj");
        if (target < 0) target = ObliqueWith(v, {"to", "for"});
      }
      if (target < 0) target = g_.Child(v, "obj");
      // "vowed retaliation against the US": the object names the event; the target is elsewhere.
      if (target >= 0 && !entry.pattern.empty() && g_.lemma(target) == entry.pattern) target = -1;
      if (target < 0) target = g_.Child(v, "iobj");
      if (target < 0) target = ObliqueWith(v, {"with", "to", "against", "on"});
      // "Biden hosted Xi Jinping at a mansion" with the name read as the subject of what
      // follows: a name right after a verb of meeting that has no object is its object.
      if (target < 0 && entry.type == "CONSULT" && g_.Child(v, "obj") < 0 && v + 1 < g_.size() &&
          g_.upos(v + 1) == "PROPN" && g_.deprel(v + 1) != "flat" && g_.head(v + 1) > v + 1)
        target = v + 1;
      if (target < 0 && entry.type == "CONSULT") {  // "met with X" where "with" was read as a clause marker
        for (int c : g_.children(v)) {
          const int mark = g_.Child(c, "mark");
          if (target < 0 && mark >= 0 && g_.lower(mark) == "with") target = g_.Child(c, "nsubj") >= 0 ? g_.Child(c, "nsubj") : c;
        }
      }
      if (entry.type == "ACCUSE" && target < 0) {  // "complained (that) the administration is not doing enough"
        for (int c : g_.children(v))
          if (target < 0 && g_.deprel(c) == "ccomp") target = g_.Child(c, "nsubj");
        // ... or with that subject read as a bare oblique of "complained" itself.
        for (int c : g_.children(v))
          if (target < 0 && g_.deprel(c) == "obl" && g_.CaseOf(c).empty() && !InTimex(c) && c > v) target = c;
      }
      if (entry.type == "AGREE" && target < 0) {  // "promised to provide assistance to Pakistan"
        for (int c : g_.children(v))
          if (g_.deprel(c) == "xcomp" || g_.deprel(c) == "ccomp")
            for (int w : g_.Subtree(c, {}, 40))
              if (target < 0 && w != c && (g_.CaseOf(w) == "to" || g_.CaseOf(w) == "with") && g_.upos(w) == "PROPN") target = w;
      }
    } else {
      if (int poss = g_.Child(v, "nmod:poss"); poss >= 0 && (g_.upos(poss) != "PRON" || g_.lower(poss) == "their"))
        source = poss;
      // "Xi used his meeting with Biden": a possessive pronoun is bound by the subject of
      // the clause the event noun sits in.
      if (int poss = g_.Child(v, "nmod:poss"); source < 0 && poss >= 0 && g_.upos(poss) == "PRON" &&
                                               (g_.lower(poss) == "his" || g_.lower(poss) == "her" || g_.lower(poss) == "its"))
        if (const int clause = g_.head(v); clause >= 0 && g_.upos(clause) == "VERB")
          if (const int subject = SubjectOf(clause); subject >= 0 && subject != v) source = subject;
      if (source < 0) source = ObliqueWith(v, {"by", "from"});
      pair = ObliqueWith(v, {"between"});
      target = ObliqueWith(v, {"with", "on", "against", "to", "into"});  // "an inquiry into X"
      for (int c : g_.children(v)) {  // "actions taken by Washington against entities"
        if (g_.deprel(c) != "acl" || (!IsLightVerbWord(g_, c) && g_.lemma(c) != "take")) continue;
        if (source < 0) source = AgentOf(c);
        if (target < 0) target = ObliqueWith(c, {"against", "with", "on"});
      }
      // "its 12th package of sanctions", "a wave of strikes": the measure word stands in
      // the clause for the event noun, so the light verb and possessor are found from it.
      const int anchor = MeasureOf(g_, v);
      if (anchor != v) {
        if (int poss = g_.Child(anchor, "nmod:poss"); source < 0 && poss >= 0 && g_.upos(poss) != "PRON") source = poss;
        if (target < 0) target = ObliqueWith(anchor, {"on", "against", "with", "to"});
      }
      const int head = g_.head(anchor);
      const std::string& d = g_.deprel(anchor);
      if (head >= 0 && !is_trigger_[head]) {
        if (d == "obj" && IsLightVerbWord(g_, head)) {
          governor = head;
          if (g_.lemma(head) == "receive") {  // "received a call from X": X called
            if (target < 0) target = SubjectOf(head);
            if (source < 0) source = ObliqueWith(head, {"from"});
            receiver_is_speaker = target < 0;  // "Pleased to receive a call from X," Dar wrote
          } else {
            // "X and Y held their summit": "their" is whoever holds it.
            if (source < 0 || (g_.upos(source) == "PRON" && SubjectOf(head) >= 0)) source = SubjectOf(head);
            if (target < 0) target = ObliqueWith(head, {"with", "on", "to", "against"});
            if (target < 0 && entry.type == "SUPPORT") target = ObliqueWith(head, {"for"});  // "gratitude for X's help"
          }
        } else if (d == "nsubj:pass" && IsLightVerbWord(g_, head)) {
          governor = head;
          if (source < 0) source = AgentOf(head);
        } else if ((d == "obl" || d.starts_with("obl:")) && (target >= 0 || pair >= 0) && entry.type == "CONSULT") {
          governor = head;  // "said this during an interaction with X": the speaker met X
          if (source < 0 && pair < 0) source = SubjectOf(head);
        } else if (d == "nsubj" || d == "nsubj:pass") {
          governor = head;  // "the meeting took place", "the agreement was signed"
        }
      }
      if ((entry.type == "SUPPORT" || entry.type == "ACCUSE") && target < 0) target = ObliqueWith(v, {"of", "for"});
      if (entry.type == "ASSAULT" && target < 0) {  // "an attack that killed four villagers"
        for (int c : g_.children(v))
          if ((g_.deprel(c) == "acl" || g_.deprel(c) == "acl:relcl") && g_.Child(c, "obj") >= 0) target = g_.Child(c, "obj");
      }
    }

    // "Munir's meetings at the Pentagon": a meeting at an institution is with it; at a
    // place it is only where it was.
    if (target < 0 && entry.type == "CONSULT")
      if (int at = ObliqueWith(v, {"at"}); at >= 0 && !actors_.InLocation(g_, at)) target = at;
    const std::string speaker_code = e->speaker_code;
    if (pair >= 0) {
      e->sources = Actors(pair, speaker_code, "source", e);
      if (source >= 0 && e->sources.size() < 2) {
        auto more = Actors(source, speaker_code, "source", e);
        e->sources.insert(e->sources.end(), more.begin(), more.end());
      }
    } else {
      e->sources = Actors(source, speaker_code, "source", e);
    }
    e->targets = Actors(target, speaker_code, "target", e);
    // "Blinken telephoned Dar and congratulated him": an object pronoun is not the subject.
    if (e->targets.size() == 1 && e->targets[0].how == "pronoun" && !e->sources.empty() &&
        e->targets[0].code == e->sources[0].code) {
      if (memory_.other_person_code.empty()) e->targets.clear();
      else e->targets[0].code = memory_.other_person_code;
    }
    if (e->targets.empty() && receiver_is_speaker && !speaker_code.empty())
      e->targets.push_back(CodedActor{e->speaker, e->speaker_span, speaker_code, "speaker"});
    if (entry.pos == 'N' && e->sources.empty() && e->targets.empty()) e->sources = CompoundPair(v, e);
    if (entry.pos == 'N' && e->sources.empty())
      if (auto a = ModifierActor(v, e->type)) e->arguments.emplace_back("source", a->span), e->sources.push_back(*a);
    // "X and Y discussed", "talks between X and Y": each side meets the other.
    const bool mutual = entry.type == "CONSULT" || entry.type == "AGREE" || entry.type == "COOPERATE";
    if (mutual && e->targets.empty() && e->sources.size() >= 2) {
      e->reciprocal = true;
      e->targets = e->sources;
    }
    // An event needs one party the text codes, or, for an act that is not violence, a
    // named actor ("Biden refused to lift sanctions"): "Smith attacked the proposal" is
    // no attack, and a name is kept as named, uncoded.
    auto coded = [](const CodedActor& a) { return !a.code.empty(); };
    const bool violent = e->type == "ASSAULT" || e->type == "COERCE";
    if (std::none_of(e->sources.begin(), e->sources.end(), coded) &&
        std::none_of(e->targets.begin(), e->targets.end(), coded) && (violent || e->sources.empty()))
      e->sources.clear(), e->targets.clear();
    // The coded parties first: the store's and GDELT's one actor column takes the first.
    std::stable_partition(e->sources.begin(), e->sources.end(), coded);
    std::stable_partition(e->targets.begin(), e->targets.end(), coded);
    // "She reaffirmed US support": an actor is not its own recipient unless the event is mutual.
    if (!e->reciprocal && !e->sources.empty() && coded(e->sources.front()))
      std::erase_if(e->targets, [&](const CodedActor& t) { return t.code == e->sources.front().code; });
    if (entry.type == "AGREE") RefineIntent(g_, v, e);
    if (entry.type == "AGREE" && PromisesViolence(v)) e->type = "THREATEN", e->cameo = "138", e->context = "military";
    // PLOVER: a declared ceasefire is a concession; one agreed or signed with the other
    // side is an agreement.
    if (e->cameo == "0871" && governor >= 0) {
      static const char* kAgreeing[] = {"agree", "sign", "broker", "negotiate", "reach", "accept", "conclude"};
      for (const char* w : kAgreeing)
        if (g_.lemma(governor) == w) e->type = "AGREE", e->cameo = "057", e->reciprocal = e->sources.size() >= 2;
    }
    if (entry.pos == 'V' && g_.lemma(v) == "call" && !ReadCall(v, entry, target, e)) return false;
    // "had credible evidence of Indian agents' link": an accusation only against someone.
    if (entry.pos == 'N' && g_.lemma(v) == "evidence" && e->targets.empty()) return false;
    if (e->type == "REJECT" && DeniesAnAccusation(g_, v)) return false;
    if (entry.type == "AID" && entry.pos == 'V' && !GivesAid(g_, v, e)) return false;
    if (e->cameo == "162" && entry.pos == 'V') RefineAidWithheld(g_, v, e);
    if (entry.type == "RETREAT" && entry.pos == 'V' && !FreesPeople(g_, v)) return false;
    // PLOVER: joint exercises are cooperation; one country's own are a show of force.
    if (e->type == "COOPERATE" && entry.pos == 'N' && e->context == "military" && e->sources.size() < 2 &&
        e->targets.empty())
      e->type = "MOBILIZE", e->cameo = "150";
    ReadModes(g_, v, governor, e);
    if (e->future && e->type == "CONSULT") e->cameo = "036";  // intent to meet
    RefineCameoForModes(e);
    ReadDate(doc_, layers_, g_, v, governor, is_trigger_, e);
    ReadPlace(doc_, actors_, g_, v, governor, e);
    GeocodePlace(layers_, e);
    if (e->type == "ASSAULT") ReadSize(layers_, sentence_, e);
    if (e->type == "ASSAULT" && e->targets.empty() && !e->size_span.empty()) {
      // The victims are what the casualty figure counts: "killed at least four villagers".
      int counted = -1;
      for (int i = 0; i < g_.size(); ++i)
        if (e->size_span.Contains(g_.token(i).span) && g_.upos(i) == "NOUN") counted = i;
      if (counted >= 0) e->targets = Actors(counted, speaker_code, "target", e);
    }

    if (e->type == "ASSAULT" && e->sources.empty() && IsNaturalForce(g_, source)) return false;
    // No actor, no event: an attack may still be an event with its victims or toll.
    if (e->sources.empty() && !(e->type == "ASSAULT" && (!e->targets.empty() || e->killed || e->injured))) return false;
    // One party is not a meeting: "the meeting was attended by X", "to meet emerging threats".
    if (e->targets.empty() && !e->reciprocal &&
        (e->type == "CONSULT" || (e->type == "SUPPORT" && entry.pos == 'N')) && e->sources.size() < 2)
      return false;  // "the meeting was attended by X": one party is not a meeting we can code
    if (auto cameo = LookupCameo(e->cameo)) e->quad_class = cameo->quad_class, e->goldstein = cameo->goldstein;
    if (e->type == "CONSULT" && e->sources.size() >= 2 && e->targets.size() >= 2) e->reciprocal = true;
    if (e->reciprocal || (e->type == "CONSULT" && !e->sources.empty() && !e->targets.empty()))
      memory_.last_pair = {e->sources.front(), e->targets.front() .code == e->sources.front().code && e->targets.size() > 1
                                                   ? e->targets[1] : e->targets.front()};
    Score(e);
    return true;
  }

  // "Pak-US talks", "the Pakistan-India meeting": two countries named in a modifier.
  std::vector<CodedActor> CompoundPair(int v, CodedEvent* e) const {
    std::vector<CodedActor> out;
    for (int c : g_.children(v)) {
      if (g_.deprel(c) != "compound" && g_.deprel(c) != "amod") continue;
      for (int w : g_.Subtree(c, {}, 6)) {
        std::string_view word = g_.word(w);
        size_t begin = 0;
        while (begin <= word.size() && out.size() < 4) {
          size_t dash = word.find('-', begin);
          std::string_view part = word.substr(begin, dash == std::string_view::npos ? std::string_view::npos : dash - begin);
          const ActorWord* a = part.size() >= 2 && part[0] >= 'A' && part[0] <= 'Z' ? actor_lexicon_.Find(LowerAscii(part)) : nullptr;
          if (a && (a->kind == ActorWord::Kind::kCountry || a->kind == ActorWord::Kind::kCapital) &&
              (out.empty() || out.back().code != a->code + "GOV"))
            out.push_back(CodedActor{std::string(part), g_.token(w).span, a->code + "GOV", "compound"});
          if (dash == std::string_view::npos) break;
          begin = dash + 1;
        }
      }
    }
    if (out.size() < 2) return {};
    for (const CodedActor& a : out) e->arguments.emplace_back("source", a.span);
    return out;
  }

  // "Israeli strikes", "the Hamas attack", "EU sanctions": a nationality or a named group
  // modifying an event noun is who acts. A country's name there is more often the place
  // ("the Kabul attack", "Gaza strikes"), so it counts only for sanctions, which are
  // imposed by states, not on places.
  std::optional<CodedActor> ModifierActor(int v, const std::string& type) const {
    for (int c : g_.children(v)) {
      const std::string& d = g_.deprel(c);
      if (c > v || (d != "amod" && d != "compound" && d != "nmod:desc")) continue;
      std::string phrase;  // the modifier with its own modifiers: "Islamic State"
      for (int w : g_.Subtree(c, {}, 4)) phrase += (phrase.empty() ? "" : " ") + LowerAscii(g_.word(w));
      const ActorWord* a = actor_lexicon_.Find(phrase);
      if (!a) a = actor_lexicon_.Find(LowerAscii(g_.word(c)));
      if (!a) continue;
      std::string code;
      if (a->kind == ActorWord::Kind::kGroup) code = a->code;
      else if (a->kind == ActorWord::Kind::kCountry && (g_.upos(c) == "ADJ" || type == "SANCTION"))
        code = a->code + (type == "ASSAULT" ? "MIL" : "GOV");  // "Israeli strikes" are the army's
      if (code.empty()) continue;
      return CodedActor{std::string(g_.word(c)), g_.token(c).span, code, "modifier"};
    }
    return std::nullopt;
  }

  // "call" is a telephone call ("Trump called Erdogan"), a visit ("called on the
  // minister to discuss ..."), or neither: "called on Libya to crack down" is an appeal,
  // "called him a liar" a name. False when it is no event.
  bool ReadCall(int v, const PredicateEntry& entry, int target, CodedEvent* e) const {
    const int xcomp = g_.Child(v, "xcomp");
    const bool purpose = xcomp >= 0 && g_.upos(xcomp) == "VERB" && g_.Child(xcomp, "mark") >= 0;
    // "called it unacceptable", "called him a liar"; a name read as a complement is a misparse.
    if (xcomp >= 0 && (g_.upos(xcomp) == "NOUN" || g_.upos(xcomp) == "ADJ")) return false;
    const PredicateEntry* purpose_entry = purpose ? EntryAt(xcomp) : nullptr;
    if (entry.pattern == "on" && purpose && !(purpose_entry && purpose_entry->type == "CONSULT")) {
      e->type = "REQUEST", e->mode = "", e->cameo = "020";  // asked of them, not a visit
      return true;
    }
    return !entry.pattern.empty() || target >= 0;  // a plain "called" needs whom
  }

  // "vowed to retaliate", "pledged to strike back": a promise of violence is a threat.
  bool PromisesViolence(int v) const {
    for (int c : g_.children(v)) {
      if (g_.deprel(c) != "xcomp" && g_.deprel(c) != "ccomp") continue;
      const PredicateEntry* inner = EntryAt(c);
      if (inner && inner->type == "ASSAULT") return true;
    }
    return false;
  }

  void Score(CodedEvent* e) const {
    double c = 0.45;
    if (!e->sources.empty()) c += 0.2;
    if (!e->targets.empty()) c += 0.15;
    for (const auto* list : {&e->sources, &e->targets})
      for (const CodedActor& a : *list)
        if (a.how == "home-country" || a.how == "pronoun" || a.code.empty()) c -= 0.1;
    if (e->lexicon_source != "lexicon") c -= 0.1;
    if (e->in_quote) c -= 0.05;
    e->confidence = std::clamp(c, 0.05, 0.95);
  }

  const Doc& doc_;
  const SentenceGraph& g_;
  const DocLayers& layers_;
  const ActorCoder& actors_;
  DocMemory& memory_;
  const ActorLexicon& actor_lexicon_;
  const CoderOptions& options_;
  Span sentence_;
  std::vector<Trigger> triggers_;
  std::vector<bool> is_trigger_;
};

// Reads every proper-noun phrase of a sentence, headings included, so that a name met
// with its title ("US Under Secretary John Bass") is known when it comes back alone.
void LearnNames(const SentenceGraph& g, const ActorCoder& actors, DocMemory& memory) {
  const std::string last_person = memory.last_person_code;
  for (int i = 0; i < g.size(); ++i) {
    const std::string& d = g.deprel(i);
    if (g.upos(i) != "PROPN" || d == "flat" || d == "compound" || d == "nmod:desc") continue;
    actors.CodePhrase(g, i, memory);
  }
  memory.last_person_code = last_person;  // "he" still means whoever acted last
}

// The name words of the people whose office, read in the body with its country, gives
// their code (the "actor" layer, people.h).
NameCodes OfficeCodes(const Doc& doc) {
  NameCodes codes;
  const std::vector<Annotation>* actors = doc.Layer("actor");
  if (!actors) return codes;
  for (const Annotation& a : *actors) {
    const json j = json::parse(a.attrs, nullptr, false);
    if (!j.is_object() || j.value("mention", "") != "name" || j.value("confidence", 0.0) < 0.9) continue;
    const std::string code = j.value("code", "");
    if (code.size() < 3) continue;
    const std::string name = LowerAscii(doc.Slice(a.span));
    for (size_t b = 0; b < name.size();) {
      const size_t e = std::min(name.find(' ', b), name.size());
      if (e > b) codes[name.substr(b, e - b)] = code;
      b = e + 1;
    }
  }
  return codes;
}

bool InBodyParagraph(const DocLayers& layers, Span sentence) {
  if (!layers.paragraphs) return true;
  for (const Annotation& p : *layers.paragraphs)
    if (p.span.Contains(sentence)) return p.label == "body";
  return true;
}

}  // namespace

std::vector<CodedEvent> EventCoder::CodeDocument(const Doc& doc, const NameCodes& known) const {
  std::vector<CodedEvent> events;
  DocLayers layers(doc);
  ActorCoder actors(doc, actors_, layers.entities);
  DocMemory memory;
  memory.home_country = actors.HomeCountry();
  // What other articles state about these people counts as much as a title in this one;
  // a title here (read ahead, below) still replaces it.
  for (const auto& [word, code] : known) memory.names[word] = code, memory.name_strength[word] = 3;
  // So do the offices the actor stage read in this one, in places the coder's own phrase
  // reading does not look ("John Bass, the United States' Acting Under Secretary").
  for (const auto& [word, code] : OfficeCodes(doc)) memory.names[word] = code, memory.name_strength[word] = 3;
  // Names the body states with a country anywhere ("US President Joe Biden" in the
  // third paragraph) are known from the first sentence on.
  {
    DocMemory ahead;
    for (const Sentence& s : doc.sentences()) {
      if (s.token_end > doc.tokens().size() || s.token_begin >= s.token_end) continue;
      if (static_cast<int>(s.token_end - s.token_begin) > options_.max_sentence_words) continue;
      ahead.in_heading = !InBodyParagraph(layers, s.span);
      if (ahead.in_heading) continue;
      LearnNames(SentenceGraph(doc, s.token_begin, s.token_end), actors, ahead);
    }
    for (const auto& [name, strength] : ahead.name_strength)
      if (strength >= 3) memory.names[name] = ahead.names[name], memory.name_strength[name] = strength;
  }
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > doc.tokens().size() || s.token_begin >= s.token_end) continue;
    if (static_cast<int>(s.token_end - s.token_begin) > options_.max_sentence_words) continue;
    SentenceGraph g(doc, s.token_begin, s.token_end);
    memory.in_heading = !InBodyParagraph(layers, s.span);
    LearnNames(g, actors, memory);
    if (options_.body_only && memory.in_heading) continue;
    SentenceCoder coder(doc, g, layers, actors, memory, predicates_, actors_, options_, s.span);
    coder.Code(&events);
  }
  return events;
}

}  // namespace sitrep::code
