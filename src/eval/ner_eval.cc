// Entity scoring over IOB2 gold data.
#include "eval/ner_eval.h"

#include <time.h>

#include <fmt/format.h>

namespace sitrep {

namespace {

// CPU time of this thread: what "tokens per second per core" means on a busy machine.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

NerEvaluation EvaluateNer(const NamedEntityRecognizer& ner, const std::vector<Iob2Sentence>& gold,
                          const std::vector<std::string>& types) {
  const std::vector<std::string>& keep = types.empty() ? ner.model().types() : types;
  NerEvaluation ev;
  std::vector<std::vector<std::string>> predicted(gold.size());
  double start = ThreadSeconds();
  std::vector<std::vector<std::string_view>> doc;
  std::vector<std::vector<std::string>> tags;
  for (auto [first, last] : Iob2Documents(gold)) {
    doc.clear();
    for (size_t s = first; s < last; ++s) {
      doc.emplace_back(gold[s].words.begin(), gold[s].words.end());
      ev.tokens += gold[s].words.size();
    }
    ner.TagDoc(doc, {}, &tags);
    for (size_t s = first; s < last; ++s) predicted[s] = std::move(tags[s - first]);
  }
  ev.seconds = ThreadSeconds() - start;
  ev.sentences = gold.size();
  for (size_t s = 0; s < gold.size(); ++s)
    ev.scores.AddSentence(SpansFromIob2(gold[s].tags), SpansFromIob2(predicted[s]), keep);
  return ev;
}

std::string FormatNerScores(const NerScores& scores, const std::vector<std::string>& types) {
  std::string out;
  auto line = [&](const std::string& name, const SpanCounts& c) {
    out += fmt::format("{}: precision={:.2f} recall={:.2f} f1={:.2f} gold={} predicted={}\n", name, c.precision(),
                       c.recall(), c.f1(), c.tp + c.fn, c.tp + c.fp);
  };
  for (const std::string& t : types) {
    auto it = scores.by_type.find(t);
    line(t, it == scores.by_type.end() ? SpanCounts() : it->second);
  }
  line("all", scores.all);
  out += fmt::format("ner: f1={:.2f}", scores.all.f1());
  for (const std::string& t : types) {
    std::string lower;
    for (char c : t) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    auto it = scores.by_type.find(t);
    out += fmt::format(" {}={:.2f}", lower, it == scores.by_type.end() ? 0.0 : it->second.f1());
  }
  out += "\n";
  return out;
}

}  // namespace sitrep
