// What a corpus says about its people, learnt from the news itself: the same person
// across documents is one actor, with the code their office carries and the dates the
// office was read (first and last seen, from the documents' publication dates).
//
// Dictionaries of office holders go stale when a minister changes; this table is only
// what the articles state. It is rebuilt from the "actor" layers (people.h) of the whole
// corpus, so the same documents give the same table in any order.
//
// Identity: two documents' people are one actor when their names share the last word,
// one name's words are all in the other's ("Ishaq Dar", "Mohammad Ishaq Dar"), and their
// codes do not name two countries. A one-word name ("Biden") joins an actor only when
// exactly one fuller name fits it.
//
// Use: a document that names a person without an office ("Joe Biden agreed ...") is
// coded again with the code the corpus gives that person (KnownNames), which the event
// coder uses like a title read earlier in the same article.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sitrep/doc.h"

namespace sitrep::code {

// A lower-case name word -> the actor code a corpus gives that person.
using NameCodes = std::map<std::string, std::string>;

struct KnownOffice {
  int doc = -1;          // index into the documents Learn was given
  std::string office;    // as written: "Deputy Prime Minister"
  std::string code;      // what it carries there: PAKGOV
  std::string date;      // the document's publication date, "" if unknown
};

struct KnownPerson {
  std::string name;                 // the fullest form, most often written
  std::string code;                 // from the most explicit office; "" when none was read
  double confidence = 0;
  std::vector<KnownOffice> offices;  // every office read, in document order
  std::string first_seen, last_seen;  // dates of the documents stating an office
  std::vector<int> docs;            // documents naming the person, ascending
};

class ActorKnowledge {
 public:
  // From the "actor" layers of `docs` (documents without one add nothing).
  static ActorKnowledge Learn(const std::vector<Doc*>& docs);

  const std::vector<KnownPerson>& people() const { return people_; }
  // The corpus person behind person `person` of the actor layer of document `doc`, -1
  // if none.
  int IdOf(int doc, int person) const;
  // The codes the corpus gives to the people of document `doc` who have no office in it.
  NameCodes KnownNames(int doc) const;

 private:
  struct Member {
    int doc, person;
    std::vector<std::string> words;
    std::string name, code, how, office, date;
    double confidence;
  };
  std::vector<Member> members_;
  std::map<int, std::vector<int>> members_of_doc_;  // doc -> indexes into members_
  std::map<std::pair<int, int>, int> id_of_;  // (doc, person) -> index into people_
  std::vector<KnownPerson> people_;
};

}  // namespace sitrep::code
