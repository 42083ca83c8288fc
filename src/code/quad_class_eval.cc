#include "code/quad_class_eval.h"

#include <fmt/format.h>

#include <fstream>

#include <nlohmann/json.hpp>

namespace sitrep::code {

int QuadClassResult::right() const {
  int n = 0;
  for (int q = 1; q <= 4; ++q) n += confusion[q][q];
  return n;
}

int QuadClassResult::predicted() const {
  int n = 0;
  for (int g = 1; g <= 4; ++g)
    for (int p = 1; p <= 4; ++p) n += confusion[g][p];
  return n;
}

int QuadClassResult::gold() const {
  int n = 0;
  for (int g = 1; g <= 4; ++g)
    for (int p = 0; p <= 4; ++p) n += confusion[g][p];
  return n;
}

namespace {

// The QuadClass of the document's most confident event (the first of equals), 0 if none.
int PredictedQuad(const Doc& doc) {
  const std::vector<Annotation>* events = doc.Layer("events");
  if (!events) return 0;
  int quad = 0;
  double best = -1;
  for (const Annotation& e : *events) {
    const nlohmann::json j = nlohmann::json::parse(e.attrs, nullptr, false);
    if (!j.is_object()) continue;
    const double confidence = j.value("confidence", 0.0);
    const int q = j.value("quad_class", 0);
    if (q >= 1 && q <= 4 && confidence > best) best = confidence, quad = q;
  }
  return quad;
}

}  // namespace

Result<QuadClassResult> EvalQuadClasses(const std::string& dir, const std::string& split,
                                        const SentenceAnnotator& annotate) {
  const std::string path = dir + "/cameo_class/" + split + ".tsv";
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the sentences", path));
  QuadClassResult r;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the files have CRLF line ends
    if (line.empty()) continue;
    const size_t tab = line.rfind('\t');
    const std::string label = tab == std::string::npos ? "" : line.substr(tab + 1);
    if (label.size() != 1 || label[0] < '0' || label[0] > '4')
      return Status(Code::kInvalidArgument, fmt::format("{}:{}: expected sentence<TAB>label 0-4", path, line_no));
    const std::optional<Doc> doc = annotate(fmt::format("{}:{}", path, line_no), line.substr(0, tab));
    ++r.sentences;
    ++r.confusion[label[0] - '0'][doc ? PredictedQuad(*doc) : 0];
  }
  return r;
}

}  // namespace sitrep::code
