// Speakers as entities (see quote_speakers.h).
#include "annotate/quote_speakers.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace sitrep {

namespace {

// Lower rank is preferred; entities of other kinds never speak.
int Rank(std::string_view label) {
  if (label == "PER") return 0;
  if (label == "ORG") return 1;
  if (label == "LOC" || label == "GPE") return 2;
  return -1;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// How far back (bytes) a pronoun looks for its entity: a few paragraphs of news.
constexpr uint32_t kPronounReach = 2000;

}  // namespace

void AttachSpeakerEntities(const Doc& doc, const std::vector<Annotation>& entities, std::vector<Quote>* quotes) {
  if (entities.empty()) return;
  auto set = [&](Quote& q, const Annotation& e) {
    q.speaker_entity = e.span;
    q.speaker_entity_label = e.label;
    q.speaker_entity_text = std::string(doc.Slice(e.span));
  };
  for (Quote& q : *quotes) {
    if (!q.speaker) continue;
    // Entities overlapping the speaker: the first to start at or after speaker.begin,
    // stepping back over a few that start earlier but may reach into it.
    auto it = std::lower_bound(entities.begin(), entities.end(), q.speaker->begin,
                               [](const Annotation& a, uint32_t b) { return a.span.begin < b; });
    auto from = it;
    for (int n = 0; n < 4 && from != entities.begin(); ++n) --from;
    const Annotation* best = nullptr;
    for (auto e = from; e != entities.end() && e->span.begin < q.speaker->end; ++e) {
      if (e->span.end <= q.speaker->begin) continue;
      int r = Rank(e->label);
      if (r < 0) continue;
      // Prefer the better kind, then the later mention (the head of "X's spokesman Y").
      if (best == nullptr || r < Rank(best->label) || (r == Rank(best->label) && e->span.begin > best->span.begin))
        best = &*e;
    }
    if (best != nullptr) {
      set(q, *best);
      continue;
    }
    // A pronoun the quote finder could not resolve to a name: the nearest entity before it.
    Span mention = q.speaker_mention ? *q.speaker_mention : *q.speaker;
    std::string word = LowerAscii(doc.Slice(mention));
    int want = -1;
    if (word == "he" || word == "she" || word == "i" || word == "his" || word == "her") want = 0;
    if (word == "it" || word == "they" || word == "we" || word == "its" || word == "their") want = 1;
    if (want < 0) continue;
    auto before = std::lower_bound(entities.begin(), entities.end(), mention.begin,
                                   [](const Annotation& a, uint32_t b) { return a.span.begin < b; });
    while (before != entities.begin()) {
      --before;
      if (before->span.end > mention.begin) continue;
      if (mention.begin - before->span.end > kPronounReach) break;
      if (Rank(before->label) == want) {
        set(q, *before);
        break;
      }
    }
  }
}

}  // namespace sitrep
