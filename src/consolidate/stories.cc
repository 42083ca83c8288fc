// Story grouping (see stories.h).
#include "consolidate/stories.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "annotate/timex.h"

namespace sitrep {

namespace {

using SparseVector = std::vector<std::pair<int, double>>;  // feature id, weight; sorted by id

// Feature ids for terms and names; names are prefixed ("PER:dar"), terms are not, so
// the two never collide.
class Vocabulary {
 public:
  int Id(const std::string& feature, bool is_name) {
    // find first: emplace would build (and throw away) a node for every known feature.
    if (auto it = ids_.find(feature); it != ids_.end()) return it->second;
    int id = static_cast<int>(ids_.size());
    ids_.emplace(feature, id);
    is_name_.push_back(is_name);
    return id;
  }
  size_t size() const { return ids_.size(); }
  bool is_name(int id) const { return is_name_[id]; }

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<bool> is_name_;
};

// Counts per feature id of one document.
std::unordered_map<int, double> RawCounts(const DocFeatures& d, Vocabulary& vocab) {
  std::unordered_map<int, double> counts;
  for (const std::string& t : d.terms) counts[vocab.Id(t, false)] += 1;
  for (const std::string& n : d.names) counts[vocab.Id(n, n.rfind("PER:", 0) == 0)] += 1;
  return counts;
}

// Unit TF-IDF vector: (1 + log tf) * idf, idf = log((N + 1) / (df + 1)), names times
// `name_weight`. A feature every document has weighs nothing.
SparseVector Weigh(const std::unordered_map<int, double>& counts, const std::vector<int>& df, int n_docs,
                   const Vocabulary& vocab, double name_weight) {
  SparseVector v;
  double norm = 0;
  for (const auto& [id, tf] : counts) {
    double idf = std::log((n_docs + 1.0) / (df[id] + 1.0));
    if (idf <= 0) continue;
    double w = (1 + std::log(tf)) * idf * (vocab.is_name(id) ? name_weight : 1.0);
    v.emplace_back(id, w);
    norm += w * w;
  }
  std::sort(v.begin(), v.end());
  if (norm > 0)
    for (auto& [id, w] : v) w /= std::sqrt(norm);
  return v;
}

struct Story {
  std::unordered_map<int, double> centroid;  // sum of member unit vectors
  double norm2 = 0;
  std::vector<int> members;
  DayRange dated_span{DayRange::kOpenHigh, DayRange::kOpenLow};  // of precisely dated members
  DayRange loose_span{DayRange::kOpenHigh, DayRange::kOpenLow};  // of all members with any bound
  bool has_dated = false, has_loose = false;

  void Add(int doc, const SparseVector& v, const DayRange& when, bool precise) {
    for (const auto& [id, w] : v) {
      double& c = centroid[id];
      norm2 += 2 * c * w + w * w;
      c += w;
    }
    members.push_back(doc);
    DayRange& span = precise ? dated_span : loose_span;
    if (when.known()) {
      span.first = std::min(span.first, when.first);
      span.last = std::max(span.last, when.last);
      (precise ? has_dated : has_loose) = true;
    }
  }

  double Cosine(const SparseVector& v) const {
    if (norm2 <= 0) return 0;
    double dot = 0;
    for (const auto& [id, w] : v)
      if (auto it = centroid.find(id); it != centroid.end()) dot += it->second * w;
    return dot / std::sqrt(norm2);
  }
};

// Whether an undated document states a day (month and day, any year) within `slack`
// days of the story's dated reports: an explainer that says "on March 20" belongs with
// the reports written that week rather than with those of a month before.
bool StatesADayOf(const Story& story, const DocFeatures& doc, int64_t slack) {
  if (!story.has_dated || doc.stated_days.empty() || story.dated_span.last - story.dated_span.first > 366) return false;
  for (int64_t day = story.dated_span.first - slack; day <= story.dated_span.last + slack; ++day) {
    CivilTime t = CivilFromDays(day);
    for (const auto& [month, d] : doc.stated_days)
      if (t.month == month && t.day == d) return true;
  }
  return false;
}

bool Overlaps(const DayRange& a, const DayRange& b, int64_t slack) {
  return a.first <= b.last + slack && b.first <= a.last + slack;
}

// Whether a document written in `when` can report the same development as `story`.
bool CompatibleInTime(const Story& story, const DayRange& when, bool precise, const StoryOptions& o) {
  if (!when.known()) return true;
  if (story.has_dated && !Overlaps(when, story.dated_span, o.window_days)) return false;
  if (precise && story.has_loose && !Overlaps(when, story.loose_span, o.window_days)) return false;
  return true;
}

}  // namespace

StoryGrouping GroupStories(const std::vector<DocFeatures>& docs, const std::vector<int>& copy_of,
                           const StoryOptions& options) {
  const int n = static_cast<int>(docs.size());
  auto is_copy = [&](int i) { return i < static_cast<int>(copy_of.size()) && copy_of[i] >= 0; };

  // Document frequencies over the originals: a set property, whatever the order.
  Vocabulary vocab;
  std::vector<std::unordered_map<int, double>> counts(n);
  int originals = 0;
  for (int i = 0; i < n; ++i) {
    if (is_copy(i)) continue;
    counts[i] = RawCounts(docs[i], vocab);
    ++originals;
  }
  std::vector<int> df(vocab.size(), 0);
  for (int i = 0; i < n; ++i)
    for (const auto& [id, c] : counts[i]) ++df[id];

  // The canonical order: precisely dated documents by day, then the rest; text hash
  // (then index, for byte-identical texts) breaks ties.
  auto precise = [&](int i) { return docs[i].when.exact_enough(options.exact_days); };
  std::vector<int> order;
  for (int i = 0; i < n; ++i)
    if (!is_copy(i)) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    bool pa = precise(a), pb = precise(b);
    if (pa != pb) return pa;
    if (pa && docs[a].when.first != docs[b].when.first) return docs[a].when.first < docs[b].when.first;
    if (docs[a].key != docs[b].key) return docs[a].key < docs[b].key;
    return a < b;
  });

  std::vector<Story> stories;
  std::unordered_map<int, std::vector<int>> postings;  // feature id -> stories having it
  std::unordered_map<int, std::vector<int>> recent_postings;  // the same, stories still open to dated reports
  StoryGrouping out;
  out.story_of.assign(n, -1);
  std::vector<int> seen_mark;
  std::vector<double> shared_weight;
  for (int doc : order) {
    SparseVector v = Weigh(counts[doc], df, originals, vocab, options.name_weight);
    bool is_precise = precise(doc);
    // Candidates: stories sharing one of the document's heaviest features.
    SparseVector heaviest = v;
    std::sort(heaviest.begin(), heaviest.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (heaviest.size() > options.candidate_features) heaviest.resize(options.candidate_features);
    // Each candidate's weight of shared heavy features, a cheap bound on its cosine: only
    // the best few are scored in full, so a document costs the same in a large corpus.
    std::vector<int> candidates;
    seen_mark.resize(stories.size(), -1);
    shared_weight.resize(stories.size(), 0);
    for (const auto& [id, w] : heaviest) {
      // Dated documents come in order of day, so a story whose reports all ended more
      // than a window ago can never take another dated one: it leaves the recent lists
      // for good, and those lists stay as short as the stories of a few days.
      std::vector<int>* list = nullptr;
      if (is_precise) {
        auto it = recent_postings.find(id);
        if (it == recent_postings.end()) continue;
        list = &it->second;
        std::erase_if(*list, [&](int s) {
          return stories[s].has_dated && stories[s].dated_span.last + options.window_days < docs[doc].when.first;
        });
      } else {
        auto it = postings.find(id);
        if (it == postings.end()) continue;
        list = &it->second;
      }
      if (list->size() > options.max_postings) continue;
      for (int s : *list) {
        if (seen_mark[s] != doc) seen_mark[s] = doc, shared_weight[s] = 0, candidates.push_back(s);
        shared_weight[s] += w;
      }
    }
    auto by_shared = [&](int a, int b) {
      return shared_weight[a] != shared_weight[b] ? shared_weight[a] > shared_weight[b] : a < b;
    };
    if (candidates.size() > options.scored_candidates) {
      std::partial_sort(candidates.begin(), candidates.begin() + options.scored_candidates, candidates.end(), by_shared);
      candidates.resize(options.scored_candidates);
    }
    std::sort(candidates.begin(), candidates.end());
    int best = -1;
    double best_score = options.threshold;
    for (int s : candidates) {
      if (!CompatibleInTime(stories[s], docs[doc].when, is_precise, options)) continue;
      double score = stories[s].Cosine(v);
      if (!is_precise && StatesADayOf(stories[s], docs[doc], options.window_days)) score += options.date_bonus;
      if (score >= best_score && (best < 0 || score > best_score)) best = s, best_score = score;
    }
    if (best < 0) {
      best = static_cast<int>(stories.size());
      stories.emplace_back();
      seen_mark.push_back(-1);
    }
    for (const auto& [id, w] : v) {
      std::vector<int>& p = postings[id];
      if (p.empty() || p.back() != best) p.push_back(best);
      if (is_precise) {
        std::vector<int>& r = recent_postings[id];
        if (r.empty() || r.back() != best) r.push_back(best);
      }
    }
    stories[best].Add(doc, v, docs[doc].when, is_precise);
    out.story_of[doc] = best;
  }
  // Copies join their original's story (an original is never itself a copy).
  for (int i = 0; i < n; ++i)
    if (is_copy(i)) out.story_of[i] = out.story_of[copy_of[i]];

  out.stories.resize(stories.size());
  for (int doc : order) out.stories[out.story_of[doc]].push_back(doc);
  for (int i = 0; i < n; ++i)
    if (is_copy(i)) out.stories[out.story_of[i]].push_back(i);
  for (const auto& members : out.stories) out.story_keys.push_back(docs[members.front()].key);
  return out;
}

}  // namespace sitrep
