// The coder's two lexicons, both data files owned by the project (src/code/lexicon/):
//   predicates.tsv  words that name events -> PLOVER type, mode, context, CAMEO code
//   actors.tsv      country names, nationality words, capitals, sector words, groups
// Both are compiled into the binary (so a coder never runs without them) and can be
// replaced by a file at run time. A malformed line is reported with file and line number
// and skipped; the rest of the file is loaded.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::code {

namespace dictionaries {
class UserDictionaries;
}

struct PredicateEntry {
  char pos = 'V';        // 'V' verb, 'N' noun
  std::string lemma;     // lower case
  std::string pattern;   // particle, preposition or required modifier; empty for none
  std::string type, mode, cameo, context;
  std::string source;    // "lexicon" or "wordnet:<word>" for entries grown from WordNet
};

class PredicateLexicon {
 public:
  // Parses TSV text; problems go to `warnings` as "NAME:LINE: message".
  static PredicateLexicon Parse(std::string_view text, std::string_view name, std::vector<std::string>* warnings);
  // The compiled-in lexicon, grown with WordNet synonyms when the Debian wordnet data is
  // installed (see wordnet.h). Built once, thread-safe.
  static const PredicateLexicon& Default();

  void Add(PredicateEntry entry);
  // Entries for `lemma` as a verb ('V') or noun ('N'); empty when none.
  const std::vector<PredicateEntry>& Find(char pos, std::string_view lemma) const;
  bool Has(char pos, std::string_view lemma) const { return !Find(pos, lemma).empty(); }
  size_t size() const { return count_; }
  // Every lemma of part of speech `pos` (for growing the lexicon).
  std::vector<std::string> Lemmas(char pos) const;

 private:
  std::map<std::string, std::vector<PredicateEntry>, std::less<>> verbs_, nouns_;
  size_t count_ = 0;
};

struct ActorWord {
  enum class Kind { kCountry, kCapital, kSector, kGroup };
  Kind kind = Kind::kCountry;
  std::string code;
};

class ActorLexicon {
 public:
  static ActorLexicon Parse(std::string_view text, std::string_view name, std::vector<std::string>* warnings);
  static const ActorLexicon& Default();

  // The entry for a lower-case phrase of words joined by single spaces, or null.
  const ActorWord* Find(std::string_view phrase) const;
  int max_words() const { return max_words_; }
  // Whether a lower-case word is part of some sector phrase ("minister", "foreign",
  // "under"): the words an office is made of.
  bool IsOfficeWord(std::string_view word) const { return office_words_.contains(word); }

  // The user's own PETRARCH/TABARI dictionaries (dictionaries/user_dictionaries.h), which
  // the actor coder consults before this lexicon; null when the user gave none.
  const dictionaries::UserDictionaries* user_dictionaries() const { return user_dictionaries_.get(); }
  void set_user_dictionaries(std::shared_ptr<const dictionaries::UserDictionaries> d) { user_dictionaries_ = std::move(d); }

 private:
  std::map<std::string, ActorWord, std::less<>> phrases_;
  std::set<std::string, std::less<>> office_words_;
  int max_words_ = 1;
  std::shared_ptr<const dictionaries::UserDictionaries> user_dictionaries_;
};

// The compiled-in TSV texts (generated from src/code/lexicon/ at build time).
std::string_view EmbeddedPredicatesTsv();
std::string_view EmbeddedActorsTsv();

}  // namespace sitrep::code
