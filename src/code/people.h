// The people of a document: each person's name as written, the office the text gives
// them, the actor code that office carries, and which mentions are the same person.
//
// - Names come from the PER entities, less the honorifics and titles the recogniser
//   took in ("PM Shehbaz" names Shehbaz).
// - An office is read where the text states it: the title words before the name ("US
//   Acting Under Secretary of State for Political Affairs John Bass", "Pakistan's
//   Foreign Secretary Syrus Qazi", "Chief of Army Staff (COAS) General Asim Munir"), an
//   apposition ("Matthew Miller, the State Department spokesperson,") or a relative
//   clause with "be" ("Dar, who is also the country's foreign minister,"). The actor
//   coder turns the office and its country into a code (PAKGOV, USAGOV, PAKMIL).
// - Mentions are chained by their names: "Mohammad Ishaq Dar", "Ishaq Dar" and "Dar" are
//   one person when the shorter name's words are all in the longer one; a single word
//   goes to the nearest earlier person it fits, else the first later one. A definite
//   description made only of office words ("the under secretary") joins the one person
//   mentioned before whose office contains all of them; two candidates, none.
// - Each person's code is the most explicit one among its mentions: an office with a
//   country in the body, over one in a headline, over a guess from the place of the
//   report. Names with no office anywhere keep no code here; the corpus may know them
//   (actor_knowledge.h).
#pragma once

#include <string>
#include <vector>

#include "code/event_record.h"
#include "code/lexicon.h"
#include "sitrep/doc.h"

namespace sitrep::code {

struct PersonMention {
  Span span;                       // the name (or description) as written
  std::vector<std::string> words;  // the name's words in lower case; empty for a description
  int person = -1;                 // index into DocPeople::people
  Span office;                     // the office stated with this mention, empty if none
  CodedActor coded;                // the code that office gives (code empty: none)
  bool in_heading = false;
  bool description = false;        // "the under secretary"
};

struct Person {
  std::string name;               // the fullest form written: "Mohammad Ishaq Dar"
  std::vector<std::string> words;  // its words in lower case
  std::vector<int> mentions;       // indexes into DocPeople::mentions, in text order
  std::string office;              // the office at the most explicit mention, as written
  Span office_span;
  std::string code, how;           // "" when nothing in the document says
  double confidence = 0;
};

struct DocPeople {
  std::vector<PersonMention> mentions;  // in text order
  std::vector<Person> people;           // in order of first mention
};

// REQUIRES: tokens, sentences and dependencies; reads the "entity" and "paragraph" layers.
DocPeople FindPeople(const Doc& doc, const ActorLexicon& lexicon);

// How much a code's evidence is worth, 0 to 1: "phrase" in the body highest.
double CodeConfidence(const std::string& how, bool in_heading);

// The "actor" layer: one annotation per mention, labelled PER, attrs {"person": index,
// "name", "code", "how", "office", "office_span", "confidence", "mention": "name" |
// "description"}; sorted by span.
std::vector<Annotation> PeopleLayer(const DocPeople& people);

}  // namespace sitrep::code
