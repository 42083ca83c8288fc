// TimeML files, as TempEval-3 distributes them (TimeBank, AQUAINT, platinum, *.TE3input):
// reading the text, the creation time and the TIMEX3 tags, and writing a document back
// with another set of TIMEX3 tags.
//
// Only what the time-expression evaluation needs is read: the <DCT> TIMEX3 (or any TIMEX3
// with functionInDocument="CREATION_TIME"), and the text of <TEXT> with its tags taken out
// and its entities decoded. Spans are byte offsets into that text. EVENT, SIGNAL and the
// links are dropped on reading; they are not written back.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/doc.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"

namespace sitrep {

struct TimemlTimex {
  Span span;          // bytes of TimemlDoc::text
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;
  std::string mod;    // TIMEX3 mod (APPROX, START, ...), empty when none
};

struct TimemlDoc {
  std::string head;                  // the file up to and including <TEXT>, verbatim
  std::string text;                  // the plain text of <TEXT>
  std::optional<DateTime> dct;       // the creation time, when the file states one
  std::vector<TimemlTimex> timexes;  // the TIMEX3 tags inside <TEXT>, in text order
};

// Reads a TimeML document. `name` is used in error messages. Fails (kParse) when there is
// no <TEXT> element or a tag is not closed.
Result<TimemlDoc> ParseTimeml(std::string_view xml, const std::string& name);

// The document with `timexes` (spans into doc.text) as its TIMEX3 tags, tids t1, t2, ...
// Overlapping timexes after the first are left out.
std::string WriteTimeml(const TimemlDoc& doc, const std::vector<TimemlTimex>& timexes);

// A Doc of the TimeML text, dated by its DCT, for the annotation stages.
Doc TimemlToDoc(const TimemlDoc& doc, const std::string& path);

// The "timex" layer of an annotated Doc as TimeML tags (value from the attrs; timexes
// without a value are left out, as TIMEX3 requires one).
std::vector<TimemlTimex> TimexesFromDoc(const Doc& doc);

// The stages the TimeML interface runs on a Doc: paragraphs and tokens (the language
// core), the syntax stage when its models load, then the timex stage. Keeps the time
// spent in the core and in the timex stage, so a caller can report what the layer costs.
// One instance per thread.
class TimemlAnnotator {
 public:
  // with_syntax: try the default syntax models; without them tense comes from word cues.
  explicit TimemlAnnotator(bool with_syntax);
  ~TimemlAnnotator();

  Status Annotate(Doc& doc);
  bool has_syntax() const { return syntax_ != nullptr; }
  double core_seconds() const { return core_seconds_; }
  double timex_seconds() const { return timex_seconds_; }

 private:
  std::vector<std::unique_ptr<Stage>> core_;
  std::unique_ptr<Stage> syntax_, timex_;
  double core_seconds_ = 0, timex_seconds_ = 0;
};

}  // namespace sitrep
