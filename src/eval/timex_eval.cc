// The TempEval-3 TIMEX3 scorer (see timex_eval.h).
#include "eval/timex_eval.h"

#include <algorithm>
#include <filesystem>

namespace sitrep {

void TimexCounts::Add(const TimexCounts& o) {
  docs += o.docs, gold += o.gold, system += o.system;
  strict += o.strict, relaxed += o.relaxed, type_ok += o.type_ok, value_ok += o.value_ok;
}

TimexCounts ScoreTimexes(const std::vector<TimemlTimex>& gold, const std::vector<TimemlTimex>& system,
                         std::vector<TimexPair>* pairs) {
  TimexCounts c;
  c.docs = 1;
  c.gold = gold.size();
  c.system = system.size();
  std::vector<int> match(gold.size(), -1);
  std::vector<bool> taken(system.size(), false);
  // Exact spans first, so an overlapping neighbour cannot take a timex's exact partner.
  for (size_t g = 0; g < gold.size(); ++g)
    for (size_t s = 0; s < system.size(); ++s)
      if (!taken[s] && gold[g].span == system[s].span) {
        match[g] = static_cast<int>(s), taken[s] = true, ++c.strict;
        break;
      }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (match[g] >= 0) continue;
    for (size_t s = 0; s < system.size(); ++s)
      if (!taken[s] && gold[g].span.begin < system[s].span.end && system[s].span.begin < gold[g].span.end) {
        match[g] = static_cast<int>(s), taken[s] = true;
        break;
      }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (match[g] < 0) {
      if (pairs) pairs->push_back({&gold[g], nullptr});
      continue;
    }
    const TimemlTimex& s = system[match[g]];
    ++c.relaxed;
    c.type_ok += s.type == gold[g].type;
    c.value_ok += s.value == gold[g].value;
    if (pairs) pairs->push_back({&gold[g], &s});
  }
  if (pairs)
    for (size_t s = 0; s < system.size(); ++s)
      if (!taken[s]) pairs->push_back({nullptr, &system[s]});
  return c;
}

namespace {

double Pct(size_t part, size_t whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

TimexScores Summarize(const TimexCounts& c) {
  TimexScores s;
  s.strict_p = Pct(c.strict, c.system), s.strict_r = Pct(c.strict, c.gold), s.strict_f1 = F1(s.strict_p, s.strict_r);
  s.relaxed_p = Pct(c.relaxed, c.system), s.relaxed_r = Pct(c.relaxed, c.gold);
  s.relaxed_f1 = F1(s.relaxed_p, s.relaxed_r);
  s.type_accuracy = Pct(c.type_ok, c.relaxed), s.value_accuracy = Pct(c.value_ok, c.relaxed);
  s.type_f1 = s.relaxed_f1 * s.type_accuracy / 100;
  s.value_f1 = s.relaxed_f1 * s.value_accuracy / 100;
  return s;
}

bool InTimexSplit(std::string_view file_name, std::string_view split) {
  if (split == "all") return true;
  uint32_t h = 0x811c9dc5u;
  for (char c : file_name) h = (h ^ static_cast<unsigned char>(c)) * 0x01000193u;
  bool dev = h % 2 == 0;
  return split == "dev" ? dev : !dev;
}

Result<std::vector<std::string>> FindTimemlFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_regular_file(dir, ec)) return std::vector<std::string>{dir};
  if (!fs::is_directory(dir, ec)) return Status(Code::kNotFound, "no such folder").At(dir);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".tml") files.push_back(it->path().string());
  if (ec) return Status(Code::kIo, ec.message()).At(dir);
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace sitrep
