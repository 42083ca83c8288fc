// Actor coding: the words of an argument -> a CAMEO-style actor code, country (ISO 3166-1
// alpha-3) + sector (GOV, MIL, REB, ...), or a group's whole code (PAKREB).
//
// Sources of evidence, in order: a named group in the phrase; country and sector words
// of the phrase ("US Secretary of State", "Pakistan's Foreign Secretary", "officials in
// Islamabad"); a bare country name or capital ("Washington condemned" -> USAGOV, as
// states act through their governments); the document's memory of names and roles
// ("Bass" after "US Under Secretary John Bass"); and last, for a sector word with no
// country, the document's home country (its dateline, else the country it names most).
// Each step is recorded in CodedActor::how, so a reader can see why a code was given.
// When the user gives PETRARCH/TABARI dictionaries (dictionaries/user_dictionaries.h),
// their phrases are read first: an actor phrase decides the code, an agent stands in for
// the sector word; `how` then names the file and line ("dictionary FILE:LINE").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "code/event_record.h"
#include "code/lexicon.h"
#include "code/sentence_graph.h"
#include "sitrep/doc.h"

namespace sitrep::code {

// What the coder remembers while it reads one document, sentence by sentence.
struct DocMemory {
  std::string home_country;                  // ISO3, "" when unknown
  std::map<std::string, std::string> names;  // lower-case name word -> actor code
  std::map<std::string, int> name_strength;  // how sure: 3 body phrase, 2 heading phrase, 1 memory, 0 home country
  bool in_heading = false;                   // reading a heading or bullet: learn names weakly, roles not at all
  std::map<std::string, std::string> roles;  // lower-case sector phrase -> country
  std::string last_person_code;              // for "he", "she"
  std::string other_person_code;             // the person before that: "him" when "he" acts
  std::vector<CodedActor> last_pair;         // the two sides of the last reciprocal event
};

class ActorCoder {
 public:
  ActorCoder(const Doc& doc, const ActorLexicon& lexicon, const std::vector<Annotation>* entities);

  // The home country: the dateline place's country, else the most named country.
  std::string HomeCountry() const;

  // The actor named by the phrase headed by word `head` of `g` (its subtree, without
  // clauses and coordinated words), or nullopt when nothing in it says who acts.
  // `speaker_code` resolves "we", "I", "our" inside a quotation.
  std::optional<CodedActor> CodePhrase(const SentenceGraph& g, int head, DocMemory& memory,
                                       const std::string& speaker_code = "") const;
  // The same for a span of text (a quote's speaker): the words of `g` inside it.
  std::optional<CodedActor> CodeWords(const SentenceGraph& g, const std::vector<int>& words, DocMemory& memory) const;

  // True when word `i` of `g` is part of a LOC entity.
  bool InLocation(const SentenceGraph& g, int i) const;
  // The LOC entity covering word `i`, if any.
  std::optional<Span> LocationAt(const SentenceGraph& g, int i) const;
  // The PER or ORG entity covering word `i` ("Theresa May"), if any: someone named whom
  // nothing in the text codes.
  std::optional<Span> NamedActorAt(const SentenceGraph& g, int i) const;

 private:
  std::optional<CodedActor> Code(const SentenceGraph& g, const std::vector<int>& words, int head,
                                 DocMemory& memory, const std::string& speaker_code) const;
  const Annotation* EntityAt(const SentenceGraph& g, int i) const;

  const Doc& doc_;
  bool lowercase_doc_ = false;  // no capital letters at all (wire copy, MUC-4): names cannot be told by case
  const ActorLexicon& lexicon_;
  const std::vector<Annotation>* entities_;
  std::optional<int> day_;  // the publication day (yyyymmdd), for the user's dated dictionary codes
};

}  // namespace sitrep::code
