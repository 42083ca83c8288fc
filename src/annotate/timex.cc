// Time expressions (see timex.h): FindTimexes runs the grammar over each sentence's words
// and keeps the longest expressions, without overlap. The pieces live in the timex_*.cc
// files listed in timex_internal.h.
#include "annotate/timex.h"

#include <fmt/format.h>

#include "annotate/timex_internal.h"

namespace sitrep {

using namespace timex_internal;  // NOLINT: the layer's own helpers

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kPast: return "past";
    case Direction::kPresent: return "same";
    case Direction::kFuture: return "future";
    case Direction::kUnknown: break;
  }
  return "unknown";
}

namespace {

// A title that happens to read as a time: CBS's "60 Minutes", ABC's "This Week With David
// Brinkley". A unit word written with a capital inside a sentence, right after a quotation
// mark or a possessive, names a show or a publication.
bool IsTitle(const std::vector<Word>& words, size_t sentence_begin, const Found& f) {
  if (f.begin <= sentence_begin) return false;
  // "USA Today", "VOA Today": "today" written with a capital inside a sentence, right
  // after a capitalised word, is part of a name; a sentence's own "Today" comes first or
  // after a comma.
  const Word& first = words[f.begin];
  if (f.end == f.begin + 1 && first.lex.kind == Lex::kDeictic && first.cap && IsUpper(words[f.begin - 1].text[0]))
    return true;
  std::string_view before = words[f.begin - 1].low;
  if (before != "\"" && before != "''" && before != "``" && before != "'s" && before != "\u201c" &&
      before != "\u2019s")
    return false;
  for (size_t k = f.begin; k < f.end; ++k)
    if (words[k].lex.kind == Lex::kUnit && words[k].cap) return true;
  return false;
}

// "the third quarter ended Sept. 30", "the fiscal first half ending June 30": a day after
// "ended"/"ending" that follows a named quarter or half is the end of the period the report
// is about. What is compared with it later ("up from $5 million a year earlier") is that
// quarter of the year before, so the day must not become the date such comparisons count
// from. After a period the text does not name ("the quarter ended Sept. 30", "the six
// months ended Aug. 12") the day is the only calendar date given, and the comparison is
// with it (TimeBank: "1988-09-30").
bool ClosesNamedPeriod(const std::vector<Word>& words, size_t sentence_begin, const Found& f,
                       const std::vector<Timex>& before) {
  if (f.begin < sentence_begin + 2 || before.empty()) return false;
  std::string_view verb = words[f.begin - 1].low;
  if (verb != "ended" && verb != "ending") return false;
  const Timex& period = before.back();
  return period.span.end == words[f.begin - 2].span.end &&
         (period.meaning.quarter != kUnset || period.meaning.half != kUnset);
}

}  // namespace

std::vector<Timex> FindTimexes(const Doc& doc) {
  std::vector<Timex> out;
  const std::string& text = doc.text();
  const std::vector<Token>& tokens = doc.tokens();
  if (tokens.empty()) return out;
  std::string lower(text);
  for (char& c : lower)
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  std::vector<Word> words;
  words.reserve(tokens.size() + 8);
  // Sentence boundaries in word indexes (a token may become two words).
  std::vector<std::pair<size_t, size_t>> sentences;
  sentences.reserve(doc.sentences().size() + 1);
  for (const Sentence& sent : doc.sentences()) {
    size_t begin = words.size();
    for (uint32_t t = sent.token_begin; t < sent.token_end && t < tokens.size(); ++t)
      AppendWord(tokens[t], text, lower, &words);
    sentences.emplace_back(begin, words.size());
  }
  if (doc.sentences().empty()) {
    for (const Token& token : tokens) AppendWord(token, text, lower, &words);
    sentences.emplace_back(0, words.size());
  }

  for (auto [sb, se] : sentences) {
    Grammar grammar(words, sb, se);
    for (size_t i = sb; i < se;) {
      Found f;
      f.begin = i;
      if (!words[i].may_start || !grammar.Longest(i, &f) || f.end <= f.begin) {
        if (IsForeignDigitYear(words[i].text)) {
          Timex t;
          t.span = words[i].span;
          t.meaning.warning = "a year written in non-Latin digits: not read";
          out.push_back(std::move(t));
        }
        ++i;
        continue;
      }
      if (IsTitle(words, sb, f)) {
        i = f.end;
        continue;
      }
      if (f.m.direction == Direction::kUnknown) f.m.direction = TenseAround(words, sb, se, f.begin, f.end);
      ApplyPreposition(words, sb, &f);
      f.m.period_end = ClosesNamedPeriod(words, sb, f, out);
      Timex t;
      t.span = {words[f.begin].span.begin, words[f.end - 1].span.end};
      // A period the tokenizer left on the last word ends the sentence, not the timex.
      std::string_view last = words[f.end - 1].low;
      if (last.size() > 1 && last.back() == '.' && last != "a.m." && last != "p.m." &&
          words[f.end - 1].lex.kind != Lex::kMonthAbbr)
        --t.span.end;
      t.type = f.type;
      if (t.type == TimexType::kDate && (f.m.hour != kUnset || (!f.m.part_of_day.empty() && f.m.weekday == kUnset &&
                                                                 f.m.shift_unit == TimeUnit::kDay && f.m.shift == 0)))
        t.type = TimexType::kTime;
      t.meaning = std::move(f.m);
      out.push_back(std::move(t));
      i = f.end;
    }
  }
  // Token indexes of each timex, for callers that work on tokens.
  size_t t = 0;
  for (Timex& timex : out) {
    while (t < tokens.size() && tokens[t].span.end <= timex.span.begin) ++t;
    timex.token_begin = static_cast<uint32_t>(t);
    size_t e = t;
    while (e < tokens.size() && tokens[e].span.begin < timex.span.end) ++e;
    timex.token_end = static_cast<uint32_t>(e);
  }
  return out;
}

namespace {

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out->push_back('\\'), out->push_back(c);
    else if (static_cast<unsigned char>(c) < 0x20) *out += fmt::format("\\u{:04x}", c);
    else out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

std::string TimexAttrsJson(const Timex& t) {
  std::string out = "{\"value\":";
  AppendJsonString(&out, t.value);
  if (t.meaning.year_end != kUnset) out += fmt::format(",\"value_end\":\"{}\"", Year4(t.meaning.year_end));
  out += ",\"granularity\":";
  AppendJsonString(&out, t.granularity);
  out += ",\"mod\":";
  AppendJsonString(&out, t.meaning.mod);
  out += t.meaning.range ? ",\"range\":true" : ",\"range\":false";
  out += ",\"anchor\":";
  AppendJsonString(&out, t.anchor);
  out += ",\"direction\":";
  AppendJsonString(&out, DirectionName(t.meaning.direction));
  if (!t.meaning.warning.empty()) {
    out += ",\"warning\":";
    AppendJsonString(&out, t.meaning.warning);
  }
  out += "}";
  return out;
}

}  // namespace sitrep
