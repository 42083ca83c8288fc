// Consolidation steps in order (see consolidate.h).
#include "consolidate/consolidate.h"

#include <algorithm>

#include "code/event_stage.h"
#include "consolidate/doc_features.h"
#include "consolidate/twin_dct.h"

namespace sitrep {

Result<Consolidation> Consolidate(std::vector<Doc*>& docs, const ConsolidateOptions& options) {
  Consolidation out;
  std::vector<DocFeatures> features;
  features.reserve(docs.size());
  for (const Doc* d : docs) features.push_back(FeaturesOf(*d));

  // The original of a group of copies is the first published; undated ones come after
  // every dated one, and among equals the order of the text hashes decides, so the
  // choice does not depend on arrival.
  std::vector<std::vector<std::string>> words;
  std::vector<int64_t> order;
  std::vector<std::pair<int64_t, std::string>> rank_keys;
  for (const DocFeatures& f : features) {
    words.push_back(f.words);
    rank_keys.emplace_back(f.dated ? f.when.first : DayRange::kOpenHigh, f.key);
  }
  std::vector<size_t> idx(rank_keys.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return rank_keys[a] != rank_keys[b] ? rank_keys[a] < rank_keys[b] : a < b;
  });
  order.assign(idx.size(), 0);
  for (size_t r = 0; r < idx.size(); ++r) order[idx[r]] = static_cast<int64_t>(r);
  out.copy_of = FindNearDuplicates(words, order, options.duplicates);

  out.stories = GroupStories(features, out.copy_of, options.stories);
  if (options.tighten_dct) {
    auto changed = TightenDctFromTwins(docs, out.stories, options.lexicon);
    if (!changed.ok()) return changed.status();
    out.dct_tightened = std::move(*changed);
  }
  out.actors = code::ActorKnowledge::Learn(docs);
  if (options.recode_known_people) {
    const code::EventStage recoder(options.lexicon);
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!docs[i]->Layer("events")) continue;
      const code::NameCodes known = out.actors.KnownNames(static_cast<int>(i));
      if (known.empty()) continue;
      const std::vector<Annotation> before = *docs[i]->Layer("events");
      SITREP_RETURN_IF_ERROR(recoder.Process(*docs[i], known));
      const std::vector<Annotation>& after = *docs[i]->Layer("events");
      const bool same = before.size() == after.size() &&
                        std::equal(before.begin(), before.end(), after.begin(), [](const Annotation& a, const Annotation& b) {
                          return a.span == b.span && a.label == b.label && a.attrs == b.attrs;
                        });
      if (!same) out.recoded.push_back(static_cast<int>(i));
    }
  }
  return out;
}

}  // namespace sitrep
