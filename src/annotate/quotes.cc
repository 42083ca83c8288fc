// Quotations and reported speech (see quotes.h). The document is read in four passes,
// each linear in its tokens:
//   1. quotation marks are paired into quoted segments, paragraph by paragraph;
//   2. each sentence's reporting verbs ("said", "told", "according to") are read with
//      their speaker (left or right of the verb) and their content (the clause after the
//      verb, or the sentence part before a trailing ", X said");
//   3. each quoted segment is attached to a cue next to it (direct), or found inside a
//      reported clause (mixed), or continues the previous quote (a quote paragraph), or
//      is dropped as scare quotes;
//   4. pronoun speakers are resolved to the nearest preceding person-like name.
#include "annotate/quotes.h"

#include "annotate/quote_index.h"

#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace sitrep {

using namespace quotes_internal;

namespace {

// --- Speaker resolution -------------------------------------------------------------------

struct PersonMention {
  uint32_t first, last;  // tokens
};

// Names after a title ("Spokesperson Vedant Patel", "Secretary of State Antony Blinken").
std::vector<PersonMention> TitledNames(const DocIndex& d) {
  std::vector<PersonMention> out;
  for (uint32_t i = 0; i + 1 < d.tok.size(); ++i) {
    if (!d.cap(i + 1) && d.low(i + 1) != "of" && d.low(i + 1) != "for") continue;  // cheap test first
    if (!d.is_title(i)) continue;
    uint32_t j = i + 1;
    // "Secretary of State", "Minister for Interior": the office's own words.
    if ((d.low(j) == "of" || d.low(j) == "for") && j + 1 < d.tok.size() && d.cap(j + 1)) ++j;
    uint32_t first = j;
    while (j < d.tok.size() && j - first < 6 && d.cap(j) && d.paragraph_of[j] == d.paragraph_of[i] &&
           !d.is_title(j))
      ++j;
    if (j == first || j - first < 1) continue;
    // Keep the name: at most the last three capitalised words of the run.
    if (j - first > 3) first = j - 3;
    if (j - first == 1 && !(j < d.tok.size() && (d.low(j) == "," || d.cue[j] != nullptr || d.is_prefix(j))))
      continue;  // "President Biden said" yes; "General Assembly" no
    out.push_back({first, j - 1});
  }
  return out;
}

class PronounResolver {
 public:
  PronounResolver(const DocIndex& d, const std::vector<Quote>& quotes) : d_(d) {
    std::unordered_set<uint32_t> titled_ends;
    for (const PersonMention& m : TitledNames(d)) {
      persons_.push_back(m);
      surnames_.insert(d.low(m.last));
      titled_ends.insert(m.last);
    }
    // Named speakers found so far count as persons when they end in a known surname or
    // are two capitalised words ("Matthew Miller").
    for (const Quote& q : quotes) {
      if (!q.speaker || q.speaker_from == "pronoun" || q.speaker_from == "previous-quote") continue;
      auto [first, last] = TokensOf(q.speaker->begin, q.speaker->end);
      if (first > last || !d.cap(last)) continue;
      bool person = surnames_.contains(d.low(last)) || (last > first && d.cap(last - 1));
      if (person && !titled_ends.contains(last)) persons_.push_back({first, last});
    }
    std::stable_sort(persons_.begin(), persons_.end(), [](const PersonMention& a, const PersonMention& b) {
      return a.last < b.last;
    });
  }

  // The nearest person mentioned before token `at` within kPronounLookback paragraphs:
  // a name, or an earlier pronoun already resolved (so "he ... he said" chains).
  // REQUIRES: calls in text order.
  std::optional<Span> Resolve(uint32_t at) {
    std::optional<Span> best;
    uint32_t best_at = 0;
    auto it = std::lower_bound(persons_.begin(), persons_.end(), at,
                               [](const PersonMention& m, uint32_t t) { return m.last < t; });
    if (it != persons_.begin()) {
      const PersonMention& m = *std::prev(it);
      if (d_.paragraph_of[at] - d_.paragraph_of[m.last] <= kPronounLookback) {
        best = d_.span(m.first, m.last);
        best_at = m.last;
      }
    }
    if (!chain_.empty() && chain_.back().first < at && (!best || chain_.back().first > best_at) &&
        d_.paragraph_of[at] - d_.paragraph_of[chain_.back().first] <= kPronounLookback)
      best = chain_.back().second;
    if (best) chain_.emplace_back(at, *best);
    return best;
  }

  std::pair<uint32_t, uint32_t> TokensOf(uint32_t begin, uint32_t end) const {
    auto lo = std::lower_bound(d_.tok.begin(), d_.tok.end(), begin,
                               [](const Token& t, uint32_t b) { return t.span.begin < b; });
    auto hi = std::lower_bound(d_.tok.begin(), d_.tok.end(), end,
                               [](const Token& t, uint32_t e) { return t.span.end < e; });
    return {static_cast<uint32_t>(lo - d_.tok.begin()), static_cast<uint32_t>(hi - d_.tok.begin())};
  }

 private:
  const DocIndex& d_;
  std::vector<PersonMention> persons_;  // sorted by last token
  std::unordered_set<std::string_view> surnames_;  // views into DocIndex::lowered
  std::vector<std::pair<uint32_t, Span>> chain_;  // (pronoun token, antecedent), in text order
};

}  // namespace

std::string_view QuoteKindName(Quote::Kind kind) {
  switch (kind) {
    case Quote::Kind::kDirect: return "direct";
    case Quote::Kind::kIndirect: return "indirect";
    case Quote::Kind::kMixed: return "mixed";
  }
  return "direct";
}

QuoteResult FindQuotes(const Doc& doc, const QuoteCueModel* cues) {
  QuoteResult result;
  if (doc.tokens().empty()) return result;
  DocIndex d(doc, cues);
  std::vector<Segment> segments = PairQuotationMarks(d, &result.warnings);
  for (const Segment& s : segments)
    for (uint32_t i = s.open; i <= s.last; ++i) d.in_quote[i] = 1;

  // Pass 2: reported speech, sentence by sentence.
  std::vector<Candidate> reported;
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > d.tok.size() || s.token_begin >= s.token_end) continue;
    uint32_t p = d.paragraph_of[s.token_begin];
    // Headings, and the first paragraph, which is the headline even when it ends in a
    // quotation mark that hides it from the heading test; in the body, a paragraph
    // opened by a speaker's label ("Matthews: Well, ...").
    if (s.token_begin == d.paragraphs[p].first) {
      if (auto c = HeadlineQuote(d, s.token_begin, d.paragraphs[p].second)) {
        reported.push_back(std::move(*c));
        continue;
      }
    }
    FindReportedSpeech(d, s.token_begin, s.token_end, &reported);
  }

  // Pass 3: quoted segments. Each becomes direct (a cue next to it), part of a mixed
  // quote (inside a reported clause), a continuation, or nothing (scare quotes).
  std::vector<uint8_t> reported_used(reported.size(), 0);
  std::unordered_map<uint32_t, size_t> reported_by_cue;          // cue token -> candidate
  std::vector<std::pair<size_t, size_t>> reported_in_sentence(doc.sentences().size(), {0, 0});
  for (size_t r = 0; r < reported.size(); ++r) {
    reported_by_cue.emplace(reported[r].cue_token, r);
    auto& range = reported_in_sentence[d.sentence_of[reported[r].cue_token]];
    if (range.first == range.second) range.first = r;
    range.second = r + 1;
  }
  // A quote is referred to before its final place is known: a segment's quote by its
  // index in `found`, a reported candidate by its index in `reported`.
  struct Ref {
    bool reported;
    size_t index;
  };
  struct Found {
    uint32_t first;  // first content token, for text order
    Quote quote;
    std::optional<Ref> continues;
  };
  std::vector<Found> found;
  std::optional<std::pair<uint32_t, Ref>> last_direct;  // (opening mark, quote)
  for (Segment& seg : segments) {
    // Inside a reported clause of its sentence: mixed, or direct when it fills the clause.
    bool placed = false;
    bool trailing_cue_checked = false, has_trailing_cue = false;
    auto [r_begin, r_end] = reported_in_sentence[d.sentence_of[seg.open]];
    for (size_t r = r_begin; r < r_end && !placed; ++r) {
      Candidate& c = reported[r];
      if (reported_used[r] || seg.open < c.content_first || seg.last > c.content_last + 1) continue;
      bool fills = seg.open <= c.content_first + 1 && seg.last + 2 >= c.content_last;
      // Before a trailing cue, a quote that is the whole content, or that has a cue of its
      // own after it ("“…,” Bush, the former governor, told CNN."), is read by
      // TrailingCue below; one that is only part of the content ("“…” about fixing X,
      // said Y.") is mixed.
      if (c.trailing) {
        if (fills) continue;
        if (!trailing_cue_checked) {
          trailing_cue_checked = true;
          has_trailing_cue = TrailingCue(d, seg).has_value();
        }
        if (has_trailing_cue) continue;
      }
      if (fills) {
        c.quote.kind = Quote::Kind::kDirect;
        c.content_first = seg.open;
        c.content_last = seg.last;
        last_direct = {seg.open, Ref{true, r}};
      } else if (c.quote.kind != Quote::Kind::kDirect) {
        c.quote.kind = Quote::Kind::kMixed;
      }
      placed = true;
    }
    // "Breitbart News responded:" ending a paragraph, the quote opening the next one.
    if (!placed && seg.open > 0 && d.low(seg.open - 1) == ":" &&
        seg.open == d.paragraphs[d.paragraph_of[seg.open]].first) {
      auto [c_begin, c_end] = reported_in_sentence[d.sentence_of[seg.open - 1]];
      for (size_t r = c_begin; r < c_end && !placed; ++r) {
        Candidate& c = reported[r];
        if (c.content_first != seg.open - 1 || c.trailing) continue;
        c.quote.kind = Quote::Kind::kDirect;
        c.content_first = seg.open;
        c.content_last = seg.last;
        last_direct = {seg.open, Ref{true, r}};
        placed = true;
      }
    }
    if (placed) continue;
    std::optional<Candidate> c = TrailingCue(d, seg);
    if (c && !LooksLikeSpeech(d, seg)) {
      // A quoted title before a speaker who goes on to say something else: 'On “Fox
      // News Sunday,” Issa said the ...' is Issa's reported speech, not a quote.
      auto it = reported_by_cue.find(c->cue_token);
      if (it != reported_by_cue.end() && !reported[it->second].trailing) c.reset();
    }
    if (!c) c = LeadingCue(d, seg);
    if (!c) c = ColonLeadIn(d, seg);
    if (!c && LooksLikeSpeech(d, seg)) c = ColonClause(d, seg);
    if (c) {
      // A reported-speech reading of the same cue is superseded by the direct quote.
      if (auto it = reported_by_cue.find(c->cue_token); it != reported_by_cue.end()) reported_used[it->second] = 1;
      c->quote.kind = Quote::Kind::kDirect;
      c->quote.content = d.span(seg.open, seg.last);
      last_direct = {seg.open, Ref{false, found.size()}};
      found.push_back({seg.open, std::move(c->quote), std::nullopt});
      continue;
    }
    if (!LooksLikeSpeech(d, seg)) continue;  // scare quotes
    Found f{seg.open, {}, std::nullopt};
    f.quote.kind = Quote::Kind::kDirect;
    f.quote.content = d.span(seg.open, seg.last);
    f.quote.speaker_from = "none";
    // A quote paragraph (or sentence) without a cue continues the quote before it.
    if (last_direct && d.paragraph_of[seg.open] - d.paragraph_of[last_direct->first] <= kContinuationParagraphs) {
      f.quote.speaker_from = "previous-quote";
      f.continues = last_direct->second;
    }
    last_direct = {seg.open, Ref{false, found.size()}};
    found.push_back(std::move(f));
  }
  std::vector<size_t> found_of_reported(reported.size(), SIZE_MAX);
  for (size_t r = 0; r < reported.size(); ++r) {
    if (reported_used[r]) continue;
    Candidate& c = reported[r];
    if (c.content_first == c.content_last && d.low(c.content_first) == ":") continue;  // nothing said
    c.quote.content = d.span(c.content_first, c.content_last);
    found_of_reported[r] = found.size();
    found.push_back({c.content_first, std::move(c.quote), std::nullopt});
  }

  // Text order, with "continues" as an index into the final list.
  std::vector<size_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].first < found[b].first; });
  std::vector<int> final_index(found.size());
  for (size_t i = 0; i < order.size(); ++i) final_index[order[i]] = static_cast<int>(i);
  for (size_t i : order) {
    Found& f = found[i];
    if (f.continues) {
      size_t target = f.continues->reported ? found_of_reported[f.continues->index] : f.continues->index;
      if (target < found.size()) f.quote.continues = final_index[target];
      else f.quote.speaker_from = "none";
    }
    result.quotes.push_back(std::move(f.quote));
  }

  // Pass 4: pronoun speakers, then the speakers that continuations inherit.
  // Most documents have no pronoun speaker: build the resolver only when one needs it.
  std::optional<PronounResolver> resolver;
  for (Quote& q : result.quotes) {
    if (q.speaker_from != "pronoun" || !q.speaker_mention) continue;
    if (!resolver) resolver.emplace(d, result.quotes);
    auto [first, last] = resolver->TokensOf(q.speaker_mention->begin, q.speaker_mention->end);
    if (first >= d.tok.size() || !IsPersonPronoun(d.low(first))) continue;
    if (auto antecedent = resolver->Resolve(first)) q.speaker = antecedent;
  }
  for (Quote& q : result.quotes)
    if (q.speaker_from == "previous-quote" && q.continues >= 0 && q.continues < static_cast<int>(result.quotes.size()))
      q.speaker = result.quotes[q.continues].speaker;
  return result;
}

std::string QuoteAttrsJson(const std::vector<Quote>& quotes, size_t i) {
  // Written by hand: this runs for every quote of every document, and the values are
  // numbers and words from fixed lists.
  const Quote& q = quotes[i];
  std::string out;
  out.reserve(200);
  auto span = [&](const char* key, const std::optional<Span>& s) {
    out += '"';
    out += key;
    out += "\":";
    if (s) out += "[" + std::to_string(s->begin) + "," + std::to_string(s->end) + "]";
    else out += "null";
  };
  auto text = [&](const char* key, std::string_view value) {
    out += '"';
    out += key;
    out += "\":\"";
    for (char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    out += '"';
  };
  out += '{';
  span("content", q.content);
  out += ',';
  span("cue", q.cue);
  out += ',';
  text("cue_lemma", q.cue_lemma);
  out += ',';
  span("speaker", q.speaker);
  out += ',';
  span("speaker_mention", q.speaker_mention);
  out += ',';
  text("speaker_from", q.speaker_from.empty() ? "none" : q.speaker_from);
  out += ",\"speaker_entity\":";
  if (q.speaker_entity) {
    out += '{';
    span("span", q.speaker_entity);
    out += ',';
    text("label", q.speaker_entity_label);
    out += ',';
    text("text", q.speaker_entity_text);
    out += '}';
  } else {
    out += "null";
  }
  out += ',';
  std::optional<Span> continued;
  if (q.continues >= 0 && static_cast<size_t>(q.continues) < quotes.size()) continued = quotes[q.continues].content;
  span("continues", continued);
  out += '}';
  return out;
}

void ResolveSpeakerEntities(Doc& doc, const SpeakerResolver& actor_for) {
  const std::vector<Annotation>* layer = doc.Layer("quote");
  if (layer == nullptr) return;
  std::vector<Annotation> updated = *layer;
  for (Annotation& a : updated) {
    nlohmann::json j = nlohmann::json::parse(a.attrs, nullptr, false);
    if (j.is_discarded() || !j.contains("speaker") || !j["speaker"].is_array()) continue;
    Span speaker{j["speaker"][0].get<uint32_t>(), j["speaker"][1].get<uint32_t>()};
    std::optional<std::string> actor = actor_for(speaker);
    j["speaker_actor"] = actor ? nlohmann::json(*actor) : nlohmann::json(nullptr);
    a.attrs = j.dump();
  }
  doc.SetLayer("quote", std::move(updated));
}

std::optional<AccordingTo> FindAccordingTo(const Doc& doc, uint32_t begin, uint32_t end) {
  const std::vector<Token>& tok = doc.tokens();
  end = std::min<uint32_t>(end, static_cast<uint32_t>(tok.size()));
  for (uint32_t k = begin; k + 2 < end; ++k) {
    std::string_view w = doc.Slice(tok[k].span), next = doc.Slice(tok[k + 1].span);
    if (w.size() != 9 || (w[0] != 'a' && w[0] != 'A') || w.substr(1) != "ccording" || next.size() != 2 ||
        (next != "to" && next != "To"))
      continue;
    // The source runs to the next comma or the sentence's end.
    uint32_t e = k + 2;
    while (e < end && e - (k + 2) < kMaxNounPhrase * 2) {
      std::string_view x = doc.Slice(tok[e].span);
      if (x == "," || x == ";" || x == ":" || x == "(" || x == ")" || IsSentenceEndPunct(x) || MarkOf(x) != Mark::kNone ||
          x == "that" || x == "which" || x == "who")
        break;
      ++e;
    }
    if (e == k + 2) continue;
    return AccordingTo{{tok[k].span.begin, tok[k + 1].span.end}, {tok[k + 2].span.begin, tok[e - 1].span.end}};
  }
  return std::nullopt;
}

}  // namespace sitrep
